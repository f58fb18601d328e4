import type { ZoneDetail } from '../../../../src/contracts/zones.ts';
import { useAction } from '../../api/use-action.ts';
import { zonesApi } from '../../api/zones.ts';
import { ProblemAlert } from '../../ui/alert.tsx';

export function ArchiveControl({ zone, onDone }: { zone: ZoneDetail; onDone: (zone: ZoneDetail) => void }) {
  const action = useAction(zonesApi.setArchived);
  const archived = zone.archivedAt !== null;

  async function toggle() {
    if (!archived && !window.confirm(`Archive ${zone.name}? It leaves the zone list and reports until it is restored.`)) return;
    const next = await action.run(zone.key, !archived);
    if (next) onDone(next);
  }

  return (
    <section className="card" aria-labelledby="archive-heading">
      <h2 id="archive-heading" className="card-title">{archived ? 'Archived zone' : 'Archive'}</h2>
      <p className="muted small">
        {archived
          ? 'This zone is archived: it is hidden from the zone list and the ownership report.'
          : 'Archive a zone that no longer exists in the product. Its history is kept.'}
      </p>
      <ProblemAlert error={action.error} />
      <button type="button" className={archived ? 'btn' : 'btn btn-danger-outline'} disabled={action.pending}
        onClick={() => void toggle()}>
        {archived ? 'Restore zone' : 'Archive zone'}
      </button>
    </section>
  );
}
