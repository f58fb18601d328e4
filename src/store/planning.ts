/**
 * Planning: periods (quarters) split into sprints with team capacity and a safety share, and
 * remediation items scheduled into sprints (`remediations.sprint_id`). Decisions on an item's
 * schedule go to `remediation_decisions`.
 */
import type { RemediationStatus } from '../domain/remediation-status.ts';
import type { Severity } from '../domain/severity.ts';
import type { Tier } from '../domain/zones.ts';
import type { Queryable } from './db.ts';
import { parseRemediationRef } from './remediations.ts';
import { iso, isoOrNull } from './rows.ts';
import { isUuid } from '../domain/ids.ts';
import { isOpenStatus } from './open-status-sql.ts';

export interface PeriodRecord {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  safetyShare: number;
  createdBy: string;
  createdAt: string;
  sprintCount: number;
  capacity: number;
}

export interface SprintRecord {
  id: string;
  periodId: string;
  position: number;
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
}

/** A remediation item as the plan shows it. */
export interface PlannedItemRecord {
  id: string;
  number: number;
  title: string;
  status: RemediationStatus;
  severity: Severity;
  priority: number;
  effort: number;
  dueAt: string;
  pausedAt: string | null;
  escalatedAt: string | null;
  zone: { id: string; key: string; name: string; tier: Tier; ownerId: string };
  sprintId: string | null;
}


interface PeriodRow {
  id: string; name: string; starts_on: string; ends_on: string; safety_share: number; created_by: string; created_at: Date;
  sprint_count: number; capacity: number;
}

const PERIOD_COLUMNS = `p.id, p.name, to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on,
  p.safety_share::float8 AS safety_share, p.created_by, p.created_at,
  (SELECT count(*)::int FROM sprints s WHERE s.period_id = p.id) AS sprint_count,
  (SELECT coalesce(sum(s.capacity), 0)::float8 FROM sprints s WHERE s.period_id = p.id) AS capacity`;

const toPeriod = (r: PeriodRow): PeriodRecord => ({
  id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, safetyShare: Number(r.safety_share), createdBy: r.created_by,
  createdAt: iso(r.created_at), sprintCount: r.sprint_count, capacity: Number(r.capacity),
});

export async function insertPeriod(
  q: Queryable, orgId: string, p: { name: string; startsOn: string; endsOn: string; safetyShare: number; createdBy: string; at: string },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO planning_periods (org_id, name, starts_on, ends_on, safety_share, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [orgId, p.name, p.startsOn, p.endsOn, p.safetyShare, p.createdBy, p.at]);
  return row!.id;
}

export async function insertSprints(
  q: Queryable, orgId: string, periodId: string, sprints: readonly Omit<SprintRecord, 'id' | 'periodId'>[],
): Promise<void> {
  if (sprints.length === 0) return;
  const params: unknown[] = [orgId, periodId];
  const values = sprints.map((s) => {
    params.push(s.position, s.name, s.startsOn, s.endsOn, s.capacity);
    const n = params.length;
    return `($1, $2, $${n - 4}, $${n - 3}, $${n - 2}::date, $${n - 1}::date, $${n})`;
  });
  await q.query(`INSERT INTO sprints (org_id, period_id, position, name, starts_on, ends_on, capacity) VALUES ${values.join(', ')}`, params);
}

/** Periods, the latest first. */
export async function listPeriods(q: Queryable, orgId: string): Promise<PeriodRecord[]> {
  const rows = await q.query<PeriodRow>(
    `SELECT ${PERIOD_COLUMNS} FROM planning_periods p WHERE p.org_id = $1 ORDER BY p.starts_on DESC, p.name`, [orgId]);
  return rows.map(toPeriod);
}

/** A period by id or by name. */
export async function findPeriod(q: Queryable, orgId: string, ref: string): Promise<PeriodRecord | null> {
  const [row] = await q.query<PeriodRow>(
    `SELECT ${PERIOD_COLUMNS} FROM planning_periods p WHERE p.org_id = $1 AND ${isUuid(ref) ? 'p.id = $2::uuid' : 'p.name = $2'}`,
    [orgId, ref]);
  return row ? toPeriod(row) : null;
}

interface SprintRow { id: string; period_id: string; position: number; name: string; starts_on: string; ends_on: string; capacity: number }

const SPRINT_COLUMNS = `s.id, s.period_id, s.position, s.name, to_char(s.starts_on, 'YYYY-MM-DD') AS starts_on,
  to_char(s.ends_on, 'YYYY-MM-DD') AS ends_on, s.capacity::float8 AS capacity`;

