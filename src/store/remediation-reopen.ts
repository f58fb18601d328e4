/**
 * Reopening the remediation items whose linked findings a run found again (regressed), in one
 * statement however many: fixed or verified items become `reopened`, get their SLA clock back
 * from where `fixed` stopped it, and record a `status` decision.
 */
import type { Queryable } from './db.ts';

export interface ReopenedItem { id: string; number: number; before: 'fixed' | 'verified'; findings: number; dueAt: string }

export async function reopenRegressedItems(q: Queryable, orgId: string, runId: string, at: string, actor: string): Promise<ReopenedItem[]> {
  const rows = await q.query<{ id: string; number: number; before: 'fixed' | 'verified'; findings: number; due_at: Date }>(
    `WITH hit AS (
       SELECT f.remediation_id AS id, count(*)::int AS findings
         FROM run_findings rf JOIN findings f ON f.id = rf.finding_id
        WHERE rf.run_id = $2 AND rf.outcome = 'regressed' AND f.remediation_id IS NOT NULL
        GROUP BY f.remediation_id),
     old AS (
       SELECT r.id, r.status, hit.findings FROM remediations r JOIN hit ON hit.id = r.id
        WHERE r.org_id = $1 AND r.status IN ('fixed', 'verified') FOR UPDATE OF r),
     upd AS (
       UPDATE remediations r SET status = 'reopened', closed_at = NULL, updated_at = $3, last_activity_at = $3,
              due_at = CASE WHEN r.paused_at IS NULL AND r.fixed_at IS NOT NULL THEN r.due_at + ($3::timestamptz - r.fixed_at) ELSE r.due_at END
         FROM old WHERE r.id = old.id
       RETURNING r.id, r.number, old.status AS before, old.findings, r.due_at),
     dec AS (
       INSERT INTO remediation_decisions (org_id, remediation_id, kind, rationale, before, after, actor, at)
       SELECT $1, id, 'status', findings || ' linked finding(s) regressed in run ' || $2::text,
              jsonb_build_object('status', before), jsonb_build_object('status', 'reopened', 'runId', $2::text), $4, $3
         FROM upd)
     SELECT * FROM upd ORDER BY number`, [orgId, runId, at, actor]);
  return rows.map((r) => ({ id: r.id, number: r.number, before: r.before, findings: r.findings, dueAt: new Date(r.due_at).toISOString() }));
}
