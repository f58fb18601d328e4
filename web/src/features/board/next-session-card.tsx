import { Link, useNavigate } from 'react-router-dom';
import type { BoardNext } from '../../../../src/contracts/board.ts';
import { boardApi } from '../../api/board.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';

/** The next session by the cadence: a link when it is planned, else a button to plan it. */
export function NextSessionCard({ next, canManage }: { next: BoardNext; canManage: boolean }) {
  const navigate = useNavigate();
  const plan = useAction(() => boardApi.schedule({ scheduledOn: next.nextOn }));
  return (
    <section className="card" aria-labelledby="next-heading">
      <h2 id="next-heading" className="card-title">Next session</h2>
      <p className="board-next-date" data-testid="next-date">{next.nextOn}</p>
      <p className="muted small">Every {next.cadenceDays} days (the organization's policy).</p>
      <ProblemAlert error={plan.error} title="The session was not planned" />
      {next.planned ? (
        <Link to={`/board/${encodeURIComponent(next.planned.id)}`} className="btn btn-primary">Open the planned session</Link>
      ) : canManage && (
        <button type="button" className="btn btn-primary" disabled={plan.pending}
          onClick={() => void plan.run().then((s) => { if (s) void navigate(`/board/${encodeURIComponent(s.id)}`); })}>
          Plan it
        </button>
      )}
    </section>
  );
}
