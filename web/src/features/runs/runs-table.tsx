import { Link } from 'react-router-dom';
import type { Run } from '../../../../src/contracts/runs.ts';
import { formatDateTime, formatRelative } from '../../ui/dates.ts';
import type { ActorName } from '../users/use-actor-name.ts';
import { OutcomeCounts } from './outcome-counts.tsx';
import { toolLabel } from './run-labels.ts';

export function RunsTable({ runs, nameOf }: { runs: readonly Run[]; nameOf: ActorName }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack runs-table">
        <thead>
          <tr>
            <th scope="col">Imported</th>
            <th scope="col">Tool · file</th>
            <th scope="col">Zone</th>
            <th scope="col" className="hide-md">Target</th>
            <th scope="col" className="hide-sm">By</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td data-label="Imported">
                <Link to={`/runs/${encodeURIComponent(r.id)}`} className="strong-link" title={formatDateTime(r.importedAt)}>
                  {formatRelative(r.importedAt)}
                </Link>
              </td>
              <td data-label="Tool">
                <span className="strong">{toolLabel(r)}</span>
                <div className="muted small mono break">{r.fileName}</div>
              </td>
              <td data-label="Zone">
                {r.zone ? <Link to={`/zones/${encodeURIComponent(r.zone.key)}`}>{r.zone.name}</Link> : <span className="muted">Routed by rules</span>}
              </td>
              <td className="hide-md break" data-label="Target">{r.target ?? <span className="muted">—</span>}</td>
              <td className="hide-sm" data-label="By">{nameOf(r.actor)}</td>
              <td data-label="Findings">
                <OutcomeCounts counts={r.counts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
