/** Runs: one import of a tool's output into a scope (a zone, or the unrouted queue). */
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';

export type Outcome = 'new' | 'still_present' | 'not_reproduced' | 'regressed' | 'verified';

export interface RunCounts {
  findings: number;
  new: number;
  still_present: number;
  not_reproduced: number;
  regressed: number;
  verified: number;
  /** Findings the file listed more than once (same fingerprint): kept once. */
  duplicates: number;
}

export interface RunRecord {
  id: string;
  zoneId: string | null;
  format: string;
  tool: string;
  toolVersion: string | null;
  target: string | null;
  fileName: string;
  checksum: string;
  sizeBytes: number;
  startedAt: string | null;
  introducedIn: string | null;
  actor: string;
  importedAt: string;
  counts: RunCounts;
  reported: Record<string, number>;
}

interface RunRow {
  id: string; zone_id: string | null; format: string; tool: string; tool_version: string | null; target: string | null;
  file_name: string; checksum: string; size_bytes: number; started_at: Date | null; introduced_in: string | null;
  actor: string; imported_at: Date; counts: RunCounts; reported: Record<string, number>;
}

const toRun = (r: RunRow): RunRecord => ({
  id: r.id, zoneId: r.zone_id, format: r.format, tool: r.tool, toolVersion: r.tool_version, target: r.target,
  fileName: r.file_name, checksum: r.checksum, sizeBytes: Number(r.size_bytes), startedAt: isoOrNull(r.started_at),
  introducedIn: r.introduced_in, actor: r.actor, importedAt: iso(r.imported_at), counts: r.counts, reported: r.reported,
});

export async function findRunByChecksum(
  q: Queryable, orgId: string, zoneId: string | null, format: string, checksum: string,
): Promise<RunRecord | null> {
  const [row] = await q.query<RunRow>(
    `SELECT * FROM runs WHERE org_id = $1 AND zone_id IS NOT DISTINCT FROM $2 AND format = $3 AND checksum = $4`,
    [orgId, zoneId, format, checksum]);
  return row ? toRun(row) : null;
}

export async function insertRun(q: Queryable, orgId: string, r: Omit<RunRecord, 'id'>): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO runs (org_id, zone_id, format, tool, tool_version, target, file_name, checksum, size_bytes, started_at,
                       introduced_in, actor, imported_at, counts, reported)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb) RETURNING id`,
    [orgId, r.zoneId, r.format, r.tool, r.toolVersion, r.target, r.fileName, r.checksum, r.sizeBytes, r.startedAt,
      r.introducedIn, r.actor, r.importedAt, JSON.stringify(r.counts), JSON.stringify(r.reported)]);
  return row!.id;
}

export async function setRunCounts(q: Queryable, runId: string, counts: RunCounts): Promise<void> {
  await q.query('UPDATE runs SET counts = $2::jsonb WHERE id = $1', [runId, JSON.stringify(counts)]);
}

export async function findRun(q: Queryable, orgId: string, runId: string): Promise<RunRecord | null> {
  const [row] = await q.query<RunRow>('SELECT * FROM runs WHERE org_id = $1 AND id = $2', [orgId, runId]);
  return row ? toRun(row) : null;
}

export async function listRuns(q: Queryable, orgId: string, limit: number, offset: number): Promise<RunRecord[]> {
  return (await q.query<RunRow>(
    'SELECT * FROM runs WHERE org_id = $1 ORDER BY imported_at DESC, id LIMIT $2 OFFSET $3', [orgId, limit, offset])).map(toRun);
}

export interface RunFindingRecord {
  id: string;
  title: string;
  severity: string;
  ruleId: string;
  target: string | null;
  location: string | null;
  status: string;
  outcome: Outcome;
}

/** The findings of a run with their outcome, most severe first: the run page's lists. */
export async function runFindings(q: Queryable, orgId: string, runId: string, limit: number): Promise<RunFindingRecord[]> {
  return q.query<RunFindingRecord>(
    `SELECT f.id, f.title, f.severity, f.rule_id AS "ruleId", f.target, f.location, f.status, rf.outcome
       FROM run_findings rf JOIN findings f ON f.id = rf.finding_id
      WHERE rf.run_id = $1 AND f.org_id = $2
      ORDER BY array_position(ARRAY['critical','high','medium','low','info'], f.severity), f.title
      LIMIT $3`, [runId, orgId, limit]);
}
