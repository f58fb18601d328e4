/**
 * The verification loop, written while the file streams in. Before parsing, the findings the
 * run may meet are read once (id, content hash, status, target) under a lock on the tool
 * format, so every parsed finding is classified in memory and written in batches:
 *
 * - new: inserted, and no run_findings row: a run's new findings are those it first saw
 *   (first_run_id; runs.ts), which saves a row and two index entries per new finding (measured:
 *   ~1.5 s of server CPU in a 200k first import on PostgreSQL);
 * - still present, unchanged, open: only its run_findings row (no findings row is rewritten:
 *   measured, rewriting 200k rows cost more than the rest of a re-import together);
 * - still present but changed, or regressed (was fixed or verified, present again): updated,
 *   reopened and flagged; a regression goes into the zone owner's queue;
 * - absent at the end: not reproduced (open → fixed_unverified), verified after N clean runs.
 *
 * Scope: a run into a zone judges absence among that zone's findings of the tool format; a run
 * without a zone (each finding routed by rules, or left unrouted) among the findings earlier
 * zone-less runs of that format took (`routed`). When the run names its target, only findings
 * of that target are judged absent. Last seen is read from run_findings (see findings.ts).
 * A rule's text (a SARIF rule's description and help) is stored once, with the first batch
 * whose rows point at it (rule-texts.ts).
 */
import type { RuleText } from '../domain/findings.ts';
import { copyField, copyFields } from './copy-text.ts';
import { CONTENT_COLUMNS, decodeContent, type EncodedFinding } from './finding-content.ts';
import type { Queryable } from './db.ts';
import { saveRuleTexts } from './rule-texts.ts';
import type { RunCounts } from './runs.ts';
import { timeOrderedId } from './time-ordered-id.ts';

export interface MergeScope {
  orgId: string;
  /** The run's zone; null when each finding is routed by rules (or left unrouted). */
  zoneId: string | null;
  /** For a run without a zone: every zone a routing rule may send a finding to. */
  ruleZoneIds: string[];
  format: string;
  runId: string;
  at: string;
  introducedIn: string | null;
  introducedOn: string | null;
  verifyAfterCleanRuns: number;
}

interface Known { id: string; hash: string; status: string; target: string | null; routed: boolean; seen: boolean }

/**
 * A batch is written when it holds this many findings, or this many characters of their content
 * (long evidence): peak RSS importing a 1 GB SARIF file on PostgreSQL measured 363 MB with 1 M
 * characters, 387 MB with 2 M and 460 MB with 4 M (two batches live: one open, one written).
 */
const BATCH = 2000;
const BATCH_CHARS = 1024 * 1024;
/** While a batch is being written, the event loop gets a turn every this many findings added. */
const TURN_EVERY = 64;
/** Marks a fingerprint this run added as new: a repeat in a later batch is a duplicate, not a conflict. */
const ADDED = 'added';


/** A finding present again whose row is updated: changed, or regressed. */
interface Row { e: EncodedFinding; zoneId: string | null; known: Known }

/** The open batch: COPY text of its new findings and of its still-present findings' run_findings rows, and the rows to update. */
interface Batch {
  findings: string;
  outcomes: string;
  /**
   * Characters of the content it holds: a new finding's encoded row, or a row kept for an
   * update; none for a finding still present and unchanged.
   */
  chars: number;
  fresh: number;
  same: number;
  changed: Row[];
  regressed: Row[];
  /** Rule texts its rows point at that this run has not stored yet (rule-texts.ts). */
  texts: RuleText[];
}

const emptyBatch = (): Batch => ({ findings: '', outcomes: '', chars: 0, fresh: 0, same: 0, changed: [], regressed: [], texts: [] });
const batchSize = (b: Batch) => b.fresh + b.same + b.changed.length + b.regressed.length;

/** Column arrays of a batch, in the order the statements below unnest them (the content decoded from its COPY text). */
function columns(rows: Row[]) {
  const cols: unknown[][] = Array.from({ length: 15 }, () => []);
  for (const { e, zoneId, known } of rows) {
    const c = decodeContent(e.copyText);
    [known.id, zoneId, e.fingerprint, e.hash, c.title, c.severity, c.ruleId, c.target, c.location, c.description,
      c.mitigation, c.categories, c.counts, c.evidence, c.ruleTextId].forEach((v, i) => cols[i]!.push(v));
  }
  return cols;
}

