import { useState, type FormEvent } from 'react';
import type { Exercise } from '../../../../src/contracts/exercises.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { exercisesApi } from '../../api/exercises.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ZoneSelect } from '../zones/zone-select.tsx';
import { parseParticipants } from './exercise-labels.ts';

const today = () => new Date().toISOString().slice(0, 10);

const save = (id: string | undefined, body: {
  name: string; scope: string; participants: string[]; startedOn: string; endedOn?: string; zone?: string;
}) => {
  if (!id) return exercisesApi.create(body);
  const { zone: _zone, ...patch } = body;
  return exercisesApi.update(id, { ...patch, endedOn: patch.endedOn ?? null });
};

/** Creates an exercise, or edits one (`exercise`); the zone is set when it is created. */
export function ExerciseForm({ exercise, zones, onSaved, onCancel }: {
  exercise?: Exercise;
  zones: readonly Zone[];
  onSaved: (x: Exercise) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(exercise?.name ?? '');
  const [scope, setScope] = useState(exercise?.scope ?? '');
  const [participants, setParticipants] = useState(exercise?.participants.join('\n') ?? '');
  const [startedOn, setStartedOn] = useState(exercise?.startedOn ?? today());
  const [endedOn, setEndedOn] = useState(exercise?.endedOn ?? '');
  const [zone, setZone] = useState(exercise?.zone?.key ?? '');
  const [invalid, setInvalid] = useState<string>();
  const action = useAction(save);
  const err = action.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const people = parseParticipants(participants);
    const problem = !name.trim() ? 'Name the exercise.'
      : people.length === 0 ? 'Name at least one participant.'
        : endedOn && endedOn < startedOn ? 'The end date is before the start date.' : undefined;
    setInvalid(problem);
    if (problem) return;
    const saved = await action.run(exercise?.id, {
      name: name.trim(), scope: scope.trim(), participants: people, startedOn,
      ...(endedOn ? { endedOn } : {}), ...(zone && !exercise ? { zone } : {}),
    });
    if (saved) onSaved(saved);
  }

  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate aria-label={exercise ? 'Edit exercise' : 'New exercise'}>
      {invalid && <Alert tone="danger">{invalid}</Alert>}
      <ProblemAlert error={err} title="The exercise was not saved" />
      <Field label="Name" error={err?.fieldMessage('name')}>
        <input type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder="e.g. Q4 agent payments red team" />
      </Field>
      <Field label="Scope" error={err?.fieldMessage('scope')} hint="What was in scope: surfaces, models, attack classes">
        <textarea rows={3} value={scope} maxLength={5000} onChange={(e) => setScope(e.target.value)} />
      </Field>
      <Field label="Participants" error={err?.fieldMessage('participants')} hint="One a line (or comma-separated): names or e-mails, external red-teamers too">
        <textarea rows={3} value={participants} onChange={(e) => setParticipants(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label="Started on" error={err?.fieldMessage('startedOn')}>
          <input type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} required />
        </Field>
        <Field label="Ended on" error={err?.fieldMessage('endedOn')} hint="Leave empty while it runs">
          <input type="date" value={endedOn} min={startedOn} onChange={(e) => setEndedOn(e.target.value)} />
        </Field>
        {!exercise && (
          <Field label="Zone" error={err?.fieldMessage('zone')} hint="Its findings go here unless one names another">
            <ZoneSelect zones={zones} value={zone} onChange={setZone} empty="No default zone" />
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={action.pending}>
          {action.pending ? 'Saving…' : exercise ? 'Save changes' : 'Create exercise'}
        </button>
        {onCancel && <button type="button" className="btn" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
