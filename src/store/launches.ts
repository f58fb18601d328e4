/** Launches and their decisions (kept forever, each with the gate evaluation it was made on). */
import type { GateEvaluation } from '../domain/launch-gate.ts';
import type { PrdStatus } from '../domain/prd-review.ts';
import type { Queryable } from './db.ts';
import { dateOnly, iso, isoOrNull } from './rows.ts';
import { zoneBriefColumn, type ZoneBrief } from './zone-brief.ts';

export type LaunchStatus = 'planned' | 'awaiting_cosign' | 'go' | 'paused';
export type DecisionKind = 'go' | 'pause' | 'override_requested' | 'override_cosigned';

export interface LaunchRecord {
  id: string;
  zone: ZoneBrief;
  name: string;
  plannedOn: string;
  prd: { id: string; title: string; status: PrdStatus; approvedAt: string | null } | null;
  premortem: { id: string; release: string; heldOn: string; completedAt: string | null } | null;
  status: LaunchStatus;
  decision: 'go' | 'pause' | null;
  rationale: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  override: boolean;
  cosignedBy: string | null;
  cosignedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

type Ts = Date | string;
interface Row {
  id: string; zone: ZoneBrief; name: string; planned_on: Date | string; status: LaunchStatus; decision: 'go' | 'pause' | null;
  rationale: string | null; decided_by: string | null; decided_at: Ts | null; override: boolean; cosigned_by: string | null;
  cosigned_at: Ts | null; created_by: string; created_at: Ts; updated_at: Ts;
  prd_id: string | null; prd_title: string | null; prd_status: PrdStatus | null; prd_approved_at: Ts | null;
  premortem_id: string | null; pm_release: string | null; pm_held_on: Date | string | null; pm_completed_at: Ts | null;
}

const SELECT = `SELECT l.*, ${zoneBriefColumn('l')} AS zone,
    p.title AS prd_title, p.status AS prd_status, p.approved_at AS prd_approved_at,
    pm.release AS pm_release, pm.held_on AS pm_held_on, pm.completed_at AS pm_completed_at
  FROM launches l LEFT JOIN prds p ON p.id = l.prd_id LEFT JOIN premortems pm ON pm.id = l.premortem_id`;

const toRecord = (r: Row): LaunchRecord => ({
  id: r.id, zone: r.zone, name: r.name, plannedOn: dateOnly(r.planned_on)!,
  prd: r.prd_id ? { id: r.prd_id, title: r.prd_title!, status: r.prd_status!, approvedAt: isoOrNull(r.prd_approved_at) } : null,
  premortem: r.premortem_id
    ? { id: r.premortem_id, release: r.pm_release!, heldOn: dateOnly(r.pm_held_on)!, completedAt: isoOrNull(r.pm_completed_at) }
    : null,
  status: r.status, decision: r.decision, rationale: r.rationale, decidedBy: r.decided_by, decidedAt: isoOrNull(r.decided_at),
  override: r.override, cosignedBy: r.cosigned_by, cosignedAt: isoOrNull(r.cosigned_at), createdBy: r.created_by,
  createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
});

export async function findLaunch(q: Queryable, orgId: string, id: string, forUpdate = false): Promise<LaunchRecord | null> {
  if (forUpdate) await q.query('SELECT 1 FROM launches WHERE org_id = $1 AND id = $2 FOR UPDATE', [orgId, id]);
  const [row] = await q.query<Row>(`${SELECT} WHERE l.org_id = $1 AND l.id = $2`, [orgId, id]);
  return row ? toRecord(row) : null;
}

/** The launch of a zone by name, or — without a name — the zone's next launch not yet decided go. */
export async function findLaunchInZone(q: Queryable, orgId: string, zoneId: string, name: string | null): Promise<LaunchRecord | null> {
  const [row] = await q.query<Row>(
    `${SELECT} WHERE l.org_id = $1 AND l.zone_id = $2 AND ($3::text IS NULL AND l.status <> 'go' OR lower(l.name) = lower($3))
      ORDER BY l.planned_on, l.created_at LIMIT 1`, [orgId, zoneId, name]);
  return row ? toRecord(row) : null;
}

export async function listLaunches(q: Queryable, orgId: string, f: { zoneId?: string | undefined; status?: LaunchStatus | undefined }, limit: number): Promise<LaunchRecord[]> {
  const rows = await q.query<Row>(
    `${SELECT} WHERE l.org_id = $1 AND ($2::uuid IS NULL OR l.zone_id = $2) AND ($3::text IS NULL OR l.status = $3)
      ORDER BY l.planned_on DESC, l.created_at DESC LIMIT $4`, [orgId, f.zoneId ?? null, f.status ?? null, limit]);
  return rows.map(toRecord);
}

export interface LaunchWrite {
  zoneId: string; name: string; plannedOn: string; prdId: string | null; premortemId: string | null; createdBy: string; at: string;
}

export async function insertLaunch(q: Queryable, orgId: string, w: LaunchWrite): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO launches (org_id, zone_id, name, planned_on, prd_id, premortem_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $8) RETURNING id`,
    [orgId, w.zoneId, w.name, w.plannedOn, w.prdId, w.premortemId, w.createdBy, w.at]);
  return row!.id;
}

export interface LaunchPlanSet { name?: string | undefined; plannedOn?: string | undefined; prdId?: string | null | undefined; premortemId?: string | null | undefined }

export async function updateLaunchPlan(q: Queryable, id: string, set: LaunchPlanSet, at: string): Promise<void> {
  await q.query(
    `UPDATE launches SET name = coalesce($2, name), planned_on = coalesce($3::date, planned_on),
            prd_id = CASE WHEN $4 THEN $5::uuid ELSE prd_id END, premortem_id = CASE WHEN $6 THEN $7::uuid ELSE premortem_id END,
            updated_at = $8
      WHERE id = $1`,
    [id, set.name ?? null, set.plannedOn ?? null, set.prdId !== undefined, set.prdId ?? null, set.premortemId !== undefined,
      set.premortemId ?? null, at]);
}

export interface LaunchDecisionSet {
  status: LaunchStatus; decision: 'go' | 'pause' | null; rationale: string; decidedBy: string; decidedAt: string;
  override: boolean; cosignedBy: string | null; cosignedAt: string | null;
}

export async function setLaunchDecision(q: Queryable, id: string, d: LaunchDecisionSet): Promise<void> {
  await q.query(
    `UPDATE launches SET status = $2, decision = $3, rationale = $4, decided_by = $5, decided_at = $6, override = $7,
            cosigned_by = $8, cosigned_at = $9, updated_at = $6 WHERE id = $1`,
    [id, d.status, d.decision, d.rationale, d.decidedBy, d.decidedAt, d.override, d.cosignedBy, d.cosignedAt]);
}

export interface DecisionRecord {
  id: string; kind: DecisionKind; override: boolean; rationale: string; checks: GateEvaluation; actor: string; actorName: string | null; at: string;
}

export async function insertLaunchDecision(
  q: Queryable, orgId: string, launchId: string, d: { kind: DecisionKind; override: boolean; rationale: string; checks: GateEvaluation; actor: string; at: string },
): Promise<void> {
  await q.query(
    `INSERT INTO launch_decisions (org_id, launch_id, kind, override, rationale, checks, actor, at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [orgId, launchId, d.kind, d.override, d.rationale, JSON.stringify(d.checks), d.actor, d.at]);
}

