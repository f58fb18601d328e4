import type { BoardSessionDetail } from '../../../../src/contracts/board.ts';
import { boardApi } from '../../api/board.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';

/** Generate the agenda, mark the session held, close it: what the board's secretary does. */
export function SessionControls({ session, onChanged }: { session: BoardSessionDetail; onChanged: (s: BoardSessionDetail) => void }) {
  const act = useAction((step: 'agenda' | 'held' | 'close') =>
    step === 'agenda' ? boardApi.generateAgenda(session.id) : step === 'held' ? boardApi.hold(session.id) : boardApi.close(session.id));
  const run = (step: 'agenda' | 'held' | 'close') => void act.run(step).then((next) => { if (next) onChanged(next); });
  if (!session.permissions.canManage || session.status === 'closed') return null;
  return (
    <div className="form-actions">
      <ProblemAlert error={act.error} title="That did not work" />
      <button type="button" className="btn" disabled={act.pending} onClick={() => run('agenda')}>
        {session.agendaGeneratedAt ? 'Regenerate agenda' : 'Generate agenda'}
      </button>
      {session.status === 'planned' && (
        <button type="button" className="btn" disabled={act.pending} onClick={() => run('held')}>Mark held</button>
      )}
      <button type="button" className="btn btn-primary" disabled={act.pending} onClick={() => run('close')}>Close and finalize minutes</button>
    </div>
  );
}
