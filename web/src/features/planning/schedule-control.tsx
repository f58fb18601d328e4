import { useState } from 'react';
import type { PeriodPlan, ScheduleResult } from '../../../../src/contracts/planning.ts';
import { planningApi } from '../../api/planning.ts';
import { useAction } from '../../api/use-action.ts';

type Sprint = PeriodPlan['sprints'][number];

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Moves one item: into a sprint still to come or under way, or out of its sprint. A move to a
 * later sprint or out of one defers the item and asks for the reason, as the server does.
 */
export function ScheduleControl({ itemKey, title, currentSprintId, sprints, onDone }: {
  itemKey: string;
  title: string;
  currentSprintId: string | null;
  sprints: readonly Sprint[];
  onDone: (result: ScheduleResult) => void;
}) {
  const open = sprints.filter((s) => s.endsOn >= today());
  const [target, setTarget] = useState<string>(currentSprintId ? '' : (open[0]?.id ?? ''));
  const [rationale, setRationale] = useState('');
  const action = useAction(planningApi.schedule);
  const current = sprints.find((s) => s.id === currentSprintId);
  const to = target === 'none' ? null : sprints.find((s) => s.id === target) ?? null;
  const defers = current !== undefined && target !== '' && (to === null || to.startsOn > current.startsOn);
  const choices = open.filter((s) => s.id !== currentSprintId);

  const submit = async () => {
    const result = await action.run(itemKey, { sprintId: to?.id ?? null, rationale: rationale.trim() || undefined });
    if (result) {
      setRationale('');
      setTarget(currentSprintId ? '' : (open[0]?.id ?? ''));
      onDone(result);
    }
  };

  if (choices.length === 0 && !currentSprintId) return <span className="muted small">No sprint left in this period</span>;
  const rationaleError = action.error?.fieldMessage('rationale');
  return (
    <form className="schedule-control" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <span className="schedule-row">
        <select aria-label={`Sprint for ${title}`} value={target} onChange={(e) => { setTarget(e.target.value); action.clearError(); }}>
          {currentSprintId && <option value="">Move to…</option>}
          {choices.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          {currentSprintId && <option value="none">Out of the sprint</option>}
        </select>
        {defers && (
          <input aria-label={`Why defer ${title}`} placeholder="Why defer it?" value={rationale} maxLength={5000}
            aria-invalid={rationaleError ? true : undefined} onChange={(e) => setRationale(e.target.value)} />
        )}
        <button type="submit" className="btn btn-small" disabled={action.pending || target === '' || (defers && rationale.trim().length < 3)}>
          {currentSprintId ? (defers ? 'Defer' : 'Move') : 'Schedule'}
        </button>
      </span>
      {action.error && <p className="field-error schedule-error" role="alert">{rationaleError ?? action.error.problem.detail}</p>}
    </form>
  );
}
