/**
 * The verification loop, set-based: a run's findings are staged in a temporary table, then a
 * few statements classify every finding of the scope at once — new, still present, regressed
 * (was fixed or verified, present again), not reproduced (was open or awaiting verification,
 * absent now) and verified (absent for N clean runs) — and record each outcome in run_findings.
 */
import type { NormalizedFinding } from '../domain/findings.ts';
import type { Queryable } from './db.ts';
import type { RunCounts } from './runs.ts';

export interface MergeScope {
  orgId: string;
  zoneId: string | null;
  format: string;
  /** When the run names its target, only findings of that target are in scope. */
  target: string | null;
  runId: string;
  at: string;
  introducedIn: string | null;
  verifyAfterCleanRuns: number;
}

const STAGE_BATCH = 2000;

export async function createStage(q: Queryable): Promise<void> {
  await q.query(`CREATE TEMP TABLE IF NOT EXISTS staged_findings (
    ord integer, fingerprint text, title text, severity text, rule_id text, target text, location text,
    description text, mitigation text, categories text, counts text, evidence text) ON COMMIT DROP`);
  await q.query('TRUNCATE staged_findings');
}

/** Buffers findings and writes them to the stage in batches (one statement per batch, any size). */
export function stageWriter(q: Queryable) {
  let buffer: NormalizedFinding[] = [];
  let ord = 0;
  async function flush(): Promise<void> {
    if (buffer.length === 0) return;
    const cols: unknown[][] = Array.from({ length: 12 }, () => []);
    for (const f of buffer) {
      const values = [ord++, f.fingerprint, f.title, f.severity, f.ruleId, f.target, f.location, f.description, f.mitigation,
        JSON.stringify(f.categories), f.counts ? JSON.stringify(f.counts) : null, JSON.stringify(f.evidence)];
      values.forEach((v, i) => cols[i]!.push(v));
    }
    buffer = [];
    await q.query(
      `INSERT INTO staged_findings SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`, cols);
  }
  return {
    async add(f: NormalizedFinding) {
      buffer.push(f);
      if (buffer.length >= STAGE_BATCH) await flush();
    },
    flush,
  };
}

const IDENTITY = `f.org_id = $1 AND f.zone_id IS NOT DISTINCT FROM $2 AND f.format = $3`;

export async function mergeStage(q: Queryable, s: MergeScope): Promise<RunCounts> {
  const base = [s.orgId, s.zoneId, s.format];
  // Keep each fingerprint once (the first in the file).
  await q.query(`CREATE TEMP TABLE IF NOT EXISTS staged_unique ON COMMIT DROP AS SELECT * FROM staged_findings WITH NO DATA`);
  await q.query('TRUNCATE staged_unique');
  await q.query(`INSERT INTO staged_unique SELECT DISTINCT ON (fingerprint) * FROM staged_findings ORDER BY fingerprint, ord`);
  const [dup] = await q.query<{ total: number; unique: number }>(
    `SELECT (SELECT count(*)::int FROM staged_findings) AS total, (SELECT count(*)::int FROM staged_unique) AS unique`);

  // Present again: still present, or regressed when it had been fixed or verified.
  await q.query(
    `WITH x AS (
       SELECT f.id, f.status AS old_status, s.* FROM findings f JOIN staged_unique s ON s.fingerprint = f.fingerprint
        WHERE ${IDENTITY}),
     upd AS (
       UPDATE findings f SET
         title = x.title, severity = x.severity, rule_id = x.rule_id, target = x.target, location = x.location,
         description = x.description, mitigation = x.mitigation, categories = ARRAY(SELECT jsonb_array_elements_text(x.categories::jsonb)),
         counts = x.counts::jsonb, evidence = x.evidence::jsonb, last_seen_at = $4, last_run_id = $5, clean_runs = 0,
         status = 'open',
         regressed = f.regressed OR x.old_status <> 'open',
         regression_count = f.regression_count + CASE WHEN x.old_status <> 'open' THEN 1 ELSE 0 END,
         status_changed_at = CASE WHEN x.old_status <> 'open' THEN $4 ELSE f.status_changed_at END
       FROM x WHERE f.id = x.id
       RETURNING f.id, x.old_status)
     INSERT INTO run_findings (run_id, finding_id, outcome)
     SELECT $5, id, CASE WHEN old_status = 'open' THEN 'still_present' ELSE 'regressed' END FROM upd`,
    [...base, s.at, s.runId]);

  // New.
  await q.query(
    `WITH ins AS (
       INSERT INTO findings (org_id, zone_id, format, fingerprint, target, title, severity, rule_id, location, description,
                             mitigation, categories, counts, evidence, first_seen_at, last_seen_at, first_run_id, last_run_id,
                             introduced_in, status_changed_at)
       SELECT $1, $2, $3, s.fingerprint, s.target, s.title, s.severity, s.rule_id, s.location, s.description, s.mitigation,
              ARRAY(SELECT jsonb_array_elements_text(s.categories::jsonb)), s.counts::jsonb, s.evidence::jsonb,
              $4, $4, $5, $5, $6, $4
         FROM staged_unique s
        WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE ${IDENTITY} AND f.fingerprint = s.fingerprint)
       RETURNING id)
     INSERT INTO run_findings (run_id, finding_id, outcome) SELECT $5, id, 'new' FROM ins`,
    [...base, s.at, s.runId, s.introducedIn]);

  // Absent from this run: not reproduced; verified after N clean runs in a row.
  await q.query(
    `WITH upd AS (
       UPDATE findings f SET
         clean_runs = f.clean_runs + 1,
         status = CASE WHEN f.clean_runs + 1 >= $6 THEN 'verified' ELSE 'fixed_unverified' END,
         status_changed_at = CASE WHEN f.status = 'open' OR f.clean_runs + 1 >= $6 THEN $4 ELSE f.status_changed_at END
       WHERE ${IDENTITY} AND f.status IN ('open', 'fixed_unverified')
         AND f.last_run_id IS DISTINCT FROM $5 AND ($7::text IS NULL OR f.target IS NOT DISTINCT FROM $7)
       RETURNING f.id, f.status)
     INSERT INTO run_findings (run_id, finding_id, outcome)
     SELECT $5, id, CASE WHEN status = 'verified' THEN 'verified' ELSE 'not_reproduced' END FROM upd`,
    [...base, s.at, s.runId, s.verifyAfterCleanRuns, s.target]);

  const rows = await q.query<{ outcome: keyof RunCounts; n: number }>(
    'SELECT outcome, count(*)::int AS n FROM run_findings WHERE run_id = $1 GROUP BY outcome', [s.runId]);
  const counts: RunCounts = {
    findings: dup!.unique, new: 0, still_present: 0, not_reproduced: 0, regressed: 0, verified: 0,
    duplicates: dup!.total - dup!.unique,
  };
  for (const r of rows) counts[r.outcome] = r.n;
  return counts;
}
