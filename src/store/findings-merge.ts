/**
 * The verification loop, set-based: a run's findings are staged in a temporary table (each
 * fingerprint once: the first in the file wins, the rest count as duplicates), routed to zones
 * by the routing rules when the run has no zone, then a few statements classify every finding
 * of the run's scope at once — new, still present, regressed (was fixed or verified, present
 * again), not reproduced (was open or awaiting verification, absent now) and verified (absent
 * for N clean runs) — and record each outcome in run_findings. A regressed finding goes into
 * its zone owner's queue.
 *
 * The scope of a run: with a zone, the findings of that zone from the same tool format; without
 * one, the findings earlier zone-less runs of that format took (`routed`). When the run names
 * its target, only findings of that target are judged absent.
 *
 * Re-imports are cheap where it matters: the content hashes the scope already holds are read
 * first (knownHashes), a finding whose content is unchanged is staged as its fingerprint and
 * hash only, and a still-present, unchanged, open finding writes nothing but its run_findings
 * row. Last seen is read from run_findings (see findings.ts).
 */
import { createHash } from 'node:crypto';
import type { NormalizedFinding } from '../domain/findings.ts';
import type { Queryable } from './db.ts';
import type { RunCounts } from './runs.ts';

export interface MergeScope {
  orgId: string;
  /** The run's zone; null when its findings are routed by rules (or left unrouted). */
  zoneId: string | null;
  format: string;
  target: string | null;
  runId: string;
  at: string;
  introducedIn: string | null;
  introducedOn: string | null;
  verifyAfterCleanRuns: number;
}

const STAGE_BATCH = 2000;
const NO_ZONE = `'00000000-0000-0000-0000-000000000000'::uuid`;
const COLUMNS = 16;

export async function createStage(q: Queryable): Promise<void> {
  await q.query(`CREATE TEMP TABLE IF NOT EXISTS staged_findings (
    fingerprint text PRIMARY KEY, zone_id uuid, content_hash text, title text, severity text, rule_id text, target text,
    location text, description text, mitigation text, categories text, counts text, evidence text,
    finding_id uuid, old_status text, same boolean) ON COMMIT DROP`);
  await q.query('TRUNCATE staged_findings');
}

/** What the scope already holds of a finding: its id, content hash and status. */
export interface KnownFinding { id: string; hash: string; status: string }

/**
 * Serializes imports into one scope (two at once would each judge the other's findings absent)
 * and reads what the scope holds, by fingerprint, so staging can match findings without a join
 * over the findings table. Zone-less runs route per finding: they match in SQL (matchStage).
 */
export async function lockScope(
  q: Queryable, s: { orgId: string; zoneId: string | null; format: string },
): Promise<Map<string, KnownFinding>> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`keel-import:${s.orgId}:${s.zoneId ?? 'routed'}:${s.format}`]);
  const known = new Map<string, KnownFinding>();
  if (s.zoneId === null) return known;
  const rows = await q.query<{ fingerprint: string; id: string; content_hash: string; status: string }>(
    'SELECT fingerprint, id, content_hash, status FROM findings WHERE org_id = $1 AND zone_id = $2 AND format = $3',
    [s.orgId, s.zoneId, s.format]);
  for (const r of rows) known.set(r.fingerprint, { id: r.id, hash: r.content_hash, status: r.status });
  return known;
}

/** The hash a finding's content is compared by: everything the tool says of it. */
function contentOf(f: NormalizedFinding) {
  const categories = JSON.stringify(f.categories);
  const counts = f.counts ? JSON.stringify(f.counts) : null;
  const evidence = JSON.stringify(f.evidence);
  const hash = createHash('sha1').update(JSON.stringify([f.title, f.severity, f.ruleId, f.target, f.location,
    f.description, f.mitigation, categories, counts, evidence])).digest('base64');
  return { hash, categories, counts, evidence };
}

/**
 * Buffers findings and writes them to the stage in batches (one statement per batch). A
 * fingerprint already staged is skipped and counted as a duplicate. A finding whose content the
 * scope already holds (same hash) is staged without its content.
 */
