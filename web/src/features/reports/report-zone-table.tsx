import { Link } from 'react-router-dom';
import type { OwnershipReport } from '../../../../src/contracts/reports.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TierBadge } from '../zones/tier-badge.tsx';

type ReportZone = OwnershipReport['ownerInactive'][number];

export function ReportZoneTable({ zones, empty, showTier = true, showDeputy = true }: {
  zones: readonly ReportZone[];
  empty: string;
  showTier?: boolean;
  showDeputy?: boolean;
}) {
  if (zones.length === 0) return <p className="muted ok-note">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact table-fixed">
        <thead>
          <tr>
            <th scope="col">Zone</th>
            <th scope="col" className="hide-sm">Product</th>
            {showTier && <th scope="col">Tier</th>}
            <th scope="col">Owner</th>
            {showDeputy && <th scope="col" className="hide-sm">Deputy</th>}
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z.id}>
              <td><Link to={`/zones/${encodeURIComponent(z.key)}`}>{z.name}</Link></td>
              <td className="hide-sm">{z.product.name}</td>
              {showTier && <td><TierBadge tier={z.tier} /></td>}
              <td>{z.owner.name} <StatusBadge status={z.owner.status} /></td>
              {showDeputy && <td className="hide-sm">
                {z.deputy ? <>{z.deputy.name} <StatusBadge status={z.deputy.status} /></> : <span className="muted">—</span>}
              </td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
