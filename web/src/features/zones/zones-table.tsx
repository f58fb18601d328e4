import { Link } from 'react-router-dom';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { BucketChips, TierBadge } from './tier-badge.tsx';

export function ZonesTable({ zones }: { zones: readonly Zone[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack zones-table">
        <thead>
          <tr>
            <th scope="col">Zone</th>
            <th scope="col" className="hide-sm">Product</th>
            <th scope="col">Tier</th>
            <th scope="col" className="hide-md">Buckets</th>
            <th scope="col">Owner</th>
            <th scope="col" className="hide-sm">Deputy</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z.id} className={z.archivedAt ? 'row-archived' : undefined}>
              <td>
                <Link to={`/zones/${encodeURIComponent(z.key)}`} className="strong-link">{z.name}</Link>
                {z.archivedAt && <span className="badge badge-muted">Archived</span>}
                <div className="muted small mono">{z.key}</div>
              </td>
              <td className="hide-sm" data-label="Product">{z.product.name}</td>
              <td data-label="Tier"><TierBadge tier={z.tier} /></td>
              <td className="hide-md" data-label="Buckets"><BucketChips buckets={z.buckets} /></td>
              <td data-label="Owner">
                <span className="person">{z.owner.name}</span> <StatusBadge status={z.owner.status} />
              </td>
              <td className="hide-sm" data-label="Deputy">
                {z.deputy ? (
                  <><span className="person">{z.deputy.name}</span> <StatusBadge status={z.deputy.status} /></>
                ) : z.tier === 'tier1' ? (
                  <span className="text-warning">None</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
