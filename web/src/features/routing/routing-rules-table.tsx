import type { RoutingRule } from '../../../../src/contracts/routing.ts';
import { formatDate } from '../../ui/dates.ts';
import type { ActorName } from '../users/use-actor-name.ts';
import { fieldLabel } from './routing-labels.ts';

export function RoutingRulesTable({ rules, onDelete, deleting, nameOf }: {
  nameOf: ActorName;
  rules: readonly RoutingRule[];
  onDelete: (rule: RoutingRule) => void;
  deleting: string | undefined;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <caption className="sr-only">Routing rules, in the order they are tried</caption>
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">When</th>
            <th scope="col">Zone</th>
            <th scope="col" className="hide-sm">Added</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {[...rules].sort((a, b) => a.position - b.position).map((r) => (
            <tr key={r.id}>
              <td className="num strong" data-label="Position">{r.position}</td>
              <td data-label="When">
                {fieldLabel(r.field)} matches <code className="break">{r.pattern}</code>
                {r.format && <span className="muted small"> · {r.format} runs only</span>}
              </td>
              <td data-label="Zone">{r.zone.name}</td>
              <td className="hide-sm muted small" data-label="Added">{nameOf(r.createdBy)}, {formatDate(r.createdAt)}</td>
              <td className="row-actions">
                <button type="button" className="btn btn-small btn-danger-outline" disabled={deleting === r.id}
                  onClick={() => onDelete(r)}>
                  {deleting === r.id ? 'Deleting…' : 'Delete'}<span className="sr-only"> rule {r.position}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
