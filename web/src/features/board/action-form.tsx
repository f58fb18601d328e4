import { useState, type FormEvent } from 'react';
import type { BoardSessionDetail } from '../../../../src/contracts/board.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import { boardApi } from '../../api/board.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { AgendaPointSelect, OwnerSelect } from './board-selects.tsx';

/** Records an action item on its own: it goes to its owner's queue. */
export function ActionForm({ session, members, onSaved }: {
  session: BoardSessionDetail; members: readonly Member[]; onSaved: (s: BoardSessionDetail) => void;
}) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [point, setPoint] = useState('');
  const save = useAction((body: Parameters<typeof boardApi.addAction>[1]) => boardApi.addAction(session.id, body));
  const err = save.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await save.run({ text, ownerId: owner, dueOn, ...(point ? { agendaItemId: point } : {}) });
    if (next) {
      onSaved(next);
      setText(''); setOwner(''); setDueOn(''); setPoint('');
    }
  }

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label="Add an action item">
      <h3 className="card-title">Add an action item</h3>
      <ProblemAlert error={err} title="The action item was not added" />
      <Field label="Action" error={err?.fieldMessage('text')}>
        <input type="text" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label="Owner" error={err?.fieldMessage('ownerId')}>
          <OwnerSelect members={members} value={owner} onChange={setOwner} />
        </Field>
        <Field label="Due on" error={err?.fieldMessage('dueOn')}>
          <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </Field>
      </div>
      <Field label="About" error={err?.fieldMessage('agendaItemId')}>
        <AgendaPointSelect session={session} value={point} onChange={setPoint} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.pending}>{save.pending ? 'Saving…' : 'Add action item'}</button>
      </div>
    </form>
  );
}
