import { useState, type FormEvent } from 'react';
import type { CriterionInput, RemediationDetail } from '../../../../src/contracts/remediations.ts';
import { remediationsApi } from '../../api/remediations.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { Field } from '../../ui/field.tsx';
import type { ActorName } from '../users/use-actor-name.ts';

type Criterion = RemediationDetail['criteria'][number];

function CheckForm({ item, criterion, onChanged, onCancel }: { item: RemediationDetail; criterion: Criterion; onChanged: (n: RemediationDetail) => void; onCancel: () => void }) {
  const [evidence, setEvidence] = useState('');
  const [local, setLocal] = useState<string>();
  const check = useAction((text: string) => remediationsApi.checkCriterion(item.key, criterion.id, text));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (evidence.trim().length < 3) { setLocal('Say what shows the criterion is met (at least 3 characters).'); return; }
    setLocal(undefined);
    const next = await check.run(evidence.trim());
    if (next) onChanged(next);
  }
  return (
    <form className="form criterion-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Evidence" error={local ?? check.error?.fieldMessage('evidence')} hint="A run, a dashboard, a test: what shows it is met">
        <textarea rows={2} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
      </Field>
      {check.error && !check.error.fieldMessage('evidence') && <ProblemAlert error={check.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={check.pending}>{check.pending ? 'Saving…' : 'Mark as met'}</button>
        <button type="button" className="btn btn-small" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function AddForm({ item, onChanged }: { item: RemediationDetail; onChanged: (n: RemediationDetail) => void }) {
  const [draft, setDraft] = useState<CriterionInput>({ text: '', metric: '', threshold: '' });
  const [local, setLocal] = useState<string>();
  const add = useAction((body: CriterionInput) => remediationsApi.addCriterion(item.key, body));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft.text.trim()) { setLocal('Describe what must be true.'); return; }
    setLocal(undefined);
    const next = await add.run({ text: draft.text.trim(), metric: draft.metric?.trim() || undefined, threshold: draft.threshold?.trim() || undefined });
    if (next) { setDraft({ text: '', metric: '', threshold: '' }); onChanged(next); }
  }
  return (
    <form className="form criterion-add" onSubmit={(e) => void submit(e)} noValidate aria-label="Add an acceptance criterion">
      <h3 className="card-subtitle">Add a criterion</h3>
      <Field label="Criterion" error={local ?? add.error?.fieldMessage('text')}>
        <input type="text" value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          placeholder="e.g. The injection probe fails on every browsing target" maxLength={1000} />
      </Field>
      <div className="form-row">
        <Field label="Metric" error={add.error?.fieldMessage('metric')} hint="Optional">
          <input type="text" value={draft.metric ?? ''} onChange={(e) => setDraft({ ...draft, metric: e.target.value })} placeholder="e.g. attack success rate" />
        </Field>
        <Field label="Threshold" error={add.error?.fieldMessage('threshold')} hint="Optional">
          <input type="text" value={draft.threshold ?? ''} onChange={(e) => setDraft({ ...draft, threshold: e.target.value })} placeholder="e.g. below 1%" />
        </Field>
      </div>
      {add.error && !['text', 'metric', 'threshold'].some((f) => add.error?.fieldMessage(f)) && <ProblemAlert error={add.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-small" disabled={add.pending}>{add.pending ? 'Adding…' : 'Add criterion'}</button>
      </div>
    </form>
  );
}

/** Measurable acceptance criteria; the validator checks each off with evidence (or unchecks it). */
export function CriteriaCard({ item, nameOf, onChanged }: { item: RemediationDetail; nameOf: ActorName; onChanged: (n: RemediationDetail) => void }) {
  const [checking, setChecking] = useState<string>();
  const uncheck = useAction((id: string) => remediationsApi.uncheckCriterion(item.key, id));
  const closed = item.status === 'verified' || item.status === 'obsolete';
  const { canEdit, canValidate } = item.permissions;
  const met = item.criteria.filter((c) => c.metAt).length;
  const changed = (next: RemediationDetail) => { setChecking(undefined); onChanged(next); };

  return (
    <section className="card" aria-labelledby="criteria-heading">
      <div className="card-head">
        <h2 id="criteria-heading" className="card-title">Acceptance criteria</h2>
        {item.criteria.length > 0 && <span className={`badge ${met === item.criteria.length ? 'badge-status-active' : 'badge-muted'}`} data-testid="criteria-count">{met} of {item.criteria.length} met</span>}
      </div>
      <ProblemAlert error={uncheck.error} />
      {item.criteria.length === 0 ? <p className="muted">No criteria yet. The item cannot be verified until it has some and all are met.</p> : (
        <ol className="criteria">
          {item.criteria.map((c) => (
            <li key={c.id} className={`criterion${c.metAt ? ' is-met' : ''}`} data-testid="criterion">
              <span className="criterion-mark" aria-hidden="true">{c.metAt ? '✓' : ''}</span>
              <div className="criterion-body">
                <p className="criterion-text break">{c.text}</p>
                {(c.metric || c.threshold) && (
                  <p className="muted small">{c.metric && <>Metric: {c.metric}</>}{c.metric && c.threshold && ' · '}{c.threshold && <>Threshold: {c.threshold}</>}</p>
                )}
                {c.metAt ? (
                  <>
                    <p className="small"><span className="sr-only">Met. </span>Met {formatDateTime(c.metAt)} by {nameOf(c.metBy)}</p>
                    {c.evidence && <blockquote className="reason prewrap">{c.evidence}</blockquote>}
                  </>
                ) : <p className="small muted">Not met yet</p>}
                {checking === c.id && <CheckForm item={item} criterion={c} onChanged={changed} onCancel={() => setChecking(undefined)} />}
              </div>
              {canValidate && !closed && checking !== c.id && (
                <div className="criterion-actions">
                  {c.metAt
                    ? <button type="button" className="btn btn-small" disabled={uncheck.pending}
                        onClick={() => void uncheck.run(c.id).then((n) => { if (n) onChanged(n); })}>Uncheck</button>
                    : <button type="button" className="btn btn-small" onClick={() => setChecking(c.id)}>Check off</button>}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {!canValidate && item.criteria.some((c) => !c.metAt) && <p className="muted small">Only the validator{item.validator ? ` (${item.validator.name})` : ''} or an admin checks criteria off.</p>}
      {(canEdit || canValidate) && !closed && <AddForm item={item} onChanged={onChanged} />}
    </section>
  );
}
