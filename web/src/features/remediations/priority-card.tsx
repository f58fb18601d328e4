import { useState, type FormEvent } from 'react';
import type { Severity } from '../../../../src/contracts/findings.ts';
import type { Policy } from '../../../../src/contracts/policy.ts';
import type { RemediationDetail, Reprioritize } from '../../../../src/contracts/remediations.ts';
import { remediationsApi } from '../../api/remediations.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { SeverityBadge } from '../findings/finding-badges.tsx';
import { RUBRIC_FIELDS, type Rubric } from './priority-preview.ts';
import { PriorityMeter } from './remediation-badges.tsx';
import { RubricFields } from './rubric-fields.tsx';

const rubricOf = (i: RemediationDetail): Rubric => ({ impact: i.impact, feasibility: i.feasibility, customerValue: i.customerValue });
const KNOWN = new Set(['severity', 'impact', 'feasibility', 'customerValue', 'rationale']);

/** The rubric, the score it gives, the rationale of the last prioritization, and "change priority" with a new rationale. */
export function PriorityCard({ item, weights, onChanged }: { item: RemediationDetail; weights: Policy['priorityWeights'] | undefined; onChanged: (next: RemediationDetail) => void }) {
  const [editing, setEditing] = useState(false);
  const [severity, setSeverity] = useState<Severity>(item.severity);
  const [rubric, setRubric] = useState<Rubric>(() => rubricOf(item));
  const [rationale, setRationale] = useState('');
  const [local, setLocal] = useState<string>();
  const save = useAction((body: Reprioritize) => remediationsApi.reprioritize(item.key, body));
  const closed = item.status === 'verified' || item.status === 'obsolete';

  function open() {
    setSeverity(item.severity);
    setRubric(rubricOf(item));
    setRationale('');
    setLocal(undefined);
    save.clearError();
    setEditing(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (rationale.trim().length < 3) { setLocal('Write down why the priority changes (at least 3 characters): it stays in the history.'); return; }
    setLocal(undefined);
    const body: Reprioritize = { rationale: rationale.trim() };
    if (severity !== item.severity) body.severity = severity;
    for (const f of RUBRIC_FIELDS) if (rubric[f.key] !== item[f.key]) body[f.key] = rubric[f.key];
    const next = await save.run(body);
    if (next) { setEditing(false); onChanged(next); }
  }

  const err = save.error;
  const errorOf = (f: string) => err?.fieldMessage(f);
  return (
    <section className="card" aria-labelledby="priority-heading">
      <div className="card-head">
        <h2 id="priority-heading" className="card-title">Priority</h2>
        {item.permissions.canEdit && !editing && !closed && <button type="button" className="btn btn-small" onClick={open}>Change priority</button>}
      </div>
      {!editing ? (
        <>
          <div className="priority-head">
            <PriorityMeter value={item.priority} />
            <span className="muted small">of 100</span>
          </div>
          <dl className="facts facts-row rubric-facts">
            <div><dt>Severity</dt><dd><SeverityBadge severity={item.severity} /></dd></div>
            {RUBRIC_FIELDS.map((f) => <div key={f.key}><dt title={f.hint}>{f.label}</dt><dd>{item[f.key]} / 5</dd></div>)}
          </dl>
          <h3 className="card-subtitle">Rationale</h3>
          <p className="prewrap" data-testid="priority-rationale">{item.rationale}</p>
        </>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <RubricFields idPrefix="reprioritize" rubric={rubric} onChange={setRubric} severity={severity} onSeverity={setSeverity}
            weights={weights} errorOf={errorOf} />
          <p className="muted small">Now {item.priority}. A new severity moves the due date to its row of the SLA table.</p>
          <Field label="Why the priority changes" error={local ?? errorOf('rationale')} hint="Required: kept in the item's history">
            <textarea rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
          </Field>
          {err && !(err.problem.errors ?? []).some((x) => x.field && KNOWN.has(x.field.replace(/^body\./, ''))) && <ProblemAlert error={err} title="The priority did not change" />}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save priority'}</button>
            <button type="button" className="btn" onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
