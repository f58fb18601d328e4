import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { risksApi } from '../api/risks.ts';
import { useResource } from '../api/use-resource.ts';
import { SeverityBadge } from '../features/findings/finding-badges.tsx';
import { RiskActions } from '../features/risks/risk-actions.tsx';
import { RiskApproval } from '../features/risks/risk-approval.tsx';
import { RiskEditForm } from '../features/risks/risk-edit-form.tsx';
import { RiskFacts } from '../features/risks/risk-facts.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function RiskPage() {
  const { ref = '' } = useParams();
  const risk = useResource(() => risksApi.get(ref), [ref]);
  const r = risk.data;
  const [editing, setEditing] = useState(false);
  return (
    <>
      <ProblemAlert error={risk.error} title="Could not load this acceptance" />
      {risk.loading && !r && <Loading label="Loading the acceptance…" />}
      {r && (
        <>
          <PageHeader title={`${r.key} ${r.title}`} subtitle={<><span className={`badge risk-status-${r.status}`}>{r.status}</span> {r.zone ? <Link to={`/zones/${r.zone.key}`}>{r.zone.name}</Link> : 'no zone set'}</>}
            actions={<Link to="/risks" className="btn">Register</Link>} />
          <section className="card" aria-labelledby="risk-facts-h">
            <h2 id="risk-facts-h">{editing ? 'Edit the draft' : 'What is accepted'}</h2>
            {editing ? (
              <RiskEditForm risk={r} onCancel={() => setEditing(false)} onSaved={(next) => { risk.setData(next); setEditing(false); }} />
            ) : (
              <>
                <RiskFacts risk={r} />
                {r.permissions.canEdit && <button type="button" className="btn" onClick={() => setEditing(true)}>Edit draft</button>}
              </>
            )}
          </section>
          <RiskApproval risk={r} />
          <RiskActions risk={r} onChange={(next) => risk.setData(next)} />
          <section className="card" aria-labelledby="risk-findings-h">
            <h2 id="risk-findings-h">Linked findings ({r.findingCount})</h2>
            {r.findings.length === 0 ? <p>No finding is linked.</p> : (
              <ul className="plain-list">
                {r.findings.map((f) => (
                  <li key={f.id}><SeverityBadge severity={f.severity} /> <Link to={`/findings/${f.id}`}>{f.title}</Link> · {f.status} · {f.triage.replace('_', ' ')}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
