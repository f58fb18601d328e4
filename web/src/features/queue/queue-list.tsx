import { Link } from 'react-router-dom';
import type { QueueItem } from '../../../../src/contracts/queue.ts';
import { formatDateTime, formatRelative } from '../../ui/dates.ts';
import { SeverityBadge } from '../findings/finding-badges.tsx';

export function QueueList({ items, onRead, pending }: { items: readonly QueueItem[]; onRead: (item: QueueItem) => void; pending: string | undefined }) {
  return (
    <ul className="queue-list">
      {items.map((q) => (
        <li key={q.id} className={`queue-item${q.readAt ? ' is-read' : ''}`}>
          <div className="queue-main">
            <p className="queue-message">
              {!q.readAt && <span className="unread-dot" aria-label="Unread" />}
              {q.message}
            </p>
            {q.finding && (
              <p>
                <SeverityBadge severity={q.finding.severity} />{' '}
                <Link to={`/findings/${encodeURIComponent(q.finding.id)}`} className="strong-link">{q.finding.title}</Link>
              </p>
            )}
            {q.remediation && (
              <p>
                <Link to={`/remediations/${encodeURIComponent(q.remediation.key)}`} className="strong-link">
                  {q.remediation.key} · {q.remediation.title}
                </Link>
              </p>
            )}
            {q.boardAction && (
              <p>
                <Link to={`/board/${encodeURIComponent(q.boardAction.sessionId)}`} className="strong-link">
                  Board session {q.boardAction.sessionOn} · due {q.boardAction.dueOn}
                </Link>
              </p>
            )}
            <p className="muted small">
              {q.zone ? q.zone.name : 'No zone'}
              {q.runId && <> · <Link to={`/runs/${encodeURIComponent(q.runId)}`}>the run</Link></>}
              {' · '}<time dateTime={q.createdAt} title={formatDateTime(q.createdAt)}>{formatRelative(q.createdAt)}</time>
            </p>
          </div>
          <div className="queue-side">
            {q.readAt ? <span className="muted small">Read {formatRelative(q.readAt)}</span> : (
              <button type="button" className="btn btn-small" disabled={pending === q.id} onClick={() => onRead(q)}>
                Mark read<span className="sr-only">: {q.finding?.title ?? q.remediation?.title}</span>
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
