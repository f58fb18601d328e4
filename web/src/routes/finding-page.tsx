import { Link, useParams } from 'react-router-dom';
import type { FindingDetail } from '../../../src/contracts/findings.ts';
import { findingsApi } from '../api/findings.ts';
import { useResource } from '../api/use-resource.ts';
import { zonesApi } from '../api/zones.ts';
import { EvidenceList } from '../features/findings/evidence-list.tsx';
import { FindingStatusBadge, RegressedFlag, SeverityBadge } from '../features/findings/finding-badges.tsx';
import { FindingFacts } from '../features/findings/finding-facts.tsx';
import { FindingHistory } from '../features/findings/finding-history.tsx';
import { HypothesisCard } from '../features/findings/hypothesis-card.tsx';
import { useNavCounts } from '../features/queue/nav-counts.tsx';
import { useActorName } from '../features/users/use-actor-name.ts';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { formatDateTime } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function FindingPage() {
  const { id = '' } = useParams();
  const finding = useResource(() => findingsApi.get(id), [id]);
  const counts = useNavCounts();
  const nameOf = useActorName();
  const f = finding.data;
  // Only a finding that may be routed needs the zone list.
  const needsZones = f !== undefined && f.zone === null && f.canRoute;
  const zones = useResource(() => (needsZones ? zonesApi.list({ sort: 'name', limit: 500 }) : Promise.resolve(undefined)), [needsZones]);

  if (finding.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/findings">← Findings</Link></p>
        <ProblemAlert error={finding.error} title={finding.error.status === 404 ? 'Finding not found' : 'Could not load the finding'} />
      </>
    );
  }
  if (!f) return <Loading label="Loading finding…" />;
  const changed = (next: FindingDetail) => {
    if (next.zone?.id !== f.zone?.id) counts.refresh();
    finding.setData(next);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/findings">Findings</Link> <span aria-hidden="true">/</span>{' '}
        {f.zone ? <Link to={`/findings?zone=${encodeURIComponent(f.zone.key)}`}>{f.zone.name}</Link> : 'Unrouted'}
      </p>
      <PageHeader
        title={f.title}
        subtitle={(
          <div className="zone-meta">
            <SeverityBadge severity={f.severity} />
            <FindingStatusBadge status={f.status} />
            {f.regressed && <RegressedFlag count={f.regressionCount} />}
            <span className="muted small">Last seen {formatDateTime(f.lastSeenAt)}</span>
          </div>
        )}
      />
      {f.regressed && (
        <Alert tone="warning" title={`Regressed ${f.regressionCount} ${f.regressionCount === 1 ? 'time' : 'times'}`}>
          <p>This finding was fixed or verified, then came back. See the history below for the runs.</p>
        </Alert>
      )}
      <div className="detail-grid aside-last">
        <div className="detail-main">
          <HypothesisCard finding={f} onSaved={changed} />
          <section className="card" aria-labelledby="description-heading">
            <h2 id="description-heading" className="card-title">Description</h2>
            {f.description ? <p className="prewrap">{f.description}</p> : <p className="muted">No description.</p>}
            <h3 className="card-subtitle">Mitigation</h3>
            {f.mitigation ? <p className="prewrap">{f.mitigation}</p> : <p className="muted">None recorded.</p>}
          </section>
          <section className="card" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading" className="card-title">Evidence</h2>
            <EvidenceList evidence={f.evidence} />
          </section>
          <FindingHistory history={f.history} nameOf={nameOf} />
        </div>
        <aside className="detail-aside">
          <FindingFacts finding={f} zones={zones.data?.items ?? []} onChanged={changed} nameOf={nameOf} />
        </aside>
      </div>
    </>
  );
}
