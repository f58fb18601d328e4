/**
 * Ending risk acceptances, set-based: the entries that reached their expiry date (or one
 * revoked by hand) stop holding their findings. Those findings go back to triage (triage
 * `untriaged`, status `open`), each into its zone owner's queue when it lapsed by date.
 * Like regression reopening (remediation-reopen.ts), one statement per step whatever the number.
 */
import type { Queryable } from './db.ts';
import { dateOnly } from './rows.ts';

export interface LapsingEntry { id: string; number: number; expiresOn: string; status: 'draft' | 'approved' }

/** Organizations with live entries whose expiry date is on or before `today`. */
export async function orgsWithLapsing(q: Queryable, today: string): Promise<string[]> {
  const rows = await q.query<{ org_id: string }>(
    `SELECT DISTINCT org_id FROM risk_acceptances WHERE status IN ('draft', 'approved') AND expires_on <= $1::date`, [today]);
  return rows.map((r) => r.org_id);
}

/** Locks and returns the organization's live entries due on or before `today`. */
export async function lockLapsing(q: Queryable, orgId: string, today: string): Promise<LapsingEntry[]> {
  const rows = await q.query<{ id: string; number: number; expires_on: Date | string; status: 'draft' | 'approved' }>(
    `SELECT id, number, expires_on, status FROM risk_acceptances
      WHERE org_id = $1 AND status IN ('draft', 'approved') AND expires_on <= $2::date
      ORDER BY number FOR UPDATE`, [orgId, today]);
  return rows.map((r) => ({ id: r.id, number: r.number, expiresOn: dateOnly(r.expires_on)!, status: r.status }));
}

export interface ReleasedFinding { id: string; riskAcceptanceId: string; zoneId: string | null; statusBefore: string }

/**
 * Puts the findings still held by these entries back to triage: untriaged and open (the
 * decision is gone; the link to the entry stays, so the register shows what lapsed).
 */
export async function releaseFindings(q: Queryable, orgId: string, acceptanceIds: string[], at: string): Promise<ReleasedFinding[]> {
  if (acceptanceIds.length === 0) return [];
  const rows = await q.query<{ id: string; risk_acceptance_id: string; zone_id: string | null; before: string }>(
    `UPDATE findings f SET triage = 'untriaged', triage_reason = NULL, triaged_at = NULL, triaged_by = NULL, status = 'open',
            clean_runs = CASE WHEN f.status = 'open' THEN f.clean_runs ELSE 0 END,
            status_changed_at = CASE WHEN f.status = 'open' THEN f.status_changed_at ELSE $3::timestamptz END
       FROM (SELECT id, status FROM findings WHERE org_id = $1 AND risk_acceptance_id = ANY($2::uuid[]) AND triage = 'accepted_risk') old
      WHERE f.id = old.id
     RETURNING f.id, f.risk_acceptance_id, f.zone_id, old.status AS before`, [orgId, acceptanceIds, at]);
  return rows.map((r) => ({ id: r.id, riskAcceptanceId: r.risk_acceptance_id, zoneId: r.zone_id, statusBefore: r.before }));
}

/** Each released finding into the queue of its zone's owner. */
export async function queueLapsed(q: Queryable, orgId: string, findings: ReleasedFinding[], at: string): Promise<number> {
  if (findings.length === 0) return 0;
  const rows = await q.query<{ id: string }>(
    `INSERT INTO queue_items (org_id, user_id, kind, finding_id, risk_acceptance_id, created_at)
     SELECT $1, z.owner_id, 'risk_acceptance.expired', f.id, u.acceptance_id, $4
       FROM unnest($2::uuid[], $3::uuid[]) AS u(finding_id, acceptance_id)
       JOIN findings f ON f.id = u.finding_id JOIN zones z ON z.id = f.zone_id
     RETURNING id`, [orgId, findings.map((f) => f.id), findings.map((f) => f.riskAcceptanceId), at]);
  return rows.length;
}

/** Marks the entries expired, with how many findings each released. */
export async function markExpired(q: Queryable, orgId: string, ids: string[], released: ReleasedFinding[], at: string): Promise<void> {
  if (ids.length === 0) return;
  const counts = ids.map((id) => released.filter((f) => f.riskAcceptanceId === id).length);
  await q.query(
    `UPDATE risk_acceptances r SET status = 'expired', expired_at = $4, updated_at = $4, lapsed_findings = u.n
       FROM unnest($2::uuid[], $3::int[]) AS u(id, n) WHERE r.org_id = $1 AND r.id = u.id`, [orgId, ids, counts, at]);
}
