import type { RiskDetail } from '../../../../src/contracts/risks.ts';

/** Who has signed and who is still needed: the owner, and an admin when the residual severity is critical. */
export function RiskApproval({ risk }: { risk: RiskDetail }) {
  const { required, signed, missing } = risk.approval;
  return (
    <section className="card" aria-labelledby="risk-approval-h">
      <h2 id="risk-approval-h">Approval</h2>
      <p>Needs {required.includes('admin') ? "the zone's owner and an admin (critical residual risk)" : "the zone's owner"}.</p>
      <ul className="plain-list">
        {signed.map((s) => (
          <li key={s.capacity}>✓ Signed as {s.capacity} by {s.name ?? s.signer} on {s.signedAt.slice(0, 10)}</li>
        ))}
        {missing.map((m) => <li key={m.capacity}>○ Still needed: {m.who}</li>)}
      </ul>
      {risk.approvalBlockers.length > 0 && (
        <div className="alert alert-warning" role="note" aria-labelledby="risk-blockers-h">
          <p className="alert-title" id="risk-blockers-h">Before anyone can sign</p>
          <ul className="alert-body">{risk.approvalBlockers.map((b) => <li key={b.field}>{b.message}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
