import { useState } from 'react';
import type { BoardSessionDetail } from '../../../../src/contracts/board.ts';
import { boardApi } from '../../api/board.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

/** The minutes' summary and the attendees, editable until the session is closed. */
export function SummaryCard({ session, onChanged }: { session: BoardSessionDetail; onChanged: (s: BoardSessionDetail) => void }) {
  const editable = session.permissions.canManage && session.status !== 'closed';
  const [notes, setNotes] = useState(session.notes);
  const [attendees, setAttendees] = useState(session.attendees.join('\n'));
  const save = useAction(() => boardApi.update(session.id, {
    notes, attendees: attendees.split(/[\n,]/).map((a) => a.trim()).filter(Boolean),
  }));
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="card-title">Summary and attendees</h2>
      {!editable ? (
        <>
          {session.notes ? <p className="prewrap">{session.notes}</p> : <p className="muted">No summary written.</p>}
          <h3 className="card-subtitle">Attendees</h3>
          {session.attendees.length ? <ul className="chips">{session.attendees.map((a) => <li key={a} className="chip">{a}</li>)}</ul>
            : <p className="muted">None recorded.</p>}
        </>
      ) : (
        <form className="form" onSubmit={(e) => { e.preventDefault(); void save.run().then((s) => { if (s) onChanged(s); }); }} noValidate>
          <ProblemAlert error={save.error} title="Not saved" />
          <Field label="Summary" error={save.error?.fieldMessage('notes')} hint="Plain text; shown and exported as written">
            <textarea rows={4} value={notes} maxLength={50_000} onChange={(e) => setNotes(e.target.value)} />
          </Field>
          <Field label="Attendees" error={save.error?.fieldMessage('attendees')} hint="One a line, or comma-separated">
            <textarea rows={3} value={attendees} onChange={(e) => setAttendees(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save summary'}</button>
          </div>
        </form>
      )}
    </section>
  );
}
