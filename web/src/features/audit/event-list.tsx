import { Link } from 'react-router-dom';
import type { AuditEvent } from '../../../../src/contracts/audit.ts';
import { formatDateTime, formatRelative } from '../../ui/dates.ts';
import { describeEvent, type DescribeContext, type EventDescription } from './describe-event.ts';
import type { ChangeLine } from './event-diff.ts';

function Change({ line }: { line: ChangeLine }) {
  if (line.from === null && line.to === null) return null;
  return (
    <li>
      <span className="change-field">{line.field}:</span>{' '}
      {line.from !== null && <span className="change-old">{line.from}</span>}
      {line.from !== null && <span aria-label="changed to"> → </span>}
      {line.to !== null ? <span className="change-new">{line.to}</span> : <span className="muted">(cleared)</span>}
    </li>
  );
}

/** The sentence, with the subject's name as a link when the sentence names it. */
function Summary({ text, link }: { text: string; link: EventDescription['link'] }) {
  const at = link ? text.lastIndexOf(link.label) : -1;
  if (!link || at < 0) return <span className="timeline-summary">{text}</span>;
  return (
    <span className="timeline-summary">
      {text.slice(0, at)}<Link to={link.to}>{link.label}</Link>{text.slice(at + link.label.length)}
    </span>
  );
}

export function EventList({ events, context }: { events: readonly AuditEvent[]; context: DescribeContext }) {
  return (
    <ol className="timeline">
      {events.map((e) => {
        const d = describeEvent(e, context);
        return (
          <li key={e.seq} className={`timeline-item action-${e.action.split('.')[0] ?? 'other'}`}>
            <div className="timeline-head">
              <Summary text={d.summary} link={d.link} />
              <time dateTime={e.at} title={formatDateTime(e.at)} className="muted small">{formatRelative(e.at)}</time>
            </div>
            {d.link && !d.summary.includes(d.link.label) && <Link to={d.link.to} className="small">{d.link.label}</Link>}
            {d.changes.length > 0 && (
              <ul className="changes">{d.changes.map((c) => <Change key={c.field} line={c} />)}</ul>
            )}
            {d.reason && <blockquote className="reason">{d.reason}</blockquote>}
          </li>
        );
      })}
    </ol>
  );
}
