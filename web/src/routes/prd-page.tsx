import { Link, useParams } from 'react-router-dom';
import { prdsApi } from '../api/prds.ts';
import { useResource } from '../api/use-resource.ts';
import { can, CAN_CREATE_FINDINGS } from '../features/auth/permissions.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { ApprovalPanel } from '../features/prds/approval-panel.tsx';
import { FailureModeList } from '../features/prds/failure-mode-list.tsx';
import { CAN_WRITE_PRDS } from '../features/prds/prd-permissions.ts';
import { TierBadge } from '../features/zones/tier-badge.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function PrdPage() {
  const { id = '' } = useParams();
  const role = useRole();
  const prd = useResource(() => prdsApi.get(id), [id]);
  if (prd.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/prds">← PRD reviews</Link></p>
        <ProblemAlert error={prd.error} title={prd.error.status === 404 ? 'PRD not found' : 'Could not load the PRD'} />
      </>
    );
  }
  if (!prd.data) return <Loading label="Loading PRD…" />;
  const p = prd.data;
  return (
    <>
      <p className="breadcrumb"><Link to="/prds">PRD reviews</Link></p>
      <PageHeader title={p.title} subtitle={(
        <div className="zone-meta">
          <Link to={`/zones/${encodeURIComponent(p.zone.key)}`}>{p.zone.name}</Link>
          <TierBadge tier={p.zone.tier} />
          {p.author && <span className="muted small">Author: {p.author.name}</span>}
          {p.url && /^https?:\/\//i.test(p.url) && <a href={p.url} rel="noreferrer noopener" target="_blank">Open the document</a>}
        </div>
      )} />
      <div className="detail-grid aside-last">
        <div className="detail-main">
          <FailureModeList prd={p} onChange={prd.setData}
            canTrackFinding={can(role, CAN_CREATE_FINDINGS)} canTrackRemediation={p.permissions.canApprove} />
        </div>
        <aside className="detail-aside">
          <ApprovalPanel prd={p} canWrite={can(role, CAN_WRITE_PRDS)} onChange={prd.setData} />
        </aside>
      </div>
    </>
  );
}
