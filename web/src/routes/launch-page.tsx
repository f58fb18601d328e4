import { Link, useParams } from 'react-router-dom';
import { launchesApi } from '../api/launches.ts';
import { useResource } from '../api/use-resource.ts';
import { CosignForm, DecisionForm } from '../features/launches/decision-form.tsx';
import { DecisionHistory } from '../features/launches/decision-history.tsx';
import { GateChecks } from '../features/launches/gate-checks.tsx';
import { LaunchStatusBadge } from '../features/launches/launch-labels.tsx';
import { useActorName } from '../features/users/use-actor-name.ts';
import { TierBadge } from '../features/zones/tier-badge.tsx';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { formatDate, formatDateTime } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function LaunchPage() {
  const { id = '' } = useParams();
  const launch = useResource(() => launchesApi.get(id), [id]);
  const nameOf = useActorName();
  if (launch.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/launches">← Launches</Link></p>
        <ProblemAlert error={launch.error} title={launch.error.status === 404 ? 'Launch not found' : 'Could not load the launch'} />
      </>
    );
  }
  if (!launch.data) return <Loading label="Loading launch…" />;
  const l = launch.data;
  return (
    <>
      <p className="breadcrumb"><Link to="/launches">Launches</Link></p>
      <PageHeader title={l.name} subtitle={(
        <div className="zone-meta">
          <span>Planned {formatDate(l.plannedOn)}</span>
          <Link to={`/zones/${encodeURIComponent(l.zone.key)}`}>{l.zone.name}</Link>
          <TierBadge tier={l.zone.tier} />
          <span data-testid="launch-status"><LaunchStatusBadge launch={l} /></span>
        </div>
      )} />
      {l.override && (
        <Alert tone="warning" title="Launched as an override">
          <p>Went ahead over failing checks: asked by {nameOf(l.decidedBy)}, co-signed by {nameOf(l.cosignedBy)}{l.cosignedAt ? ` on ${formatDateTime(l.cosignedAt)}` : ''}.</p>
        </Alert>
      )}
      <div className="detail-grid aside-last">
        <div className="detail-main">
          <GateChecks gate={l.gate} />
          <DecisionHistory decisions={l.decisions} />
        </div>
        <aside className="detail-aside">
          <section className="card" aria-labelledby="launch-links-heading">
            <h2 id="launch-links-heading" className="card-title">Reviews</h2>
            <p>PRD: {l.prd ? <Link to={`/prds/${encodeURIComponent(l.prd.id)}`}>{l.prd.title}</Link> : <span className="muted">none linked</span>}</p>
            <p>Pre-mortem: {l.premortem ? <Link to={`/premortems/${encodeURIComponent(l.premortem.id)}`}>{l.premortem.release}</Link> : <span className="muted">none linked</span>}</p>
            <p className="small muted">Decided by the zone owner, {l.zone.ownerName}.</p>
          </section>
          {l.permissions.canDecide && <DecisionForm launch={l} onChange={launch.setData} />}
          {l.permissions.canCosign && <CosignForm launch={l} onChange={launch.setData} />}
          {l.status === 'awaiting_cosign' && !l.permissions.canCosign && (
            <Alert tone="info" title="Waiting for an admin">
              <p>The owner asked to go over failing checks; an admin other than them must co-sign.</p>
            </Alert>
          )}
        </aside>
      </div>
    </>
  );
}
