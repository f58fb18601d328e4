import { Link, useParams } from 'react-router-dom';
import { risksApi } from '../api/risks.ts';
import { useResource } from '../api/use-resource.ts';
import { SeverityBadge } from '../features/findings/finding-badges.tsx';
import { RiskActions } from '../features/risks/risk-actions.tsx';
import { RiskApproval } from '../features/risks/risk-approval.tsx';
import { expiryText } from '../features/risks/risks-table.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function RiskPage() {
  const { ref = '' } = useParams();
  const risk = useResource(() => risksApi.get(ref), [ref]);
  const r = risk.data;
  return (
    <>
      <ProblemAlert error={risk.error} title="Could not load this acceptance" />
      {risk.loading && !r && <Loading label="Loading the acceptance…" />}
      {r && (
        <>
          <PageHeader title={`${r.key} ${r.title}`} subtitle={<><span className={`badge risk-status-${r.status}`}>{r.status}</span> {r.zone ? <Link to={`/zones/${r.zone.key}`}>{r.zone.name}</Link> : 'no zone set'}</>}
            actions={<Link to="/risks" className="btn">Register</Link>} />
          <section className="card" aria-labelledby="risk-facts-h">
            <h2 id="risk-facts-h">What is accepted</h2>
            <dl className="facts">
              <dt>Residual severity</dt><dd>{r.residualSeverity ? <SeverityBadge severity={r.residualSeverity} /> : 'not set'}</dd>
              <dt>Business justification</dt><dd className="pre-wrap">{r.justification}</dd>
              <dt>Compensating controls and monitoring</dt><dd className="pre-wrap">{r.compensatingControls || '—'}</dd>
              <dt>Estimated exposure</dt>
              <dd>{[r.exposure.text, r.exposure.amount !== null ? `${r.exposure.amount} ${r.exposure.unit ?? ''}` : ''].filter(Boolean).join(' · ') || '—'}</dd>
              <dt>Review on</dt><dd>{r.reviewOn ?? 'not set'}</dd>
              <dt>Expires</dt><dd>{expiryText(r)}</dd>
              {r.revokeReason && <><dt>Revoked</dt><dd>{r.revokeReason}</dd></>}
              {r.lapsedFindings !== null && <><dt>Back to triage</dt><dd>{r.lapsedFindings} finding(s)</dd></>}
            </dl>
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
