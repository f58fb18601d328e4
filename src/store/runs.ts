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

export interface ZoneRef { id: string; key: string; name: string }

export interface RunRecord {
  id: string;
  zoneId: string | null;
  zone: ZoneRef | null;
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
  zone_key: string | null; zone_name: string | null;
}

const toRun = (r: RunRow): RunRecord => ({
  id: r.id, zoneId: r.zone_id, zone: r.zone_id ? { id: r.zone_id, key: r.zone_key!, name: r.zone_name! } : null, format: r.format, tool: r.tool, toolVersion: r.tool_version, target: r.target,
  fileName: r.file_name, checksum: r.checksum, sizeBytes: Number(r.size_bytes), startedAt: isoOrNull(r.started_at),
  introducedIn: r.introduced_in, actor: r.actor, importedAt: iso(r.imported_at), counts: r.counts, reported: r.reported,
});

const SELECT_RUN = `SELECT r.*, z.key AS zone_key, z.name AS zone_name FROM runs r LEFT JOIN zones z ON z.id = r.zone_id`;

export async function findRunByChecksum(
  q: Queryable, orgId: string, zoneId: string | null, format: string, checksum: string,
): Promise<RunRecord | null> {
  const [row] = await q.query<RunRow>(
    `${SELECT_RUN} WHERE r.org_id = $1 AND r.zone_id IS NOT DISTINCT FROM $2 AND r.format = $3 AND r.checksum = $4`,
    [orgId, zoneId, format, checksum]);
  return row ? toRun(row) : null;
}

/** Records a run under the id its findings were already written with. */
export async function insertRun(q: Queryable, orgId: string, r: Omit<RunRecord, 'zone'>): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO runs (id, org_id, zone_id, format, tool, tool_version, target, file_name, checksum, size_bytes, started_at,
                       introduced_in, actor, imported_at, counts, reported)
     VALUES ($16, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb) RETURNING id`,
    [orgId, r.zoneId, r.format, r.tool, r.toolVersion, r.target, r.fileName, r.checksum, r.sizeBytes, r.startedAt,
      r.introducedIn, r.actor, r.importedAt, JSON.stringify(r.counts), JSON.stringify(r.reported), r.id]);
  return row!.id;
}

export async function findRun(q: Queryable, orgId: string, runId: string): Promise<RunRecord | null> {
  const [row] = await q.query<RunRow>(`${SELECT_RUN} WHERE r.org_id = $1 AND r.id = $2`, [orgId, runId]);
  return row ? toRun(row) : null;
}

export async function listRuns(
  q: Queryable, orgId: string, zoneId: string | null, limit: number, offset: number,
): Promise<RunRecord[]> {
  return (await q.query<RunRow>(
    `${SELECT_RUN} WHERE r.org_id = $1 AND ($2::uuid IS NULL OR r.zone_id = $2)
      ORDER BY r.imported_at DESC, r.id LIMIT $3 OFFSET $4`, [orgId, zoneId, limit, offset])).map(toRun);
}

export interface RunFindingRecord {
  id: string;
  title: string;
  severity: string;
  ruleId: string;
  target: string | null;
  location: string | null;
  status: string;
  zone: ZoneRef | null;
  outcome: Outcome;
}

/**
 * The outcome of each finding a run met: its run_findings rows, and its new findings, which have
 * none (findings-merge.ts): those it first saw, found by findings_org_first_seen_idx. `$1` run,
 * `$2` organization, `$3` one outcome or null.
 */
const RUN_OUTCOMES = `
  SELECT rf.finding_id, rf.outcome FROM run_findings rf WHERE rf.run_id = $1 AND ($3::text IS NULL OR rf.outcome = $3)
  UNION ALL
  SELECT f.id, 'new' FROM findings f
   WHERE f.org_id = $2 AND f.first_seen_at = (SELECT imported_at FROM runs WHERE id = $1 AND org_id = $2) AND f.first_run_id = $1
     AND ($3::text IS NULL OR $3 = 'new')`;

/** The findings of a run with their outcome (all, or one outcome), most severe first: the run page's lists. */
export async function runFindings(
  q: Queryable, orgId: string, runId: string, page: { outcome?: Outcome | undefined; limit: number; offset?: number },
): Promise<{ items: RunFindingRecord[]; total: number }> {
  const params = [runId, orgId, page.outcome ?? null];
  const rows = await q.query<Omit<RunFindingRecord, 'zone'> & { zone_id: string | null; zone_key: string | null; zone_name: string | null; total: number }>(
    `SELECT f.id, f.title, f.severity, f.rule_id AS "ruleId", f.target, f.location, f.status, o.outcome,
            f.zone_id, z.key AS zone_key, z.name AS zone_name, count(*) OVER ()::int AS total
       FROM (${RUN_OUTCOMES}) o JOIN findings f ON f.id = o.finding_id LEFT JOIN zones z ON z.id = f.zone_id
      WHERE f.org_id = $2
      ORDER BY array_position(ARRAY['critical','high','medium','low','info'], f.severity), f.title, f.id
      LIMIT $4 OFFSET $5`, [...params, page.limit, page.offset ?? 0]);
  const total = rows[0]?.total ?? (page.offset ? (await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${RUN_OUTCOMES}) o`, params))[0]!.n : 0);
  const items = rows.map(({ zone_id, zone_key, zone_name, total: _t, ...r }) => ({
    ...r, zone: zone_id ? { id: zone_id, key: zone_key!, name: zone_name! } : null,
  }));
  return { items, total };
}
