import { useState, type FormEvent } from 'react';
import type { Severity } from '../../../../src/contracts/findings.ts';
import type { Policy, PolicyPatch } from '../../../../src/contracts/policy.ts';
import type { Tier } from '../../../../src/contracts/common.ts';
import { policyApi } from '../../api/policy.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { SEVERITIES, SEVERITY_LABELS } from '../findings/severity.ts';
import { TIER_LABELS, TIER_MEANINGS, TIERS } from '../zones/tiers.ts';
import { fromPercent, presentScalars, SHARE_FIELDS, toPercent, WEIGHT_FIELDS, type ScalarKey } from './policy-fields.ts';

type Draft = Record<string, string>;

/** Every setting as the text its input holds, keyed by the field name the server reports errors under. */
function draftOf(p: Policy): Draft {
  const d: Draft = {};
  for (const f of WEIGHT_FIELDS) d[`priorityWeights.${f.key}`] = String(p.priorityWeights[f.key]);
  for (const s of SEVERITIES) for (const t of TIERS) d[`slaDays.${s}.${t}`] = String(p.slaDays[s][t]);
  for (const f of SHARE_FIELDS) d[`safetyShare.${f.key}`] = toPercent(p.safetyShare[f.key]);
  for (const f of presentScalars(p)) d[f.key] = f.percent ? toPercent(p[f.key]) : String(p[f.key]);
  return d;
}

function patchOf(p: Policy, d: Draft): PolicyPatch {
  const patch: PolicyPatch = {};
  const num = (k: string) => Number(d[k]);
  for (const f of WEIGHT_FIELDS) {
    if (num(`priorityWeights.${f.key}`) !== p.priorityWeights[f.key]) patch.priorityWeights = { ...patch.priorityWeights, [f.key]: num(`priorityWeights.${f.key}`) };
  }
  for (const s of SEVERITIES) {
    for (const t of TIERS) {
      const v = num(`slaDays.${s}.${t}`);
      if (v !== p.slaDays[s][t]) patch.slaDays = { ...patch.slaDays, [s]: { ...patch.slaDays?.[s], [t]: v } };
    }
  }
  for (const f of SHARE_FIELDS) {
    const v = fromPercent(d[`safetyShare.${f.key}`] ?? '');
    if (Math.abs(v - p.safetyShare[f.key]) > 1e-9) patch.safetyShare = { ...patch.safetyShare, [f.key]: v };
  }
  for (const f of presentScalars(p)) {
    const v = f.percent ? fromPercent(d[f.key] ?? '') : num(f.key);
    if (Math.abs(v - p[f.key]) > 1e-9) (patch as Record<ScalarKey, number>)[f.key] = v;
  }
  return patch;
}

