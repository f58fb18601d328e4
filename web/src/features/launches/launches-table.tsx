import { Link } from 'react-router-dom';
import type { Launch } from '../../../../src/contracts/launches.ts';
import { formatDate } from '../../ui/dates.ts';
import { PRD_STATUS_LABELS } from '../prds/prd-labels.tsx';
import { LaunchStatusBadge } from './launch-labels.tsx';

export function LaunchesTable({ launches }: { launches: readonly Launch[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <thead>
          <tr><th scope="col">Launch</th><th scope="col">Zone</th><th scope="col">Planned</th><th scope="col">Status</th><th scope="col" className="hide-sm">PRD</th></tr>
        </thead>
        <tbody>
          {launches.map((l) => (
            <tr key={l.id}>
              <td><Link to={`/launches/${encodeURIComponent(l.id)}`} className="strong-link break">{l.name}</Link></td>
              <td data-label="Zone">{l.zone.name}</td>
              <td className="nowrap" data-label="Planned">{formatDate(l.plannedOn)}</td>
              <td data-label="Status"><LaunchStatusBadge launch={l} /></td>
              <td className="hide-sm" data-label="PRD">{l.prd ? PRD_STATUS_LABELS[l.prd.status] : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
