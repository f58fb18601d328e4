import { useState, type FormEvent } from 'react';
import type { RemediationDetail } from '../../../../src/contracts/remediations.ts';
import { remediationsApi } from '../../api/remediations.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { Field } from '../../ui/field.tsx';
import { TIER_LABELS } from '../zones/tiers.ts';
import { SEVERITY_LABELS } from '../findings/severity.ts';
import { SlaBadge } from './remediation-badges.tsx';

const RUNNING = new Set(['planned', 'in_progress', 'reopened']);

/** Due date and time left; the clock is paused or resumed only by a decision with its reason. */
export function SlaCard({ item, onChanged }: { item: RemediationDetail; onChanged: (n: RemediationDetail) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string>();
  const paused = item.sla.paused;
  const act = useAction((why: string) => (paused ? remediationsApi.resumeSla(item.key, why) : remediationsApi.pauseSla(item.key, why)));
  const canAct = item.permissions.canEdit && (paused || RUNNING.has(item.status));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) { setLocal(`Say why the clock ${paused ? 'resumes' : 'pauses'} (at least 3 characters): it is recorded.`); return; }
    setLocal(undefined);
    const next = await act.run(reason.trim());
    if (next) { setOpen(false); setReason(''); onChanged(next); }
  }

  return (
    <section className="card" aria-labelledby="sla-heading">
      <div className="card-head">
        <h2 id="sla-heading" className="card-title">SLA</h2>
        <SlaBadge item={item} />
      </div>
      <dl className="facts">
        <div><dt>Due</dt><dd>{formatDateTime(item.dueAt)}</dd></div>
        <div><dt>Policy</dt><dd>{item.slaDays} days for {SEVERITY_LABELS[item.severity].toLowerCase()} on {TIER_LABELS[item.zone.tier]}</dd></div>
        {item.pausedAt && <div><dt>Paused since</dt><dd>{formatDateTime(item.pausedAt)}</dd></div>}
      </dl>
      {canAct && !open && (
        <div className="form-actions card-foot">
          <button type="button" className="btn btn-small" onClick={() => { setOpen(true); act.clearError(); }}>{paused ? 'Resume the clock' : 'Pause the clock'}</button>
        </div>
      )}
      {open && (
        <form className="form card-foot" onSubmit={(e) => void submit(e)} noValidate>
          <Field label={paused ? 'Why the clock resumes' : 'Why the clock pauses'} error={local ?? act.error?.fieldMessage('rationale')}
            hint={paused ? 'The due date moves later by the time it was paused' : 'Recorded as a decision in the item\'s history'}>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          {act.error && !act.error.fieldMessage('rationale') && <ProblemAlert error={act.error} />}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={act.pending}>{paused ? 'Resume' : 'Pause'}</button>
            <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
