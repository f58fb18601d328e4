import type { BoardAction } from '../../../../src/contracts/board.ts';
import { boardApi } from '../../api/board.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/loading.tsx';

/** A session's action items: owner, due date, status; the owner (or an admin) marks one done. */
export function ActionsTable({ actions, meId, isAdmin, onDone }: {
  actions: readonly BoardAction[]; meId: string; isAdmin: boolean; onDone: (a: BoardAction) => void;
}) {
  const done = useAction((id: string) => boardApi.completeAction(id));
  if (actions.length === 0) return <EmptyState title="No action items yet" />;
  return (
    <>
      <ProblemAlert error={done.error} title="The action item was not marked done" />
      <div className="table-wrap">
        <table className="table table-compact">
          <thead><tr><th>#</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id} className={a.status === 'done' ? 'row-muted' : undefined}>
                <td>{a.position}</td>
                <td className="prewrap">{a.text}{a.record?.key ? <span className="muted"> · {a.record.key}</span> : null}</td>
                <td>{a.owner.name}</td>
                <td>{a.dueOn}{a.overdue && <span className="badge board-overdue">Overdue</span>}</td>
                <td>{a.status === 'done' ? `Done ${a.doneAt ? formatDate(a.doneAt) : ''}` : 'Open'}</td>
                <td className="row-actions">
                  {a.status === 'open' && (a.owner.id === meId || isAdmin) && (
                    <button type="button" className="btn btn-small" disabled={done.pending}
                      onClick={() => void done.run(a.id).then((next) => { if (next) onDone(next); })}>
                      Mark done<span className="sr-only">: {a.text}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
