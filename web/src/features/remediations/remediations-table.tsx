import { Link } from 'react-router-dom';
import type { RemediationSummary } from '../../../../src/contracts/remediations.ts';
import { SeverityBadge } from '../findings/finding-badges.tsx';
import { TierBadge } from '../zones/tier-badge.tsx';
import { PriorityMeter, RemediationStatusBadge, SlaBadge } from './remediation-badges.tsx';

export function RemediationsTable({ items }: { items: readonly RemediationSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack remediations-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Zone</th>
            <th scope="col">Severity</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">SLA</th>
            <th scope="col" className="hide-sm">Assignee</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`/remediations/${i.key}`} className="strong-link break"><span className="mono muted">{i.key}</span> {i.title}</Link>
                <div className="muted small">{i.findingCount} {i.findingCount === 1 ? 'finding' : 'findings'}{i.escalatedAt ? ' · escalated' : ''}</div>
              </td>
              <td data-label="Zone">{i.zone.name} <TierBadge tier={i.zone.tier} /></td>
              <td data-label="Severity"><SeverityBadge severity={i.severity} /></td>
              <td data-label="Priority"><PriorityMeter value={i.priority} /></td>
              <td data-label="Status"><RemediationStatusBadge status={i.status} /></td>
              <td data-label="SLA"><SlaBadge item={i} /></td>
              <td className="hide-sm" data-label="Assignee">{i.assignee?.name ?? <span className="muted">Nobody</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
