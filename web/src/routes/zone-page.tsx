import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ZoneDetail } from '../../../src/contracts/zones.ts';
import { useResource } from '../api/use-resource.ts';
import { zonesApi } from '../api/zones.ts';
import { buildPeopleIndex } from '../features/users/people-index.ts';
import { useMembers } from '../features/users/use-members.ts';
import { ArchiveControl } from '../features/zones/archive-control.tsx';
import { HandoffForm } from '../features/zones/handoff-form.tsx';
import { ZoneKpis } from '../features/kpis/zone-kpis.tsx';
import { OwnerCard } from '../features/zones/owner-card.tsx';
import { OwnershipHistory } from '../features/zones/ownership-history.tsx';
import { BucketChips, TierBadge } from '../features/zones/tier-badge.tsx';
import { ZoneEditForm } from '../features/zones/zone-edit-form.tsx';
import { ZoneHistory } from '../features/zones/zone-history.tsx';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { formatDate } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function ZonePage() {
  const { key = '' } = useParams();
  const zone = useResource(() => zonesApi.get(key), [key]);
  const members = useMembers();
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState(false);

  if (zone.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/zones">← Zones</Link></p>
        <ProblemAlert error={zone.error} title={zone.error.status === 404 ? 'Zone not found' : 'Could not load the zone'} />
      </>
    );
  }
  if (!zone.data) return <Loading label="Loading zone…" />;
  const z = zone.data;
  const people = buildPeopleIndex(members.data?.items);
  const memberList = members.data?.items ?? [];
  const changed = (next: ZoneDetail) => { zone.setData(next); setRefresh((n) => n + 1); };

  return (
    <>
      <p className="breadcrumb"><Link to="/zones">Zones</Link> <span aria-hidden="true">/</span> {z.product.name}</p>
      <PageHeader
        title={z.name}
        subtitle={(
          <div className="zone-meta">
            <TierBadge tier={z.tier} long />
            {z.archivedAt && <span className="badge badge-muted">Archived {formatDate(z.archivedAt)}</span>}
            <span className="muted">{z.product.name}</span>
            <span className="muted mono small">{z.key}</span>
          </div>
        )}
        actions={(
          <>
            <Link to={`/findings?zone=${encodeURIComponent(z.key)}`} className="btn">Findings</Link>
            <Link to={`/runs?zone=${encodeURIComponent(z.key)}`} className="btn">Runs</Link>
            {z.permissions.edit && (
              <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
                {editing ? 'Close editor' : 'Edit zone'}
              </button>
            )}
          </>
        )}
      >
        <BucketChips buckets={z.buckets} />
        {z.description ? <p className="zone-description">{z.description}</p> : <p className="muted">No description.</p>}
      </PageHeader>
      {z.archivedAt && <Alert tone="warning">This zone is archived. Restore it to hand it off or report on it.</Alert>}
      <div className="detail-grid">
        <div className="detail-main">
          {editing && z.permissions.edit && (
            <ZoneEditForm key={z.owner.id} zone={z} members={memberList} onDone={changed} />
          )}
          <ZoneKpis zoneKey={z.key} />
          <OwnershipHistory zoneKey={z.key} refresh={refresh} />
          <ZoneHistory zoneId={z.id} people={people} refresh={refresh} />
        </div>
        <aside className="detail-aside">
          <OwnerCard zone={z} />
          {z.permissions.handoff && !z.archivedAt && <HandoffForm zone={z} members={memberList} onDone={changed} />}
          {z.permissions.archive && <ArchiveControl zone={z} onDone={changed} />}
        </aside>
      </div>
    </>
  );
}
