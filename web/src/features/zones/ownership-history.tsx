import type { Handoff } from '../../../../src/contracts/zones.ts';
import { useResource } from '../../api/use-resource.ts';
import { zonesApi } from '../../api/zones.ts';
import { systemActorName } from '../audit/describe-event.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { Loading } from '../../ui/loading.tsx';

function by(h: Handoff): string {
  return h.actorName ?? systemActorName(h.actor) ?? 'a former member';
}

/** Every handoff of the zone, newest first; the last one is its creation. */
export function OwnershipHistory({ zoneKey, refresh }: { zoneKey: string; refresh: number }) {
  const resource = useResource(() => zonesApi.handoffs(zoneKey), [zoneKey, refresh]);
  const handoffs = resource.data?.items;
  const error = resource.error;
  return (
    <section className="card" aria-labelledby="ownership-history-heading">
      <h2 id="ownership-history-heading" className="card-title">Ownership history</h2>
      <ProblemAlert error={error} />
      {!handoffs && !error && <Loading />}
      {handoffs && (
        <ol className="handoffs" data-testid="ownership-history">
          {handoffs.map((h) => (
            <li key={h.id} className="handoff">
              <div className="handoff-people">
                {h.from ? (
                  <><span className="person-name">{h.from.name}</span> <span aria-label="to">→</span> <span className="person-name">{h.to.name}</span></>
                ) : (
                  <>Created with owner <span className="person-name">{h.to.name}</span></>
                )}
              </div>
              {h.from && <blockquote className="reason">{h.reason}</blockquote>}
              <div className="muted small">
                <time dateTime={h.at}>{formatDateTime(h.at)}</time> · by {by(h)}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
