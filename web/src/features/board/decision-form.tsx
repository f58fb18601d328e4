import { useState, type FormEvent } from 'react';
import type { BoardSessionDetail } from '../../../../src/contracts/board.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import { boardApi } from '../../api/board.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { AgendaPointSelect, OwnerSelect } from './board-selects.tsx';

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** Records a decision with its rationale, optionally about an agenda point and with one action item. */
export function DecisionForm({ session, members, onSaved }: {
  session: BoardSessionDetail; members: readonly Member[]; onSaved: (s: BoardSessionDetail) => void;
}) {
  const [text, setText] = useState('');
  const [rationale, setRationale] = useState('');
  const [point, setPoint] = useState('');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState(inTwoWeeks());
  const save = useAction((body: Parameters<typeof boardApi.decide>[1]) => boardApi.decide(session.id, body));
  const err = save.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await save.run({
      text, rationale, ...(point ? { agendaItemId: point } : {}),
      ...(action.trim() ? { actions: [{ text: action, ownerId: owner, dueOn }] } : {}),
    });
    if (next) {
      onSaved(next);
      setText(''); setRationale(''); setPoint(''); setAction(''); setOwner('');
    }
  }

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label="Record a decision">
      <h3 className="card-title">Record a decision</h3>
      <ProblemAlert error={err} title="The decision was not recorded" />
      <Field label="Decision" error={err?.fieldMessage('text')}>
        <input type="text" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} placeholder="e.g. Pause the refunds launch" />
      </Field>
      <Field label="Rationale" error={err?.fieldMessage('rationale')}>
        <textarea rows={2} value={rationale} maxLength={5000} onChange={(e) => setRationale(e.target.value)} />
      </Field>
      <Field label="About" error={err?.fieldMessage('agendaItemId')} hint="The agenda point it settles, if any">
        <AgendaPointSelect session={session} value={point} onChange={setPoint} />
      </Field>
      <fieldset className="fieldset">
        <legend>Action item (optional)</legend>
        <div className="form-row">
          <Field label="Action" error={err?.fieldMessage('actions.0.text')}>
            <input type="text" value={action} maxLength={2000} onChange={(e) => setAction(e.target.value)} />
          </Field>
          <Field label="Owner" error={err?.fieldMessage('actions.0.ownerId')}>
            <OwnerSelect members={members} value={owner} onChange={setOwner} />
          </Field>
          <Field label="Due on" error={err?.fieldMessage('actions.0.dueOn')}>
            <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          </Field>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.pending}>{save.pending ? 'Saving…' : 'Record decision'}</button>
      </div>
    </form>
  );
}
