import { useState, type FormEvent } from 'react';
import type { FindingDetail } from '../../../../src/contracts/findings.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { findingsApi } from '../../api/findings.ts';
import { useAction } from '../../api/use-action.ts';
import { ZoneSelect } from '../zones/zone-select.tsx';

/** Sends an unrouted finding to a zone (admins). Compact: it also sits in a table row. */
export function RouteControl({ findingId, title, zones, onRouted }: {
  findingId: string;
  title: string;
  zones: readonly Zone[];
  onRouted: (finding: FindingDetail) => void;
}) {
  const [zone, setZone] = useState('');
  const route = useAction(findingsApi.route);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!zone) return;
    const f = await route.run(findingId, zone);
    if (f) onRouted(f);
  }

  return (
    <form className="route-control" onSubmit={(e) => void submit(e)} aria-label={`Route “${title}” to a zone`}>
      <ZoneSelect zones={zones} value={zone} onChange={setZone} aria-label="Zone" />
      <button type="submit" className="btn btn-small btn-primary" disabled={!zone || route.pending}>
        {route.pending ? 'Routing…' : 'Route'}
      </button>
      {route.error && <p className="field-error" role="alert">{route.error.problem.detail}</p>}
    </form>
  );
}
