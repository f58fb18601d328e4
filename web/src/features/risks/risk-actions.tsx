import { useState } from 'react';
import type { RiskDetail } from '../../../../src/contracts/risks.ts';
import { risksApi } from '../../api/risks.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';

/** Approve (sign) and revoke, for those allowed; the server decides and says why not. */
export function RiskActions({ risk, onChange }: { risk: RiskDetail; onChange: (r: RiskDetail) => void }) {
  const approve = useAction(risksApi.approve);
  const revoke = useAction(risksApi.revoke);
  const [reason, setReason] = useState('');
  const { canApprove, canRevoke } = risk.permissions;
  if (!canApprove && !canRevoke) return null;
  return (
    <section className="card" aria-labelledby="risk-actions-h">
      <h2 id="risk-actions-h">Decide</h2>
      <ProblemAlert error={approve.error ?? revoke.error} title="That did not work" />
      {canApprove && (
        <button type="button" className="btn btn-primary" disabled={approve.pending}
          onClick={() => void approve.run(risk.id).then((r) => r && onChange(r))}>Approve (sign)</button>
      )}
      {canRevoke && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void revoke.run(risk.id, reason).then((r) => { if (r) { setReason(''); onChange(r); } }); }}>
          <div className="field">
            <label htmlFor="revoke-reason">Reason to revoke</label>
            <input id="revoke-reason" value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} required />
          </div>
          <button type="submit" className="btn btn-danger" disabled={revoke.pending}>Revoke</button>
        </form>
      )}
    </section>
  );
}
