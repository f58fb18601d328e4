import { useState } from 'react';
import type { EventQuery } from '../api/audit.ts';
import { useResource } from '../api/use-resource.ts';
import { zonesApi } from '../api/zones.ts';
import { EventList } from '../features/audit/event-list.tsx';
import { useEventFeed } from '../features/audit/use-event-feed.ts';
import { VerifyPanel } from '../features/audit/verify-panel.tsx';
import { useRole } from '../features/auth/session-context.tsx';
import { buildPeopleIndex } from '../features/users/people-index.ts';
import { useMembers } from '../features/users/use-members.ts';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

const TYPES: { value: EventQuery['entityType'] | ''; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'zone', label: 'Zones' },
  { value: 'product', label: 'Products' },
  { value: 'user', label: 'People' },
  { value: 'org', label: 'Organization' },
];

export function ActivityPage() {
  const role = useRole();
  const [type, setType] = useState<EventQuery['entityType'] | ''>('');
  const feed = useEventFeed(type || undefined);
  const members = useMembers();
  const zones = useResource(() => zonesApi.list({ limit: 500, includeArchived: 'true' }), []);
  const people = buildPeopleIndex(members.data?.items);
  const zoneIndex = new Map((zones.data?.items ?? []).map((z) => [z.id, { key: z.key, name: z.name }]));
  const canVerify = role === 'admin' || role === 'reviewer';

  return (
    <>
      <PageHeader title="Activity" subtitle="Every change in this organization, as recorded in the audit trail." />
      <div className={canVerify ? 'detail-grid' : undefined}>
        <div className="detail-main">
          <section className="card" aria-labelledby="events-heading">
            <div className="card-head">
              <h2 id="events-heading" className="card-title">Recent events</h2>
              <div className="field field-inline">
                <label htmlFor="event-type">Show</label>
                <select id="event-type" value={type ?? ''} onChange={(e) => setType(e.target.value as typeof type)}>
                  {TYPES.map((t) => <option key={t.label} value={t.value ?? ''}>{t.label}</option>)}
                </select>
              </div>
            </div>
            <ProblemAlert error={feed.error} title="Could not load the activity" />
            {feed.loading && feed.items.length === 0 && <Loading />}
            {!feed.loading && !feed.error && feed.items.length === 0 && <EmptyState title="Nothing recorded yet" />}
            {feed.items.length > 0 && <EventList events={feed.items} context={{ people, zones: zoneIndex }} />}
            {!feed.done && feed.items.length > 0 && (
              <button type="button" className="btn" disabled={feed.loading} onClick={feed.more}>
                {feed.loading ? 'Loading…' : 'Show older events'}
              </button>
            )}
          </section>
        </div>
        {canVerify && <aside className="detail-aside"><VerifyPanel /></aside>}
      </div>
    </>
  );
}
