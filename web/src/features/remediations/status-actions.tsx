import { useState, type FormEvent } from 'react';
import type { Move, RemediationDetail, RemediationStatus } from '../../../../src/contracts/remediations.ts';
import { remediationsApi } from '../../api/remediations.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { MOVE_LABELS, moveNeedsReason, STATUS_LABELS } from './remediation-labels.ts';

/**
 * A button for each move the caller may make from the current status. Moves that need a reason
 * (obsolete, reopen, sending a fix back) ask for it first; a refusal shows the server's words.
 */
export function StatusActions({ item, onChanged }: { item: RemediationDetail; onChanged: (n: RemediationDetail) => void }) {
  const [asking, setAsking] = useState<RemediationStatus>();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string>();
  const [attempt, setAttempt] = useState<RemediationStatus>();
  const move = useAction((body: Move) => remediationsApi.move(item.key, body));
  const moves = item.permissions.canMoveTo;

  async function go(to: RemediationStatus, why?: string) {
    setAttempt(to);
    const next = await move.run({ to, reason: why });
    if (next) { setAsking(undefined); setReason(''); onChanged(next); }
  }

  function click(to: RemediationStatus) {
    move.clearError();
    setLocal(undefined);
    if (moveNeedsReason(item.status, to)) { setAsking(to); return; }
    void go(to);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!asking) return;
    if (reason.trim().length < 3) { setLocal('Give the reason (at least 3 characters): it stays in the history.'); return; }
    await go(asking, reason.trim());
  }

  if (moves.length === 0) return null;
  return (
    <div className="status-actions">
      <div className="form-actions" role="group" aria-label="Move the item">
        {moves.map((to) => (
          <button key={to} type="button" disabled={move.pending}
            className={`btn btn-small${to === 'obsolete' ? ' btn-danger-outline' : to === 'verified' || to === 'fixed' || to === 'in_progress' ? ' btn-primary' : ''}`}
            aria-pressed={asking === to ? true : undefined} onClick={() => click(to)}>
            {MOVE_LABELS[to]}
          </button>
        ))}
      </div>
      {move.error && !move.error.fieldMessage('reason') && (
        <Alert tone="danger" title={attempt ? `Could not move to ${STATUS_LABELS[attempt].toLowerCase()}` : 'Could not move the item'}>
          <p data-testid="move-refusal">{move.error.problem.detail}</p>
        </Alert>
      )}
      {asking && (
        <form className="form status-reason" onSubmit={(e) => void submit(e)} noValidate>
          <Field label={`Reason to ${MOVE_LABELS[asking].toLowerCase()}`} error={local ?? move.error?.fieldMessage('reason')}>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={move.pending}>{MOVE_LABELS[asking]}</button>
            <button type="button" className="btn btn-small" onClick={() => { setAsking(undefined); move.clearError(); }}>Cancel</button>
          </div>
        </form>
      )}
    </div>
  );
}
