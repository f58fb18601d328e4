/** Red-team exercises and the counts of the findings each produced. */
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';
import type { ZoneRef } from './runs.ts';

export interface ExerciseRecord {
  id: string;
  name: string;
  scope: string;
  participants: string[];
  startedOn: string;
  endedOn: string | null;
  zone: ZoneRef | null;
  createdBy: string;
  createdAt: string;
  findingCounts: { total: number; open: number; critical: number; high: number };
}

export interface ExerciseWrite {
  name: string;
  scope: string;
  participants: string[];
  startedOn: string;
  endedOn: string | null;
  zoneId: string | null;
}

interface Row {
  id: string; name: string; scope: string; participants: string[]; started_on: string; ended_on: string | null;
  zone_id: string | null; zone_key: string | null; zone_name: string | null; created_by: string; created_at: Date;
  total: number; open: number; critical: number; high: number;
}

const toExercise = (r: Row): ExerciseRecord => ({
  id: r.id, name: r.name, scope: r.scope, participants: r.participants, startedOn: r.started_on, endedOn: r.ended_on,
  zone: r.zone_id ? { id: r.zone_id, key: r.zone_key!, name: r.zone_name! } : null, createdBy: r.created_by,
  createdAt: iso(r.created_at), findingCounts: { total: r.total, open: r.open, critical: r.critical, high: r.high },
});

// Dates as text: both engines would otherwise turn a `date` into a Date at some local midnight.
const SELECT = `
  SELECT e.id, e.name, e.scope, e.participants, e.started_on::text AS started_on, e.ended_on::text AS ended_on,
         e.zone_id, z.key AS zone_key, z.name AS zone_name, e.created_by, e.created_at,
         count(f.id)::int AS total, count(f.id) FILTER (WHERE f.status = 'open')::int AS open,
         count(f.id) FILTER (WHERE f.severity = 'critical')::int AS critical,
         count(f.id) FILTER (WHERE f.severity = 'high')::int AS high
    FROM exercises e LEFT JOIN zones z ON z.id = e.zone_id LEFT JOIN findings f ON f.exercise_id = e.id`;
const GROUP = 'GROUP BY e.id, z.key, z.name';

export async function listExercises(q: Queryable, orgId: string): Promise<ExerciseRecord[]> {
  return (await q.query<Row>(`${SELECT} WHERE e.org_id = $1 ${GROUP} ORDER BY e.started_on DESC, e.name`, [orgId])).map(toExercise);
}

export async function findExercise(q: Queryable, orgId: string, id: string): Promise<ExerciseRecord | null> {
  const [row] = await q.query<Row>(`${SELECT} WHERE e.org_id = $1 AND e.id = $2 ${GROUP}`, [orgId, id]);
  return row ? toExercise(row) : null;
}

export async function insertExercise(q: Queryable, orgId: string, e: ExerciseWrite, createdBy: string, at: string): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO exercises (org_id, name, scope, participants, started_on, ended_on, zone_id, created_by, created_at)
     VALUES ($1, $2, $3, $4::text[], $5::date, $6::date, $7, $8, $9) RETURNING id`,
    [orgId, e.name, e.scope, e.participants, e.startedOn, e.endedOn, e.zoneId, createdBy, at]);
  return row!.id;
}

export async function updateExercise(q: Queryable, orgId: string, id: string, e: ExerciseWrite): Promise<void> {
  await q.query(
    `UPDATE exercises SET name = $3, scope = $4, participants = $5::text[], started_on = $6::date, ended_on = $7::date, zone_id = $8
      WHERE org_id = $1 AND id = $2`,
    [orgId, id, e.name, e.scope, e.participants, e.startedOn, e.endedOn, e.zoneId]);
}
