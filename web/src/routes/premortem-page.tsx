import { Link, useParams } from 'react-router-dom';
import { premortemsApi } from '../api/premortems.ts';
import { useAction } from '../api/use-action.ts';
import { useResource } from '../api/use-resource.ts';
import { can, CAN_CREATE_FINDINGS } from '../features/auth/permissions.ts';
import { useMe, useRole } from '../features/auth/session-context.tsx';
import { ScenarioList } from '../features/premortems/scenario-list.tsx';
import { TierBadge } from '../features/zones/tier-badge.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { formatDate, formatDateTime } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function PremortemPage() {
  const { id = '' } = useParams();
  const role = useRole();
  const me = useMe();
  const pm = useResource(() => premortemsApi.get(id), [id]);
  const done = useAction(premortemsApi.setDone);
  if (pm.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/launches">← Launches</Link></p>
        <ProblemAlert error={pm.error} title={pm.error.status === 404 ? 'Pre-mortem not found' : 'Could not load the pre-mortem'} />
      </>
    );
  }
  if (!pm.data) return <Loading label="Loading pre-mortem…" />;
  const p = pm.data;
  const isOwner = p.zone.ownerId === me.user.id || p.zone.deputyId === me.user.id;
  return (
    <>
      <p className="breadcrumb"><Link to="/launches">Launches</Link></p>
      <PageHeader title={`Pre-mortem: ${p.release}`} subtitle={(
        <div className="zone-meta">
          <span>{formatDate(p.heldOn)}</span>
          <Link to={`/zones/${encodeURIComponent(p.zone.key)}`}>{p.zone.name}</Link>
          <TierBadge tier={p.zone.tier} />
          <span className={`badge ${p.done ? 'badge-fstatus-verified' : 'badge-muted'}`}>{p.done ? 'Done' : 'Open'}</span>
        </div>
      )} actions={p.permissions.canEdit && (
        <button type="button" className="btn" disabled={done.pending}
          onClick={() => void done.run(p.id, !p.done).then((next) => next && pm.setData(next))}>
          {p.done ? 'Reopen' : 'Mark complete'}
        </button>
      )} />
      <ProblemAlert error={done.error} title="Not changed" />
      <div className="detail-grid aside-last">
        <div className="detail-main">
          <ScenarioList pm={p} onChange={pm.setData} canTrackFinding={can(role, CAN_CREATE_FINDINGS)} canTrackRemediation={role === 'admin' || (role === 'lead' && isOwner)} />
        </div>
        <aside className="detail-aside">
          <section className="card" aria-labelledby="pm-about-heading">
            <h2 id="pm-about-heading" className="card-title">About</h2>
            <h3 className="card-subtitle">Participants</h3>
            <ul className="chips">{p.participants.map((x) => <li key={x} className="chip">{x}</li>)}</ul>
            {p.completedAt && <p className="small muted">Completed {formatDateTime(p.completedAt)}</p>}
          </section>
        </aside>
      </div>
    </>
  );
}
