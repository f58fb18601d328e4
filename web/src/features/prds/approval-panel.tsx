import { useState } from 'react';
import type { PrdDetail } from '../../../../src/contracts/prds.ts';
import { prdsApi } from '../../api/prds.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { Field } from '../../ui/field.tsx';
import { PrdStatusBadge } from './prd-labels.tsx';

type Move = 'submit' | 'approve' | 'reopen';

/** The review status and its moves; a refused approval shows the server's reasons, one per failure mode. */
export function ApprovalPanel({ prd, canWrite, onChange }: { prd: PrdDetail; canWrite: boolean; onChange: (next: PrdDetail) => void }) {
  const [reason, setReason] = useState('');
  const move = useAction((m: Move) => (m === 'submit' ? prdsApi.submit(prd.id) : m === 'approve' ? prdsApi.approve(prd.id) : prdsApi.reopen(prd.id, reason.trim())));
  const run = async (m: Move) => {
    const next = await move.run(m);
    if (next) { onChange(next); setReason(''); }
  };
  const refusal = move.error;
  return (
    <section className="card" aria-labelledby="review-heading">
      <h2 id="review-heading" className="card-title">Review</h2>
      <p>Status: <PrdStatusBadge status={prd.status} /></p>
      {prd.approvedAt && <p className="small muted">Approved {formatDateTime(prd.approvedAt)}</p>}
      {refusal && (
        <Alert tone="danger" title={refusal.status === 409 && move.error?.problem.errors?.length ? 'Approval refused' : 'Not done'}>
          {refusal.problem.errors?.length
            ? <ul className="issue-list">{refusal.problem.errors.map((e) => <li key={`${e.field}-${e.message}`}>{e.message}</li>)}</ul>
            : <p>{refusal.problem.detail}</p>}
        </Alert>
      )}
      {!refusal && prd.status !== 'approved' && prd.approvalProblems.length > 0 && (
        <Alert tone="warning" title="Not ready for approval">
          <ul className="issue-list">{prd.approvalProblems.map((p) => <li key={`${p.field}-${p.message}`}>{p.message}</li>)}</ul>
        </Alert>
      )}
      <div className="form-actions">
        {prd.status === 'draft' && canWrite && (
          <button type="button" className="btn btn-primary" disabled={move.pending} onClick={() => void run('submit')}>Submit for review</button>
        )}
        {prd.status === 'in_review' && prd.permissions.canApprove && (
          <button type="button" className="btn btn-primary" disabled={move.pending} onClick={() => void run('approve')}>Approve</button>
        )}
      </div>
      {prd.status !== 'draft' && prd.permissions.canApprove && (
        <form className="form" onSubmit={(e) => { e.preventDefault(); void run('reopen'); }} aria-label="Send back to draft">
          <Field label="Reason to send it back" error={move.error?.fieldMessage('reason')}>
            <input type="text" value={reason} maxLength={5000} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="submit" className="btn" disabled={move.pending}>Send back to draft</button>
        </form>
      )}
    </section>
  );
}
