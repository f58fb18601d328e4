import { Link } from 'react-router-dom';
import type { BoardSession } from '../../../../src/contracts/board.ts';
import { BoardStatusBadge } from './board-status-badge.tsx';

export function SessionsTable({ sessions }: { sessions: readonly BoardSession[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead><tr><th>Date</th><th>Status</th><th>Agenda</th><th>Decisions</th><th>Action items</th><th>Attendees</th></tr></thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td><Link to={`/board/${encodeURIComponent(s.id)}`} className="strong-link">{s.scheduledOn}</Link></td>
              <td><BoardStatusBadge status={s.status} /></td>
              <td>{s.agendaGeneratedAt ? `${s.counts.agenda} points` : <span className="muted">not generated</span>}</td>
              <td>{s.counts.decisions}</td>
              <td>{s.counts.actions}{s.counts.openActions > 0 && <span className="muted small"> ({s.counts.openActions} open)</span>}</td>
              <td className="muted small">{s.attendees.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
