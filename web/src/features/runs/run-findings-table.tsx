import { Link } from 'react-router-dom';
import type { RunFinding } from '../../../../src/contracts/runs.ts';
import { FindingStatusBadge, SeverityBadge } from '../findings/finding-badges.tsx';

export function RunFindingsTable({ findings, showZone }: { findings: readonly RunFinding[]; showZone: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack table-compact">
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Finding</th>
            <th scope="col" className="hide-sm">Rule</th>
            <th scope="col" className="hide-md">Target · location</th>
            {showZone && <th scope="col">Zone</th>}
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.id}>
              <td data-label="Severity"><SeverityBadge severity={f.severity} /></td>
              <td><Link to={`/findings/${encodeURIComponent(f.id)}`} className="strong-link break">{f.title}</Link></td>
              <td className="hide-sm mono small break" data-label="Rule">{f.ruleId}</td>
              <td className="hide-md small break" data-label="Target">
                {f.target ?? <span className="muted">—</span>}
                {f.location && <div className="muted mono">{f.location}</div>}
              </td>
              {showZone && (
                <td data-label="Zone">
                  {f.zone ? <Link to={`/zones/${encodeURIComponent(f.zone.key)}`}>{f.zone.name}</Link> : <span className="text-warning">Unrouted</span>}
                </td>
              )}
              <td data-label="Status"><FindingStatusBadge status={f.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