const UNNEST = `unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
  $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
  AS u(id, zone_id, fingerprint, content_hash, title, severity, rule_id, target, location, description, mitigation, categories, counts, evidence,
       rule_text_id)`;

const CATEGORIES = 'u.categories::text[]';

/** A new finding's row: who and what, its content as findingContent encoded it, then the run's constants. */
const NEW_FINDING_COLUMNS = ['id', 'org_id', 'zone_id', 'format', 'fingerprint', 'content_hash', ...CONTENT_COLUMNS,
  'first_seen_at', 'first_run_id', 'introduced_in', 'introduced_on', 'status_changed_at', 'routed'];
const RUN_FINDING_COLUMNS = ['run_id', 'finding_id', 'outcome'];

/**
 * Opens the merge of one run: locks the tool format of the organization (two imports at once
 * would each judge the other's findings absent) and reads the findings the run may meet.
 */
export async function openMerge(q: Queryable, s: MergeScope) {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`keel-import:${s.orgId}:${s.format}`]);
  const where = s.zoneId ? 'zone_id = $3' : '(routed OR zone_id IS NULL OR zone_id = ANY($3::uuid[]))';
  /**
   * The scope as one text, a line per finding (`id zone hash status routed fingerprint`; the
   * fingerprint last, so it may hold a space), and its targets as a JSON array in the same order:
   * PGlite builds each row of a result in JavaScript, which took 2.5–3.2 s for 200k rows of
   * seven columns, against 0.6–0.7 s for these two values (PostgreSQL: 0.4–0.6 s either way).
   */
  const [scope] = await q.query<{ lines: string | null; targets: (string | null)[] | null }>(
    `SELECT string_agg(concat_ws(' ', id, coalesce(zone_id::text, '-'), content_hash, status, CASE WHEN routed THEN 't' ELSE 'f' END, fingerprint), E'\n') AS lines,
            json_agg(target) AS targets
       FROM findings WHERE org_id = $1 AND format = $2 AND ${where}`,
    [s.orgId, s.format, s.zoneId ?? s.ruleZoneIds]);
  /**
   * By zone, then fingerprint: what the scope held (Known), or ADDED by this run. Two levels, so
   * no key is built per finding (measured: building and hashing a zone|fingerprint string took
   * ~0.3 s of a 200k re-import).
   */
  const byZone = new Map<string | null, Map<string, Known | typeof ADDED>>();
  const zoneMap = (zoneId: string | null) => {
    let m = byZone.get(zoneId);
    if (!m) byZone.set(zoneId, m = new Map());
    return m;
  };
  const targets = scope?.targets ?? [];
  (scope?.lines?.split('\n') ?? []).forEach((line, i) => {
    const [id, zone, hash, status, routed] = line.split(' ', 5) as [string, string, string, string, string];
    const fingerprint = line.slice(id.length + zone.length + hash.length + status.length + routed.length + 5);
    zoneMap(zone === '-' ? null : zone).set(fingerprint, { id, hash, status, target: targets[i] ?? null, routed: routed === 't', seen: false });
  });

  const counts: RunCounts = { findings: 0, new: 0, still_present: 0, not_reproduced: 0, regressed: 0, verified: 0, duplicates: 0 };

  /**
   * Each finding is classified and encoded into the open batch as it arrives, and its parsed
   * form dropped (kept only when its row must be updated). New findings go in by COPY, with ids
   * made here, time-ordered (time-ordered-id.ts; COPY measured on PostgreSQL: ~2× the multi-row
   * INSERT … SELECT FROM unnest of the first version). No identity conflict can arise: the scope read above holds every finding of the
   * format the run may meet, under the format's lock, and `added` keeps the file's repeats out;
   * should one arise all the same, the COPY fails and the whole import with it, as any database
   * error does. A finding still present and unchanged only gets its run_findings row.
   */
  let batch = emptyBatch();
  const runColumns = copyFields([s.at, s.runId, s.introducedIn, s.introducedOn, s.at, s.zoneId === null ? 't' : 'f']);
  const formatField = copyField(s.format);

  /** Ids of the rule texts this run has queued for storing: each is written once per run. */
  const queuedTexts = new Set<string>();

  function encode(e: EncodedFinding, zoneId: string | null, k: Known | undefined): void {
    if (k && k.status === 'open' && k.hash === e.hash) {
      // Unchanged: its rule text (part of the hash) was stored with it.
      batch.outcomes += `${s.runId}\t${k.id}\tstill_present\n`;
      batch.same += 1;
      return;
    }
    if (e.ruleTextId !== null && !queuedTexts.has(e.ruleTextId)) {
      queuedTexts.add(e.ruleTextId);
      batch.texts.push(e.ruleText!);
    }
    batch.chars += e.copyText.length;
    if (k) {
      (k.status === 'open' ? batch.changed : batch.regressed).push({ e, zoneId, known: k });
      return;
    }
    const id = timeOrderedId();
    batch.findings += `${id}\t${s.orgId}\t${copyField(zoneId)}\t${formatField}\t${copyField(e.fingerprint)}\t${e.hash}\t${e.copyText}\t${runColumns}\n`;
    batch.fresh += 1;
  }

  async function write(b: Batch): Promise<void> {
    await saveRuleTexts(q, s.orgId, b.texts);
    if (b.fresh > 0) await q.copyIn('findings', NEW_FINDING_COLUMNS, b.findings);
    if (b.outcomes) await q.copyIn('run_findings', RUN_FINDING_COLUMNS, b.outcomes);
    counts.new += b.fresh;
    counts.still_present += b.same;
    await presentAgain(b.changed, 'still_present');
    await presentAgain(b.regressed, 'regressed');
  }

  /** Present again and changed, or back after a fix (regressed): content rewritten only when it changed. */
  async function presentAgain(rows: Row[], outcome: 'still_present' | 'regressed'): Promise<void> {
    if (rows.length === 0) return;
    const changed = 'u.content_hash <> f.content_hash';
    const [r] = await q.query<{ n: number }>(
      `WITH upd AS (
         UPDATE findings f SET
           ${['title', 'severity', 'rule_id', 'target', 'location', 'description', 'mitigation']
             .map((c) => `${c} = CASE WHEN ${changed} THEN u.${c} ELSE f.${c} END`).join(', ')},
           categories = CASE WHEN ${changed} THEN ${CATEGORIES} ELSE f.categories END,
           counts = CASE WHEN ${changed} THEN u.counts::jsonb ELSE f.counts END,
           evidence = CASE WHEN ${changed} THEN u.evidence::jsonb ELSE f.evidence END,
           rule_text_id = CASE WHEN ${changed} THEN u.rule_text_id ELSE f.rule_text_id END,
           content_hash = u.content_hash, clean_runs = 0, status = 'open',
           regressed = f.regressed OR f.status <> 'open',
           regression_count = f.regression_count + CASE WHEN f.status <> 'open' THEN 1 ELSE 0 END,
           status_changed_at = CASE WHEN f.status <> 'open' THEN $16 ELSE f.status_changed_at END
         FROM ${UNNEST} WHERE f.id = u.id
         RETURNING f.id),
       rf AS (INSERT INTO run_findings (run_id, finding_id, outcome) SELECT $17, id, $18 FROM upd)
       SELECT count(*)::int AS n FROM upd`,
      [...columns(rows), s.at, s.runId, outcome]);
    counts[outcome] += r!.n;
  }

  /**
   * The batch being written while the next one is parsed and encoded: on PostgreSQL the server
   * writes one batch while this process parses the next (two cores busy instead of one at a
   * time), and the next one is ready the moment the server is. At most one batch is in flight
   * and one open; its error surfaces at the next add() or at finish().
   */
  let inFlight: Promise<void> | null = null;
  /** Findings added since the event loop last had a turn (see add()). */
  let sinceTurn = 0;

  async function settle(): Promise<void> {
    const pending = inFlight;
    inFlight = null;
    if (pending) await pending;
  }

  function take(): Batch {
    const full = batch;
    batch = emptyBatch();
    return full;
  }

  async function startFlush(): Promise<void> {
    const full = take();
    await settle();
    const writing = write(full);
    // Observed at the next settle(); meanwhile no unhandled rejection.
    writing.catch(() => undefined);
    inFlight = writing;
  }

  return {
    /**
     * Waits for the batch in flight, ignoring its outcome: call it before leaving the
     * transaction on an error, so no write of this run lands after the rollback has begun.
     */
    async drain(): Promise<void> {
      const pending = inFlight;
      inFlight = null;
      await pending?.catch(() => undefined);
    },

    /** Classifies one parsed finding (into the zone the caller routed it to) and writes it with its batch. */
    async add(e: EncodedFinding, zoneId: string | null): Promise<void> {
      const inZone = zoneMap(zoneId);
      const k = inZone.get(e.fingerprint);
      if (k === ADDED || k?.seen) {
        counts.duplicates += 1;
        return;
      }
      if (k) k.seen = true;
      else inZone.set(e.fingerprint, ADDED);
      counts.findings += 1;
      encode(e, zoneId, k);
      if (batchSize(batch) >= BATCH || batch.chars >= BATCH_CHARS) await startFlush();
      else if (inFlight && ++sinceTurn >= TURN_EVERY) {
        // The caller parses in microtasks, which starve the event loop: without a turn now and
        // then, the COPY bytes in flight wait in this process's socket buffer while the server
        // waits for them (seen as ClientRead in pg_stat_activity).
        sinceTurn = 0;
        await new Promise(setImmediate);
      }
    },

    /**
     * Writes the last batch, then judges absence among the scope's findings the run did not
     * meet (only those of `target` when the run names one).
     */
    async finish(target: string | null): Promise<RunCounts> {
      await settle();
      await write(take());
      const absent: string[] = [];
      for (const inZone of byZone.values()) {
        for (const k of inZone.values()) {
          if (k === ADDED) continue;
          const inScope = s.zoneId !== null || k.routed;
          if (!k.seen && inScope && (k.status === 'open' || k.status === 'fixed_unverified') && (target === null || k.target === target)) {
            absent.push(k.id);
          }
        }
      }
      byZone.clear();
      for (let i = 0; i < absent.length; i += BATCH * 10) {
        const result = await q.query<{ outcome: 'not_reproduced' | 'verified'; n: number }>(
          `WITH upd AS (
             UPDATE findings f SET
               clean_runs = f.clean_runs + 1,
               status = CASE WHEN f.clean_runs + 1 >= $3 THEN 'verified' ELSE 'fixed_unverified' END,
               status_changed_at = CASE WHEN f.status = 'open' OR f.clean_runs + 1 >= $3 THEN $2 ELSE f.status_changed_at END
             WHERE f.id = ANY($4::uuid[])
             RETURNING f.id, CASE WHEN f.status = 'verified' THEN 'verified' ELSE 'not_reproduced' END AS outcome),
           rf AS (INSERT INTO run_findings (run_id, finding_id, outcome) SELECT $1, id, outcome FROM upd)
           SELECT outcome, count(*)::int AS n FROM upd GROUP BY outcome`,
          [s.runId, s.at, s.verifyAfterCleanRuns, absent.slice(i, i + BATCH * 10)]);
        for (const r of result) counts[r.outcome] += r.n;
      }
      return counts;
    },

    /** Puts each regression in its zone owner's queue (once the run is recorded). */
    async queueRegressions(): Promise<void> {
      if (counts.regressed === 0) return;
      await q.query(
        `INSERT INTO queue_items (org_id, user_id, kind, finding_id, run_id, remediation_id, created_at)
         SELECT $1, z.owner_id, 'finding.regressed', rf.finding_id, $2, f.remediation_id, $3
           FROM run_findings rf JOIN findings f ON f.id = rf.finding_id JOIN zones z ON z.id = f.zone_id
          WHERE rf.run_id = $2 AND rf.outcome = 'regressed'`, [s.orgId, s.runId, s.at]);
    },
  };
}