export function stageWriter(q: Queryable, zoneId: string | null, known: ReadonlyMap<string, KnownFinding> = new Map()) {
  let buffer: NormalizedFinding[] = [];
  let added = 0;
  let staged = 0;
  async function flush(): Promise<void> {
    if (buffer.length === 0) return;
    const cols: unknown[][] = Array.from({ length: COLUMNS - 1 }, () => []);
    for (const f of buffer) {
      const c = contentOf(f);
      const k = known.get(f.fingerprint);
      const same = k ? k.hash === c.hash : null;
      const values = same
        ? [f.fingerprint, c.hash, null, null, null, null, null, null, null, null, null, null, k!.id, k!.status, true]
        : [f.fingerprint, c.hash, f.title, f.severity, f.ruleId, f.target, f.location, f.description, f.mitigation,
          c.categories, c.counts, c.evidence, k?.id ?? null, k?.status ?? null, same];
      values.forEach((v, i) => cols[i]!.push(v));
    }
    buffer = [];
    const rows = await q.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO staged_findings
         SELECT u.fp, $16::uuid, u.h, u.t, u.sev, u.r, u.tg, u.l, u.d, u.m, u.c, u.n, u.e, u.id, u.st, u.same
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[], $14::text[], $15::boolean[])
                AS u(fp, h, t, sev, r, tg, l, d, m, c, n, e, id, st, same)
         ON CONFLICT (fingerprint) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`, [...cols, zoneId]);
    staged += rows[0]!.n;
  }
  return {
    async add(f: NormalizedFinding) {
      buffer.push(f);
      added += 1;
      if (buffer.length >= STAGE_BATCH) await flush();
    },
    flush,
    /** Findings added, and how many were kept (the rest repeated a fingerprint). */
    totals: () => ({ added, staged }),
  };
}

/** Sends each staged finding to the zone of the first routing rule that matches it (or none). */
export async function routeStage(q: Queryable, orgId: string, format: string): Promise<void> {
  await q.query(
    `UPDATE staged_findings s SET zone_id = (
       SELECT r.zone_id FROM routing_rules r
        WHERE r.org_id = $1 AND (r.format IS NULL OR r.format = $2)
          AND (CASE r.field WHEN 'target' THEN s.target WHEN 'rule' THEN s.rule_id ELSE s.location END) ~* r.regex
        ORDER BY r.position LIMIT 1)
     WHERE EXISTS (SELECT 1 FROM routing_rules r WHERE r.org_id = $1)`, [orgId, format]);
}

/**
 * Matches the staged findings of a zone-less run (routed above) with the findings they already
 * are, in one join. Runs into a zone were matched while staging (lockScope).
 */
export async function matchStage(q: Queryable, orgId: string, format: string): Promise<void> {
  await q.query(
    `UPDATE staged_findings s SET finding_id = f.id, old_status = f.status, same = (f.content_hash = s.content_hash)
       FROM findings f
      WHERE f.org_id = $1 AND f.format = $2 AND f.fingerprint = s.fingerprint
        AND coalesce(f.zone_id, ${NO_ZONE}) = coalesce(s.zone_id, ${NO_ZONE})`, [orgId, format]);
}

const CONTENT = ['title', 'severity', 'rule_id', 'target', 'location', 'description', 'mitigation'] as const;

export async function mergeStage(q: Queryable, s: MergeScope, totals: { added: number; staged: number }): Promise<RunCounts> {
  // Still present, unchanged and open: nothing to write but the outcome.
  await q.query(
    `INSERT INTO run_findings (run_id, finding_id, outcome)
     SELECT $1, s.finding_id, 'still_present' FROM staged_findings s WHERE s.same AND s.old_status = 'open'`, [s.runId]);

  // Present again and changed, or back after a fix: regressed when it had been fixed or verified.
  // Content is staged whenever it differs from what the scope held (see stageWriter).
  const changed = 'NOT x.same';
  await q.query(
    `WITH x AS (SELECT * FROM staged_findings s WHERE s.finding_id IS NOT NULL AND NOT (s.same AND s.old_status = 'open')),
     upd AS (
       UPDATE findings f SET
         ${CONTENT.map((c) => `${c} = CASE WHEN ${changed} THEN x.${c} ELSE f.${c} END`).join(', ')},
         categories = CASE WHEN ${changed} THEN ARRAY(SELECT jsonb_array_elements_text(x.categories::jsonb)) ELSE f.categories END,
         counts = CASE WHEN ${changed} THEN x.counts::jsonb ELSE f.counts END,
         evidence = CASE WHEN ${changed} THEN x.evidence::jsonb ELSE f.evidence END,
         content_hash = x.content_hash,
         clean_runs = 0, status = 'open',
         regressed = f.regressed OR f.status <> 'open',
         regression_count = f.regression_count + CASE WHEN f.status <> 'open' THEN 1 ELSE 0 END,
         status_changed_at = CASE WHEN f.status <> 'open' THEN $1 ELSE f.status_changed_at END
       FROM x WHERE f.id = x.finding_id
       RETURNING f.id, x.old_status)
     INSERT INTO run_findings (run_id, finding_id, outcome)
     SELECT $2, id, CASE WHEN old_status = 'open' THEN 'still_present' ELSE 'regressed' END FROM upd`,
    [s.at, s.runId]);

  // New.
  await q.query(
    `WITH ins AS (
       INSERT INTO findings (org_id, zone_id, format, fingerprint, content_hash, target, title, severity, rule_id, location,
                             description, mitigation, categories, counts, evidence, first_seen_at, first_run_id,
                             introduced_in, introduced_on, status_changed_at, routed)
       SELECT $1, s.zone_id, $2, s.fingerprint, s.content_hash, s.target, s.title, s.severity, s.rule_id, s.location,
              s.description, s.mitigation, ARRAY(SELECT jsonb_array_elements_text(s.categories::jsonb)), s.counts::jsonb,
              s.evidence::jsonb, $3, $4, $5, $6::date, $3, $7
         FROM staged_findings s
        WHERE s.finding_id IS NULL
       RETURNING id)
     INSERT INTO run_findings (run_id, finding_id, outcome) SELECT $4, id, 'new' FROM ins`,
    [s.orgId, s.format, s.at, s.runId, s.introducedIn, s.introducedOn, s.zoneId === null]);

  // Absent from this run: not reproduced; verified after N clean runs in a row.
  const inScope = s.zoneId === null ? 'f.routed' : 'f.zone_id = $7';
  await q.query(
    `WITH upd AS (
       UPDATE findings f SET
         clean_runs = f.clean_runs + 1,
         status = CASE WHEN f.clean_runs + 1 >= $5 THEN 'verified' ELSE 'fixed_unverified' END,
         status_changed_at = CASE WHEN f.status = 'open' OR f.clean_runs + 1 >= $5 THEN $3 ELSE f.status_changed_at END
       WHERE f.org_id = $1 AND f.format = $2 AND ${inScope} AND f.status IN ('open', 'fixed_unverified')
         AND ($6::text IS NULL OR f.target IS NOT DISTINCT FROM $6)
         AND f.first_run_id IS DISTINCT FROM $4 AND NOT EXISTS (SELECT 1 FROM staged_findings s WHERE s.finding_id = f.id)
       RETURNING f.id, f.status)
     INSERT INTO run_findings (run_id, finding_id, outcome)
     SELECT $4, id, CASE WHEN status = 'verified' THEN 'verified' ELSE 'not_reproduced' END FROM upd`,
    [s.orgId, s.format, s.at, s.runId, s.verifyAfterCleanRuns, s.target, ...(s.zoneId === null ? [] : [s.zoneId])]);

  // A regression goes into the queue of the zone's owner.
  await q.query(
    `INSERT INTO queue_items (org_id, user_id, kind, finding_id, run_id, created_at)
     SELECT $1, z.owner_id, 'finding.regressed', rf.finding_id, $2, $3
       FROM run_findings rf JOIN findings f ON f.id = rf.finding_id JOIN zones z ON z.id = f.zone_id
      WHERE rf.run_id = $2 AND rf.outcome = 'regressed'`, [s.orgId, s.runId, s.at]);

  const rows = await q.query<{ outcome: keyof RunCounts; n: number }>(
    'SELECT outcome, count(*)::int AS n FROM run_findings WHERE run_id = $1 GROUP BY outcome', [s.runId]);
  const counts: RunCounts = {
    findings: totals.staged, new: 0, still_present: 0, not_reproduced: 0, regressed: 0, verified: 0,
    duplicates: totals.added - totals.staged,
  };
  for (const r of rows) counts[r.outcome] = r.n;
  return counts;
}
