import { useState } from 'react';
import type { PeriodDetail } from '../../../../src/contracts/planning.ts';
import { planningApi } from '../../api/planning.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

/** The next calendar quarter after today, as a suggestion. */
function nextQuarter(now = new Date()) {
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const y = q === 4 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const startMonth = (q % 4) * 3;
  const start = new Date(Date.UTC(y, startMonth, 1));
  const end = new Date(Date.UTC(y, startMonth + 3, 0));
  return { name: `${y} Q${(q % 4) + 1}`, startsOn: start.toISOString().slice(0, 10), endsOn: end.toISOString().slice(0, 10) };
}

/** A planning period: a quarter (or any range) split into equal sprints with one capacity each, and its safety share. */
export function PeriodCreateForm({ shareRange, onCreated, onCancel }: {
  shareRange: { min: number; max: number } | undefined;
  onCreated: (period: PeriodDetail) => void;
  onCancel: () => void;
}) {
  const suggestion = nextQuarter();
  const [name, setName] = useState(suggestion.name);
  const [startsOn, setStartsOn] = useState(suggestion.startsOn);
  const [endsOn, setEndsOn] = useState(suggestion.endsOn);
  const [count, setCount] = useState('6');
  const [capacity, setCapacity] = useState('80');
  const [share, setShare] = useState('');
  const action = useAction(planningApi.createPeriod);
  const err = (f: string) => action.error?.fieldMessage(f);
  const range = shareRange ? `${Math.round(shareRange.min * 100)}–${Math.round(shareRange.max * 100)}%` : '10–20%';

  const submit = async () => {
    const created = await action.run({
      name, startsOn, endsOn,
      safetyShare: share.trim() === '' ? undefined : Number(share) / 100,
      sprints: { count: Number(count), capacity: Number(capacity) },
    });
    if (created) onCreated(created);
  };

  return (
    <form className="form card" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-labelledby="new-period-heading">
      <h2 id="new-period-heading" className="card-title">New planning period</h2>
      <ProblemAlert error={action.error && !action.error.problem.errors?.length ? action.error : undefined} title="Could not create the period" />
      <div className="form-row">
        <Field label="Name" error={err('name')}><input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} /></Field>
        <Field label="Starts on" error={err('startsOn')}><input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required /></Field>
        <Field label="Ends on (inclusive)" error={err('endsOn')}><input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} required /></Field>
      </div>
      <div className="form-row">
        <Field label="Sprints" error={err('sprints.count') ?? err('sprints')} hint="Split evenly over the period">
          <input type="number" min={1} max={52} value={count} onChange={(e) => setCount(e.target.value)} required />
        </Field>
        <Field label="Team capacity per sprint" error={err('sprints.capacity')} hint="Effort points">
          <input type="number" min={0} step="any" value={capacity} onChange={(e) => setCapacity(e.target.value)} required />
        </Field>
        <Field label="Safety reserve, %" error={err('safetyShare')} hint={`Blank: the organization's default; allowed ${range}`}>
          <input type="number" min={0} max={100} step="any" value={share} onChange={(e) => setShare(e.target.value)} placeholder="default" />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={action.pending}>{action.pending ? 'Creating…' : 'Create period'}</button>
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
