import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { FollowUp } from '../../../../src/contracts/prds.ts';
import type { ApiError } from '../../api/api-error.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

const RUBRIC = [1, 2, 3, 4, 5];

/**
 * Turns a failure mode or a mitigation into a finding (one click) or a remediation item (with
 * the triage rubric and a rationale); shows the links once it is tracked.
 */
export function FollowUpControl({ findingId, remediation, canFinding, canRemediation, pending, error, onFollowUp }: {
  findingId: string | null;
  remediation: { id: string; key: string } | null;
  canFinding: boolean;
  canRemediation: boolean;
  pending: boolean;
  error: ApiError | undefined;
  onFollowUp: (input: FollowUp) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [impact, setImpact] = useState(3);
  const [feasibility, setFeasibility] = useState(3);
  const [customerValue, setCustomerValue] = useState(3);
  const [rationale, setRationale] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await onFollowUp({ kind: 'remediation', impact, feasibility, customerValue, rationale: rationale.trim() });
    if (done) setOpen(false);
  }

  return (
    <div className="row-actions">
      {findingId && <Link to={`/findings/${encodeURIComponent(findingId)}`} className="small">Finding</Link>}
      {remediation && <span className="small">Remediation {remediation.key}</span>}
      {!findingId && canFinding && (
        <button type="button" className="btn btn-small" disabled={pending} onClick={() => void onFollowUp({ kind: 'finding' })}>Track as finding</button>
      )}
      {!remediation && canRemediation && (
        <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>Track as remediation…</button>
      )}
      {error && <ProblemAlert error={error} title="Not tracked" />}
      {open && (
        <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label="New remediation item">
          <div className="form-row">
            {([['Impact', impact, setImpact], ['Feasibility', feasibility, setFeasibility], ['Customer value', customerValue, setCustomerValue]] as const).map(([label, value, set]) => (
              <Field key={label} label={label}>
                <select value={value} onChange={(e) => set(Number(e.target.value))}>{RUBRIC.map((n) => <option key={n} value={n}>{n}</option>)}</select>
              </Field>
            ))}
          </div>
          <Field label="Rationale" error={error?.fieldMessage('rationale')}>
            <input type="text" value={rationale} maxLength={5000} onChange={(e) => setRationale(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={pending}>Create remediation item</button>
          </div>
        </form>
      )}
    </div>
  );
}
