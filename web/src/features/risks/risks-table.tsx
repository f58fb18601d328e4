import { Link } from 'react-router-dom';
import type { RiskSummary } from '../../../../src/contracts/risks.ts';
import { SeverityBadge } from '../findings/finding-badges.tsx';

export function expiryText(r: Pick<RiskSummary, 'status' | 'daysToExpiry' | 'expiresOn'>): string {
  if (r.status !== 'draft' && r.status !== 'approved') return r.expiresOn;
  if (r.daysToExpiry < 0) return `${r.expiresOn} (lapsed)`;
  return `${r.expiresOn} (in ${r.daysToExpiry} ${r.daysToExpiry === 1 ? 'day' : 'days'})`;
}

export function RisksTable({ items }: { items: readonly RiskSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <thead>
          <tr><th scope="col">Key</th><th scope="col">What is accepted</th><th scope="col">Zone</th><th scope="col">Residual</th>
            <th scope="col">Status</th><th scope="col">Expires</th><th scope="col">Findings</th><th scope="col">Still needs</th></tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td data-label="Key"><Link to={`/risks/${r.key}`}>{r.key}</Link></td>
              <td data-label="What is accepted">{r.title}</td>
              <td data-label="Zone">{r.zone?.name ?? '—'}</td>
              <td data-label="Residual">{r.residualSeverity ? <SeverityBadge severity={r.residualSeverity} /> : 'not set'}</td>
              <td data-label="Status"><span className={`badge risk-status-${r.status}`}>{r.status}</span></td>
              <td data-label="Expires">{expiryText(r)}</td>
              <td data-label="Findings">{r.findingCount}</td>
              <td data-label="Still needs">{r.approval.missing.map((m) => m.capacity).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
