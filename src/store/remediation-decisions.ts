/** The decisions that shaped a remediation item (priority, status, SLA pauses…), with their rationale. */
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';

export type DecisionKind = 'created' | 'priority' | 'status' | 'sla_pause' | 'sla_resume' | 'scheduled' | 'deferred' | 'escalated' | 'findings';

export interface DecisionRecord {
  id: string;
  kind: DecisionKind;
  rationale: string;
  before: unknown;
  after: unknown;
  actor: string;
  actorName: string | null;
  at: string;
}

export interface DecisionWrite {
  remediationId: string;
  kind: DecisionKind;
  rationale: string;
  before?: unknown;
  after?: unknown;
  actor: string;
  at: string;
}

export async function insertDecisions(q: Queryable, orgId: string, items: readonly DecisionWrite[]): Promise<void> {
  if (items.length === 0) return;
  await q.query(
    `INSERT INTO remediation_decisions (org_id, remediation_id, kind, rationale, before, after, actor, at)
     SELECT $1, u.remediation_id, u.kind, u.rationale, u.before::jsonb, u.after::jsonb, u.actor, u.at
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
         AS u(remediation_id, kind, rationale, before, after, actor, at)`,
    [orgId, items.map((d) => d.remediationId), items.map((d) => d.kind), items.map((d) => d.rationale),
      items.map((d) => (d.before === undefined ? null : JSON.stringify(d.before))),
      items.map((d) => (d.after === undefined ? null : JSON.stringify(d.after))), items.map((d) => d.actor), items.map((d) => d.at)]);
}

export async function listDecisions(q: Queryable, remediationId: string, limit = 500): Promise<DecisionRecord[]> {
  const rows = await q.query<{ id: string; kind: DecisionKind; rationale: string; before: unknown; after: unknown; actor: string;
    actor_name: string | null; at: Date }>(
    `SELECT d.id, d.kind, d.rationale, d.before, d.after, d.actor, u.name AS actor_name, d.at
       FROM remediation_decisions d LEFT JOIN users u ON d.actor LIKE 'user:%' AND u.id::text = substr(d.actor, 6)
      WHERE d.remediation_id = $1 ORDER BY d.at, (d.kind = 'created') DESC, d.id LIMIT $2`, [remediationId, limit]);
  return rows.map((r) => ({
    id: r.id, kind: r.kind, rationale: r.rationale, before: r.before ?? null, after: r.after ?? null, actor: r.actor,
    actorName: r.actor_name, at: iso(r.at),
  }));
}
