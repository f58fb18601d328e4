import { useState, type FormEvent } from 'react';
import type { RiskDetail, RiskPatch } from '../../../../src/contracts/risks.ts';
import { risksApi } from '../../api/risks.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { SEVERITIES } from '../findings/severity.ts';


interface Draft {
  title: string; justification: string; compensatingControls: string; residualSeverity: string;
  exposureText: string; exposureAmount: string; exposureUnit: string; reviewOn: string; expiresOn: string;
}
const draftOf = (r: RiskDetail): Draft => ({
  title: r.title, justification: r.justification, compensatingControls: r.compensatingControls, residualSeverity: r.residualSeverity ?? '',
  exposureText: r.exposure.text, exposureAmount: r.exposure.amount === null ? '' : String(r.exposure.amount), exposureUnit: r.exposure.unit ?? '',
  reviewOn: r.reviewOn ?? '', expiresOn: r.expiresOn,
});
const FIELDS: (keyof Draft)[] = ['title', 'justification', 'compensatingControls', 'residualSeverity', 'exposureText', 'exposureAmount', 'exposureUnit', 'reviewOn', 'expiresOn'];

/** The changed fields of a draft acceptance, as the API takes them (blank optional fields cleared). */
function patchOf(d: Draft, was: Draft): RiskPatch {
  const patch: RiskPatch = {};
  if (d.title.trim() !== was.title) patch.title = d.title.trim();
  if (d.justification.trim() !== was.justification) patch.justification = d.justification.trim();
  if (d.compensatingControls.trim() !== was.compensatingControls) patch.compensatingControls = d.compensatingControls.trim();
  if (d.residualSeverity !== was.residualSeverity) patch.residualSeverity = (d.residualSeverity || null) as RiskPatch['residualSeverity'];
  if (d.exposureText.trim() !== was.exposureText) patch.exposureText = d.exposureText.trim();
  if (d.exposureAmount.trim() !== was.exposureAmount) patch.exposureAmount = d.exposureAmount.trim() === '' ? null : Number(d.exposureAmount);
  if (d.exposureUnit.trim() !== was.exposureUnit) patch.exposureUnit = d.exposureUnit.trim() || null;
  if (d.reviewOn !== was.reviewOn) patch.reviewOn = d.reviewOn || null;
  if (d.expiresOn !== was.expiresOn) patch.expiresOn = d.expiresOn;
  return patch;
}

/** Edits a draft acceptance; saving drops the signatures already given (the server says so too). */
export function RiskEditForm({ risk, onSaved, onCancel }: { risk: RiskDetail; onSaved: (r: RiskDetail) => void; onCancel: () => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(risk));
  const [local, setLocal] = useState<Partial<Record<keyof Draft, string>>>({});
  const save = useAction((patch: RiskPatch) => risksApi.update(risk.key, patch));
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const errorOf = (f: keyof Draft) => local[f] ?? save.error?.fieldMessage(f);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Partial<Record<keyof Draft, string>> = {};
    if (!d.title.trim()) problems.title = 'Say what is accepted.';
    if (d.justification.trim().length < 3) problems.justification = 'Write the business justification (at least 3 characters).';
    if (d.exposureAmount.trim() !== '' && !(Number(d.exposureAmount) >= 0)) problems.exposureAmount = 'A number, 0 or more.';
    if (!d.expiresOn) problems.expiresOn = 'An acceptance needs an expiry date.';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const patch = patchOf(d, draftOf(risk));
    if (Object.keys(patch).length === 0) { onCancel(); return; }
    const next = await save.run(patch);
    if (next) onSaved(next);
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Edit the draft">
      <Field label="What is accepted" error={errorOf('title')}>
        <input type="text" value={d.title} onChange={(e) => set({ title: e.target.value })} maxLength={300} />
      </Field>
      <Field label="Business justification" error={errorOf('justification')}>
        <textarea rows={3} value={d.justification} onChange={(e) => set({ justification: e.target.value })} maxLength={5000} />
      </Field>
      <Field label="Compensating controls and monitoring" error={errorOf('compensatingControls')}>
        <textarea rows={3} value={d.compensatingControls} onChange={(e) => set({ compensatingControls: e.target.value })} maxLength={5000} />
      </Field>
      <div className="form-row">
        <Field label="Residual severity" error={errorOf('residualSeverity')} hint="Critical needs an admin's signature besides the owner's">
          <select value={d.residualSeverity} onChange={(e) => set({ residualSeverity: e.target.value })}>
            <option value="">not set</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </Field>
        <Field label="Review on" error={errorOf('reviewOn')}>
          <input type="date" value={d.reviewOn} onChange={(e) => set({ reviewOn: e.target.value })} />
        </Field>
        <Field label="Expires on" error={errorOf('expiresOn')} hint="It lapses on this day (UTC)">
          <input type="date" value={d.expiresOn} onChange={(e) => set({ expiresOn: e.target.value })} required />
        </Field>
      </div>
      <Field label="Estimated exposure" error={errorOf('exposureText')}>
        <input type="text" value={d.exposureText} onChange={(e) => set({ exposureText: e.target.value })} maxLength={2000} />
      </Field>
      <div className="form-row">
        <Field label="Exposure amount" error={errorOf('exposureAmount')}>
          <input type="number" min={0} step="any" value={d.exposureAmount} onChange={(e) => set({ exposureAmount: e.target.value })} />
        </Field>
        <Field label="Unit" error={errorOf('exposureUnit')} hint="e.g. users/month, USD">
          <input type="text" value={d.exposureUnit} onChange={(e) => set({ exposureUnit: e.target.value })} maxLength={50} />
        </Field>
      </div>
      {risk.approval.signed.length > 0 && <p className="field-hint">Saving a change drops the signatures already given: they sign again.</p>}
      {save.error && !FIELDS.some((f) => save.error?.fieldMessage(f)) && <ProblemAlert error={save.error} title="Could not save the draft" />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save draft'}</button>
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
