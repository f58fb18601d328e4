import { useState } from 'react';
import type { BoardSessionDetail } from '../../../../src/contracts/board.ts';
import { boardApi } from '../../api/board.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Loading } from '../../ui/loading.tsx';

/**
 * The minutes: the Markdown export shown as plain text (never rendered as HTML), with a download
 * link. The structured view of the same content is the rest of the session page.
 */
export function MinutesView({ session }: { session: BoardSessionDetail }) {
  const [open, setOpen] = useState(false);
  const text = useResource(() => (open ? boardApi.minutes(session.id) : Promise.resolve(undefined)), [open, session.id, session.updatedAt,
    session.decisions.length, session.actions.length]);
  return (
    <section className="card" aria-labelledby="minutes-heading">
      <div className="card-head">
        <h2 id="minutes-heading" className="card-title">Minutes</h2>
        <div className="form-actions">
          <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
            {open ? 'Hide Markdown' : 'Show Markdown'}
          </button>
          <a className="btn btn-small" href={boardApi.minutesUrl(session.id)} download={`board-minutes-${session.scheduledOn}.md`}>
            Download .md
          </a>
        </div>
      </div>
      {open && <ProblemAlert error={text.error} title="Could not load the minutes" />}
      {open && text.loading && <Loading label="Loading the minutes…" />}
      {open && text.data !== undefined && <pre className="board-minutes" data-testid="minutes-text">{text.data}</pre>}
    </section>
  );
}
