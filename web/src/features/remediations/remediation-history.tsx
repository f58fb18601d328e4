import { auditApi } from '../../api/audit.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { EventList } from '../audit/event-list.tsx';
import type { PeopleIndex } from '../users/people-index.ts';

/** Every change to the item, newest first, in words. `refresh` changes after every write on the page. */
export function RemediationHistory({ itemId, people, criteria, refresh }: {
  itemId: string; people: PeopleIndex; criteria: ReadonlyMap<string, string>; refresh: number;
}) {
  const events = useResource(() => auditApi.events({ entityType: 'remediation', entityId: itemId, limit: 200 }), [itemId, refresh]);
  const items = events.data?.items;
  return (
    <section className="card" aria-labelledby="rem-history-heading">
      <h2 id="rem-history-heading" className="card-title">History</h2>
      <ProblemAlert error={events.error} />
      {!items && !events.error && <Loading />}
      {items && items.length === 0 && <p className="muted">No recorded changes yet.</p>}
      {items && items.length > 0 && <EventList events={items} context={{ people, onItemPage: true, criteria }} />}
    </section>
  );
}
