import { Link } from 'react-router-dom';
import type { BoardSessionDetail } from '../../../../src/contracts/board.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/loading.tsx';
import { SeverityBadge } from '../findings/finding-badges.tsx';
import { KIND_LABELS, recordPath } from './board-labels.ts';

/** The generated agenda, one section per accountable owner, each point linked to its record. */
export function AgendaView({ session }: { session: BoardSessionDetail }) {
  if (session.agendaGeneratedAt === null) {
    return <EmptyState title="No agenda yet">Generate it to gather what changed since the previous session.</EmptyState>;
  }
  return (
    <div className="board-agenda">
      <p className="muted small">
        Covering {session.agendaSince ? formatDate(session.agendaSince) : 'the start'} to {formatDate(session.agendaGeneratedAt)},
        kept as generated.
      </p>
      {session.agenda.length === 0 && <EmptyState title="Nothing came up for the board in this period" />}
      {session.agenda.map((group) => {
        const id = `agenda-owner-${group.owner?.id ?? 'none'}`;
        return (
          <section key={group.owner?.id ?? 'none'} className="card board-owner" aria-labelledby={id}>
            <h3 id={id} className="card-title">
              {group.owner ? <>{group.owner.name} <span className="muted small">{group.owner.email}</span></> : 'No owner'}
              <span className="muted small"> · {group.points.length} {group.points.length === 1 ? 'point' : 'points'}</span>
            </h3>
            <ul className="board-points">
              {group.points.map((p) => {
                const to = recordPath(p);
                return (
                  <li key={p.id} className={`board-point board-point-${p.kind}`} data-kind={p.kind}>
                    <span className="badge badge-muted">{KIND_LABELS[p.kind]}</span>
                    {typeof p.facts.severity === 'string' && <SeverityBadge severity={p.facts.severity} />}
                    <div className="board-point-main">
                      {to ? <Link to={to} className="strong-link">{p.recordKey && p.recordType === 'remediation' ? `${p.recordKey} · ` : ''}{p.title}</Link>
                        : <span className="strong">{p.title}</span>}
                      <p className="muted small">{p.summary}{p.zone ? ` · ${p.zone.name}` : ''}</p>
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
