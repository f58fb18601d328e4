import { Link } from 'react-router-dom';
import type { PrdSummary } from '../../../../src/contracts/prds.ts';
import { formatDate } from '../../ui/dates.ts';
import { PrdStatusBadge } from './prd-labels.tsx';

export function PrdsTable({ prds }: { prds: readonly PrdSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <thead>
          <tr>
            <th scope="col">PRD</th><th scope="col">Zone</th><th scope="col">Status</th>
            <th scope="col" className="num">Failure modes</th><th scope="col" className="hide-sm">Updated</th>
          </tr>
        </thead>
        <tbody>
          {prds.map((p) => (
            <tr key={p.id}>
              <td><Link to={`/prds/${encodeURIComponent(p.id)}`} className="strong-link break">{p.title}</Link></td>
              <td data-label="Zone">{p.zone.name}</td>
              <td data-label="Status"><PrdStatusBadge status={p.status} /></td>
              <td className="num" data-label="Failure modes">{p.failureModeCount}</td>
              <td className="hide-sm nowrap" data-label="Updated">{formatDate(p.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
