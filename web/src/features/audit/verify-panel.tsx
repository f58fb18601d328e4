import type { VerifyResult } from '../../../../src/contracts/audit.ts';
import { auditApi } from '../../api/audit.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { useState } from 'react';

const REASONS: Record<NonNullable<VerifyResult['break']>['reason'], string> = {
  gap: 'an event is missing',
  prev_hash: 'an event does not follow the one before it',
  hash: 'an event was changed after it was written',
};

/** Recomputes the hash chain of the organization's audit trail and says whether it holds. */
export function VerifyPanel() {
  const [result, setResult] = useState<VerifyResult>();
  const verify = useAction(auditApi.verify);

  async function run() {
    setResult(undefined);
    const r = await verify.run();
    if (r) setResult(r);
  }

  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading" className="card-title">Audit trail integrity</h2>
      <p className="muted small">Every change is an event chained to the one before by a hash. Verifying recomputes the whole chain.</p>
      <button type="button" className="btn btn-primary" disabled={verify.pending} onClick={() => void run()}>
        {verify.pending ? 'Verifying…' : 'Verify audit trail'}
      </button>
      <ProblemAlert error={verify.error} />
      {result && result.ok && (
        <Alert tone="success" title="The audit trail is intact">
          <p>{result.checked} events checked, up to event #{result.headSeq}.</p>
        </Alert>
      )}
      {result && !result.ok && (
        <Alert tone="danger" title="The audit trail is broken">
          {result.break ? (
            <>
              <p>At event #{result.break.seq}: {REASONS[result.break.reason]}.</p>
              <p>{result.break.message}</p>
            </>
          ) : <p>The chain does not verify.</p>}
          <p className="small">{result.checked} events checked.</p>
        </Alert>
      )}
    </section>
  );
}
