import { Link } from 'react-router-dom';
import type { EscalationList as Escalations } from '../../../../src/contracts/debt.ts';
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { SeverityBadge } from '../findings/finding-badges.tsx';
import { formatPoints } from '../metrics/format.ts';
import type { ActorName } from '../users/use-actor-name.ts';

/** "Sprint 3" from a deferral's before/after record ({ sprint, startsOn }), or "no sprint". */
function sprintName(v: unknown): string {
  if (v && typeof v === 'object' && 'sprint' in v && typeof (v as { sprint: unknown }).sprint === 'string') {
    return (v as { sprint: string }).sprint;
  }
  return 'no sprint';
}

/** Escalated open items for the review board, each with why and the history of its deferrals. */
export function EscalationList({ items, actorName }: { items: Escalations['items']; actorName: ActorName }) {
  if (items.length === 0) return <p className="muted ok-note">Nothing is escalated.</p>;
  return (
    <ul className="escalation-list">
      {items.map((i) => (
        <li key={i.id} className="escalation">
          <div className="escalation-head">
            <span>
              <Link className="strong-link" to={`/remediations/REM-${i.number}`}>REM-{i.number}</Link> {i.title}{' '}
              <SeverityBadge severity={i.severity} />
            </span>
            <span className="text-danger nowrap"><strong>{formatPoints(i.debt)}</strong> debt</span>
          </div>
          <p className="muted small">
            {i.zone.name} · owner {i.owner.name}{i.assignee ? ` · assignee ${i.assignee.name}` : ''} · due {formatDate(i.dueAt)} ·
            {' '}{i.sprintsOverdue} {i.sprintsOverdue === 1 ? 'sprint' : 'sprints'} overdue
          </p>
          {i.escalationReason && (
            <p className="reason">Escalated{i.escalatedAt ? ` ${formatDateTime(i.escalatedAt)}` : ''}: {i.escalationReason}</p>
          )}
          {i.deferrals.length === 0 ? <p className="muted small">Never deferred.</p> : (
            <>
              <h4 className="card-subtitle">Deferrals ({i.deferrals.length})</h4>
              <ol className="timeline">
                {i.deferrals.map((d, n) => (
                  <li key={`${d.at}-${n}`} className="timeline-item">
                    <div className="timeline-head">
                      <span className="timeline-summary">{sprintName(d.from)} → {sprintName(d.to)}</span>
                      <time className="muted small" dateTime={d.at}>{formatDateTime(d.at)}</time>
                    </div>
                    <p className="reason">{d.rationale}</p>
                    <span className="muted small">by {actorName(d.actor)}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
