import { auditApi } from '../../api/audit.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { EventList } from '../audit/event-list.tsx';
import type { PeopleIndex } from '../users/people-index.ts';

/** The zone's audit trail in words. `refresh` changes after every write on the page. */
export function ZoneHistory({ zoneId, people, refresh }: { zoneId: string; people: PeopleIndex; refresh: number }) {
  const events = useResource(() => auditApi.events({ entityType: 'zone', entityId: zoneId, limit: 100 }), [zoneId, refresh]);
  const items = events.data?.items;
  return (
    <section className="card" aria-labelledby="zone-history-heading">
      <h2 id="zone-history-heading" className="card-title">History</h2>
      <ProblemAlert error={events.error} />
      {!items && !events.error && <Loading />}
      {items && items.length === 0 && <p className="muted">No recorded changes yet.</p>}
      {items && items.length > 0 && <EventList events={items} context={{ people, inZone: true }} />}
    </section>
  );
}
