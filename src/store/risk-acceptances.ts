/** Risk-acceptance drafts: residual risk accepted at triage, with justification, controls and expiry. */
import type { Queryable } from './db.ts';

export interface RiskAcceptanceWrite {
  zoneId: string | null;
  justification: string;
  compensatingControls: string;
  expiresOn: string;
  createdBy: string;
  at: string;
}

export async function insertRiskAcceptance(q: Queryable, orgId: string, w: RiskAcceptanceWrite): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO risk_acceptances (org_id, zone_id, justification, compensating_controls, expires_on, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7) RETURNING id`,
    [orgId, w.zoneId, w.justification, w.compensatingControls, w.expiresOn, w.createdBy, w.at]);
  return row!.id;
}
