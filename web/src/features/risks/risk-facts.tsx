import type { RiskDetail } from '../../../../src/contracts/risks.ts';
import { SeverityBadge } from '../findings/finding-badges.tsx';
import { expiryText } from './risks-table.tsx';

/** What an acceptance says: residual severity, justification, controls, exposure, dates; all as text. */
export function RiskFacts({ risk: r }: { risk: RiskDetail }) {
  return (
    <dl className="facts">
      <dt>Residual severity</dt><dd>{r.residualSeverity ? <SeverityBadge severity={r.residualSeverity} /> : 'not set'}</dd>
      <dt>Business justification</dt><dd className="pre-wrap">{r.justification}</dd>
      <dt>Compensating controls and monitoring</dt><dd className="pre-wrap">{r.compensatingControls || '—'}</dd>
      <dt>Estimated exposure</dt>
      <dd>{[r.exposure.text, r.exposure.amount !== null ? `${r.exposure.amount} ${r.exposure.unit ?? ''}` : ''].filter(Boolean).join(' · ') || '—'}</dd>
      <dt>Review on</dt><dd>{r.reviewOn ?? 'not set'}</dd>
      <dt>Expires</dt><dd>{expiryText(r)}</dd>
      {r.revokeReason && <><dt>Revoked</dt><dd>{r.revokeReason}</dd></>}
      {r.lapsedFindings !== null && <><dt>Back to triage</dt><dd>{r.lapsedFindings} finding(s)</dd></>}
    </dl>
  );
}