export async function listLaunchDecisions(q: Queryable, launchId: string): Promise<DecisionRecord[]> {
  const rows = await q.query<{ id: string; kind: DecisionKind; override: boolean; rationale: string; checks: GateEvaluation; actor: string; actor_name: string | null; at: Ts }>(
    `SELECT d.id, d.kind, d.override, d.rationale, d.checks, d.actor, u.name AS actor_name, d.at
       FROM launch_decisions d LEFT JOIN users u ON d.actor LIKE 'user:%' AND u.id::text = substr(d.actor, 6)
      WHERE d.launch_id = $1 ORDER BY d.seq`, [launchId]);
  return rows.map((r) => ({ id: r.id, kind: r.kind, override: r.override, rationale: r.rationale, checks: r.checks, actor: r.actor, actorName: r.actor_name, at: iso(r.at) }));
}

/** When the zone last launched (its latest go decision), other than `exceptId`. */
export async function lastLaunchAt(q: Queryable, orgId: string, zoneId: string, exceptId: string): Promise<string | null> {
  const [row] = await q.query<{ at: Ts | null }>(
    `SELECT max(decided_at) AS at FROM launches WHERE org_id = $1 AND zone_id = $2 AND status = 'go' AND id <> $3`,
    [orgId, zoneId, exceptId]);
  return isoOrNull(row?.at);
}
