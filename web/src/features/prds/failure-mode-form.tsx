import { useState, type FormEvent } from 'react';
import type { Bucket } from '../../../../src/contracts/common.ts';
import type { Severity } from '../../../../src/contracts/findings.ts';
import type { FailureMode, FailureModeInput, Likelihood } from '../../../../src/contracts/prds.ts';
import type { ApiError } from '../../api/api-error.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { SEVERITIES, SEVERITY_LABELS } from '../findings/severity.ts';
import { BUCKET_LABELS } from '../zones/tiers.ts';
import { LIKELIHOOD_LABELS, LIKELIHOODS } from './prd-labels.tsx';

/** Adds a failure mode to the Safety Implications, or edits one (`mode`). */
export function FailureModeForm({ buckets, mode, pending, error, onSubmit, onCancel }: {
  buckets: readonly Bucket[];
  mode?: FailureMode;
  pending: boolean;
  error: ApiError | undefined;
  onSubmit: (input: FailureModeInput) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [harm, setHarm] = useState(mode?.harm ?? '');
  const [bucket, setBucket] = useState<Bucket>(mode?.bucket ?? buckets[0] ?? 'user_wellbeing');
  const [severity, setSeverity] = useState<Severity>(mode?.severity ?? 'high');
  const [likelihood, setLikelihood] = useState<Likelihood>(mode?.likelihood ?? 'possible');
  const [mitigation, setMitigation] = useState(mode?.mitigation ?? '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await onSubmit({ harm: harm.trim(), bucket, severity, likelihood, mitigation: mitigation.trim() || null, ownerId: mode?.owner?.id ?? null });
    if (ok && !mode) { setHarm(''); setMitigation(''); }
  }

  const label = mode ? `Edit failure mode ${mode.position}` : 'New failure mode';
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <ProblemAlert error={error} title="The failure mode was not saved" />
      <Field label="Harm" error={error?.fieldMessage('harm')} hint="What goes wrong, for whom">
        <textarea rows={2} value={harm} maxLength={5000} onChange={(e) => setHarm(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label="Bucket" error={error?.fieldMessage('bucket')}>
          <select value={bucket} onChange={(e) => setBucket(e.target.value as Bucket)}>
            {buckets.map((b) => <option key={b} value={b}>{BUCKET_LABELS[b]}</option>)}
          </select>
        </Field>
        <Field label="Severity">
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>)}
          </select>
        </Field>
        <Field label="Likelihood">
          <select value={likelihood} onChange={(e) => setLikelihood(e.target.value as Likelihood)}>
            {LIKELIHOODS.map((l) => <option key={l} value={l}>{LIKELIHOOD_LABELS[l]}</option>)}
          </select>
        </Field>
      </div>
      <Field label="Planned mitigation" error={error?.fieldMessage('mitigation')} hint="Required for approval when the failure mode is high or critical">
        <textarea rows={2} value={mitigation} maxLength={5000} onChange={(e) => setMitigation(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? 'Saving…' : mode ? 'Save failure mode' : 'Add failure mode'}</button>
        {onCancel && <button type="button" className="btn" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