/** The organization's policy: a table and a few numbers. Admins edit it; everyone else reads it. */
export function PolicyForm({ policy, canEdit, onSaved }: { policy: Policy; canEdit: boolean; onSaved: (p: Policy) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(policy));
  const [saved, setSaved] = useState(false);
  const save = useAction((patch: PolicyPatch) => policyApi.update(patch));
  const patch = patchOf(policy, draft);
  const dirty = Object.keys(patch).length > 0;
  const err = save.error;
  const errorOf = (k: string) => err?.fieldMessage(k);
  const input = (k: string, props: { step?: number; min?: number; max?: number; label: string }) => (
    <input type="number" inputMode="decimal" value={draft[k] ?? ''} readOnly={!canEdit} step={props.step} min={props.min} max={props.max}
      aria-label={props.label} aria-invalid={errorOf(k) ? true : undefined}
      onChange={(e) => { setSaved(false); setDraft({ ...draft, [k]: e.target.value }); }} />
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await save.run(patch);
    if (next) { setDraft(draftOf(next)); setSaved(true); onSaved(next); }
  }

  const weightSum = WEIGHT_FIELDS.reduce((s, f) => s + (Number(draft[`priorityWeights.${f.key}`]) || 0), 0);
  const fieldErrors = (err?.problem.errors ?? []).filter((x) => x.field);
  return (
    <form className="form policy-form" onSubmit={(e) => void submit(e)} noValidate>
      {!canEdit && <Alert tone="info">Only admins change the policy. This is what is in force.</Alert>}
      {saved && !dirty && <Alert tone="success">Policy saved. New items follow it; existing items keep their due dates.</Alert>}

      <section className="card" aria-labelledby="sla-table-heading">
        <h2 id="sla-table-heading" className="card-title">SLA days by severity and zone tier</h2>
        <p className="muted small">Days from an item's creation to its due date.</p>
        <div className="table-wrap">
          <table className="table table-compact sla-table">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                {TIERS.map((t: Tier) => <th key={t} scope="col" title={TIER_MEANINGS[t]}>{TIER_LABELS[t]}</th>)}
              </tr>
            </thead>
            <tbody>
              {SEVERITIES.map((s: Severity) => (
                <tr key={s}>
                  <th scope="row">{SEVERITY_LABELS[s]}</th>
                  {TIERS.map((t) => {
                    const k = `slaDays.${s}.${t}`;
                    return (
                      <td key={t} className={errorOf(k) ? 'cell-invalid' : undefined}>
                        {input(k, { step: 1, min: 0, max: 3650, label: `${SEVERITY_LABELS[s]} on ${TIER_LABELS[t]}, days` })}
                        {errorOf(k) && <p className="field-error">{errorOf(k)}</p>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="policy-grid">
        <section className="card" aria-labelledby="weights-heading">
          <h2 id="weights-heading" className="card-title">Priority formula weights</h2>
          <p className="muted small">priority = 100 × Σ wᵢ·(xᵢ − 1)/4 ÷ Σ wᵢ, over severity, impact, feasibility and customer value (each 1–5).</p>
          <div className="form-row">
            {WEIGHT_FIELDS.map((f) => (
              <Field key={f.key} label={f.label} error={errorOf(`priorityWeights.${f.key}`)}>
                {input(`priorityWeights.${f.key}`, { step: 0.05, min: 0, label: f.label })}
              </Field>
            ))}
          </div>
          <p className="muted small">Weights sum to {Math.round(weightSum * 1000) / 1000}; only their proportions matter.</p>
          {errorOf('priorityWeights') && <p className="field-error">{errorOf('priorityWeights')}</p>}
        </section>

        <section className="card" aria-labelledby="share-heading">
          <h2 id="share-heading" className="card-title">Safety reserve</h2>
          <p className="muted small">The share of each sprint's capacity kept for safety work, and the range a planning period may choose from (10–20% by default). The server states shares as fractions: 0.15 is 15%.</p>
          <div className="form-row">
            {SHARE_FIELDS.map((f) => (
              <Field key={f.key} label={`${f.label} (%)`} error={errorOf(`safetyShare.${f.key}`)}>
                {input(`safetyShare.${f.key}`, { step: 1, min: 0, max: 100, label: `${f.label} safety share, percent` })}
              </Field>
            ))}
          </div>
        </section>

        <section className="card" aria-labelledby="debt-heading">
          <h2 id="debt-heading" className="card-title">Debt, escalation and staleness</h2>
          <div className="form">
            {presentScalars(policy).map((f) => (
              <Field key={f.key} label={`${f.label} (${f.unit})`} hint={f.hint} error={errorOf(f.key)}>
                {input(f.key, { step: f.step, min: 0, label: f.label })}
              </Field>
            ))}
          </div>
        </section>
      </div>

      {err && fieldErrors.length === 0 && <ProblemAlert error={err} title="The policy was not saved" />}
      {err && fieldErrors.length > 0 && <p className="field-error" role="alert">Not saved: check the {fieldErrors.length === 1 ? 'field' : 'fields'} marked above.</p>}
      {canEdit && (
        <div className="form-actions sticky-actions">
          <button type="submit" className="btn btn-primary" disabled={!dirty || save.pending}>{save.pending ? 'Saving…' : 'Save policy'}</button>
          <button type="button" className="btn" disabled={!dirty} onClick={() => { setDraft(draftOf(policy)); save.clearError(); }}>Discard changes</button>
          {dirty && <span className="muted small">Unsaved changes</span>}
        </div>
      )}
    </form>
  );
}