const toSprint = (r: SprintRow): SprintRecord => ({
  id: r.id, periodId: r.period_id, position: r.position, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, capacity: Number(r.capacity),
});

export async function listSprints(q: Queryable, orgId: string, periodId: string): Promise<SprintRecord[]> {
  const rows = await q.query<SprintRow>(
    `SELECT ${SPRINT_COLUMNS} FROM sprints s WHERE s.org_id = $1 AND s.period_id = $2 ORDER BY s.position`, [orgId, periodId]);
  return rows.map(toSprint);
}

export async function findSprint(q: Queryable, orgId: string, id: string): Promise<SprintRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await q.query<SprintRow>(`SELECT ${SPRINT_COLUMNS} FROM sprints s WHERE s.org_id = $1 AND s.id = $2`, [orgId, id]);
  return row ? toSprint(row) : null;
}

interface ItemRow {
  id: string; number: number; title: string; status: RemediationStatus; severity: Severity; priority: number; effort: number;
  due_at: Date; paused_at: Date | null; escalated_at: Date | null; zone_id: string; zone_key: string; zone_name: string;
  zone_tier: Tier; owner_id: string; sprint_id: string | null;
}

const ITEM_COLUMNS = `r.id, r.number, r.title, r.status, r.severity, r.priority::float8 AS priority, r.effort::float8 AS effort,
  r.due_at, r.paused_at, r.escalated_at, z.id AS zone_id, z.key AS zone_key, z.name AS zone_name, z.tier AS zone_tier,
  z.owner_id, r.sprint_id`;

const toItem = (r: ItemRow): PlannedItemRecord => ({
  id: r.id, number: r.number, title: r.title, status: r.status, severity: r.severity, priority: Number(r.priority),
  effort: Number(r.effort), dueAt: iso(r.due_at), pausedAt: isoOrNull(r.paused_at), escalatedAt: isoOrNull(r.escalated_at),
  zone: { id: r.zone_id, key: r.zone_key, name: r.zone_name, tier: r.zone_tier, ownerId: r.owner_id }, sprintId: r.sprint_id,
});

/** Items scheduled into the given sprints, except obsolete ones (they need no capacity). */
export async function listSprintItems(q: Queryable, orgId: string, sprintIds: readonly string[]): Promise<PlannedItemRecord[]> {
  if (sprintIds.length === 0) return [];
  const rows = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM remediations r JOIN zones z ON z.id = r.zone_id
      WHERE r.org_id = $1 AND r.sprint_id = ANY($2::uuid[]) AND r.status <> 'obsolete'`, [orgId, sprintIds]);
  return rows.map(toItem);
}

/** Open items no sprint holds: how many, and the first of them by priority. */
export async function listUnscheduled(q: Queryable, orgId: string, limit: number): Promise<{ total: number; items: PlannedItemRecord[] }> {
  const [c] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM remediations r WHERE r.org_id = $1 AND r.sprint_id IS NULL AND ${isOpenStatus('r.status')}`, [orgId]);
  const rows = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM remediations r JOIN zones z ON z.id = r.zone_id
      WHERE r.org_id = $1 AND r.sprint_id IS NULL AND ${isOpenStatus('r.status')}
      ORDER BY r.priority DESC, r.due_at, r.id LIMIT $2`, [orgId, limit]);
  return { total: c!.n, items: rows.map(toItem) };
}

/** One item by id or `REM-<number>`, locked when asked. */
export async function findPlannedItem(q: Queryable, orgId: string, ref: string, forUpdate = false): Promise<PlannedItemRecord | null> {
  const parsed = parseRemediationRef(ref);
  if (!parsed) return null;
  const [row] = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM remediations r JOIN zones z ON z.id = r.zone_id
      WHERE r.org_id = $1 AND ${'id' in parsed ? 'r.id = $2::uuid' : 'r.number = $2::int'}${forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [orgId, 'id' in parsed ? parsed.id : parsed.number]);
  return row ? toItem(row) : null;
}

export async function setItemSprint(q: Queryable, orgId: string, id: string, sprintId: string | null, at: string): Promise<void> {
  await q.query(
    `UPDATE remediations SET sprint_id = $3, updated_at = $4, last_activity_at = $4 WHERE org_id = $1 AND id = $2`,
    [orgId, id, sprintId, at]);
}
