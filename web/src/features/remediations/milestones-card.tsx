import { useState, type FormEvent } from 'react';
import type { MilestonePatch, MilestoneStage, MilestoneStatus, RemediationDetail } from '../../../../src/contracts/remediations.ts';
import { remediationsApi } from '../../api/remediations.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Field } from '../../ui/field.tsx';
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES, STAGE_LABELS, STAGES } from './remediation-labels.ts';

type Milestone = RemediationDetail['milestones'][number];
const dateWords = (d: string | null) => (d ? formatDate(`${d}T12:00:00`) : null);

/** Prototype → pilot → full rollout, the current stage marked. */
function Stepper({ milestones, stage }: { milestones: readonly Milestone[]; stage: RemediationDetail['stage'] }) {
  return (
    <ol className="stepper" aria-label="Rollout stages">
      {STAGES.map((s) => {
        const m = milestones.find((x) => x.stage === s);
        const state = m?.status === 'done' ? 'done' : stage === s ? 'current' : m?.status === 'missed' ? 'missed' : 'todo';
        return (
          <li key={s} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-dot" aria-hidden="true">{state === 'done' ? '✓' : STAGES.indexOf(s) + 1}</span>
            <span className="step-label">{STAGE_LABELS[s]}</span>
            <span className="step-state small">{state === 'current' ? 'current stage' : m ? MILESTONE_STATUS_LABELS[m.status] : 'not planned'}</span>
          </li>
        );
      })}
    </ol>
  );
}

function MilestoneForm({ item, stage, milestone, onChanged, onCancel }: {
  item: RemediationDetail; stage: MilestoneStage; milestone: Milestone | undefined; onChanged: (n: RemediationDetail) => void; onCancel: () => void;
}) {
  const [metric, setMetric] = useState(milestone?.successMetric ?? '');
  const [date, setDate] = useState(milestone?.targetDate ?? '');
  const [status, setStatus] = useState<MilestoneStatus>(milestone?.status ?? 'pending');
  const save = useAction((body: MilestonePatch) => remediationsApi.setMilestone(item.key, stage, body));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await save.run({ successMetric: metric.trim(), targetDate: date || null, status });
    if (next) onChanged(next);
  }
  return (
    <form className="form milestone-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`${STAGE_LABELS[stage]} milestone`}>
      <Field label="Success metric" error={save.error?.fieldMessage('successMetric')}>
        <input type="text" value={metric} onChange={(e) => setMetric(e.target.value)} placeholder="e.g. zero successful injections in 500 probes" />
      </Field>
      <div className="form-row">
        <Field label="Target date" error={save.error?.fieldMessage('targetDate')}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label="Status" error={save.error?.fieldMessage('status')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as MilestoneStatus)}>
            {MILESTONE_STATUSES.map((s) => <option key={s} value={s}>{MILESTONE_STATUS_LABELS[s]}</option>)}
          </select>
        </Field>
      </div>
      {save.error && !['successMetric', 'targetDate', 'status'].some((f) => save.error?.fieldMessage(f)) && <ProblemAlert error={save.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save milestone'}</button>
        <button type="button" className="btn btn-small" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** The milestones with the stage the item is in; "advance" completes the current one and starts the next. */
export function MilestonesCard({ item, canSet, onChanged }: { item: RemediationDetail; canSet: boolean; onChanged: (n: RemediationDetail) => void }) {
  const [editing, setEditing] = useState<MilestoneStage>();
  const closed = item.status === 'verified' || item.status === 'obsolete';
  const may = canSet && !closed;
  const advance = useAction(async (from: MilestoneStage | null, to: MilestoneStage | null) => {
    let next: RemediationDetail | undefined;
    if (from) next = await remediationsApi.setMilestone(item.key, from, { status: 'done' });
    if (to) next = await remediationsApi.setMilestone(item.key, to, { status: 'in_progress' });
    return next;
  });
  const current = item.stage === 'done' ? null : item.stage;
  const started = item.milestones.length > 0;
  const fromStage = started ? current : null;
  const toStage = !started ? 'prototype' : current ? STAGES[STAGES.indexOf(current) + 1] ?? null : null;
  const advanceLabel = !started ? 'Start the prototype' : toStage ? `Move to ${STAGE_LABELS[toStage].toLowerCase()}` : current ? `Complete ${STAGE_LABELS[current].toLowerCase()}` : null;

  const changed = (n: RemediationDetail) => { setEditing(undefined); onChanged(n); };
  return (
    <section className="card" aria-labelledby="milestones-heading">
      <div className="card-head">
        <h2 id="milestones-heading" className="card-title">Milestones</h2>
        {may && advanceLabel && (
          <button type="button" className="btn btn-small" disabled={advance.pending}
            onClick={() => void advance.run(fromStage, toStage).then((n) => { if (n) changed(n); })}>{advance.pending ? 'Saving…' : advanceLabel}</button>
        )}
      </div>
      <Stepper milestones={item.milestones} stage={item.stage} />
      <p className="muted small" data-testid="stage">
        {item.stage === null ? 'No milestone planned yet.' : item.stage === 'done' ? 'Every milestone is done.' : `In the ${STAGE_LABELS[item.stage].toLowerCase()} stage.`}
      </p>
      <ProblemAlert error={advance.error} title="The milestone did not change" />
      <ul className="milestones">
        {STAGES.map((s) => {
          const m = item.milestones.find((x) => x.stage === s);
          return (
            <li key={s} className="milestone">
              <div className="milestone-head">
                <span className="strong">{STAGE_LABELS[s]}</span>
                <span className={`badge badge-mstatus-${m?.status ?? 'none'}`}>{m ? MILESTONE_STATUS_LABELS[m.status] : 'Not planned'}</span>
                {may && editing !== s && <button type="button" className="btn btn-link btn-small" onClick={() => setEditing(s)}>{m ? 'Edit' : 'Plan'}</button>}
              </div>
              {editing === s ? <MilestoneForm item={item} stage={s} milestone={m} onChanged={changed} onCancel={() => setEditing(undefined)} />
                : m && (
                  <p className="small muted">
                    {m.successMetric ? <>Success: <span className="break">{m.successMetric}</span></> : 'No success metric'}
                    {m.targetDate && <> · target {dateWords(m.targetDate)}</>}
                    {m.doneAt && <> · done {formatDate(m.doneAt)}</>}
                  </p>
                )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
