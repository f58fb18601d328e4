/** The residual risk register as CSV: one row per acceptance, what a spreadsheet or an auditor expects. */
import { stringify } from 'csv-stringify/sync';
import type { RiskSummary } from './risk-register.ts';

export const RISK_CSV_COLUMNS = ['key', 'status', 'title', 'zone_key', 'zone_name', 'owner', 'residual_severity', 'exposure',
  'exposure_amount', 'exposure_unit', 'review_on', 'expires_on', 'days_to_expiry', 'findings', 'justification',
  'compensating_controls', 'signed_by', 'signatures_missing', 'approved_at', 'expired_at', 'revoked_at', 'revoke_reason', 'created_by',
  'created_at'];

export function riskRow(r: RiskSummary): (string | number)[] {
  return [r.key, r.status, r.title, r.zone?.key ?? '', r.zone?.name ?? '', r.zone?.ownerName ?? '', r.residualSeverity ?? '',
    r.exposure.text, r.exposure.amount ?? '', r.exposure.unit ?? '', r.reviewOn ?? '', r.expiresOn, r.daysToExpiry, r.findingCount,
    r.justification, r.compensatingControls,
    r.approval.signed.map((s) => `${s.name ?? s.signer} (${s.capacity})`).join('; '),
    r.approval.missing.map((m) => m.capacity).join('; '),
    r.approvedAt ?? '', r.expiredAt ?? '', r.revokedAt ?? '', r.revokeReason ?? '', r.createdBy, r.createdAt];
}

export function riskRegisterCsv(items: readonly RiskSummary[]): string {
  return stringify([RISK_CSV_COLUMNS, ...items.map(riskRow)]);
}
