/**
 * Findings: the filtered list, one finding with its run history, findings typed in by hand,
 * the hypothesis fields, and routing an unrouted finding to a zone. Tool findings are written
 * by findings-merge.ts.
 */
import type { Evidence } from '../domain/findings.ts';
import type { Severity } from '../domain/severity.ts';
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';
import { RULE_TEXT_COLUMNS, RULE_TEXT_JOIN } from './rule-texts.ts';
import type { Outcome, ZoneRef } from './runs.ts';

export type FindingStatus = 'open' | 'fixed_unverified' | 'verified';
export type FindingSource = 'import' | 'manual' | 'exercise';

export interface FindingSummaryRecord {
  id: string;
  zone: ZoneRef | null;
  format: string;
  source: FindingSource;
  title: string;
  severity: Severity;
  ruleId: string;
  target: string | null;
  location: string | null;
  categories: string[];
  counts: { failed: number; total: number } | null;
  status: FindingStatus;
  regressed: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface FindingRecord extends FindingSummaryRecord {
  fingerprint: string;
  description: string;
  mitigation: string | null;
  evidence: Evidence[];
  regressionCount: number;
  cleanRuns: number;
  statusChangedAt: string;
  introducedIn: string | null;
  introducedOn: string | null;
  exercise: { id: string; name: string } | null;
  createdBy: string | null;
  userScenario: string | null;
  threatModel: string | null;
  systemBoundary: string | null;
  triage: FindingTriage;
}

/** The triage decision on a finding and what it links to. */
export interface FindingTriage {
  state: 'untriaged' | 'remediate' | 'duplicate' | 'false_positive' | 'accepted_risk';
  reason: string | null;
  at: string | null;
  by: string | null;
  duplicateOf: string | null;
  remediation: { id: string; key: string; title: string; status: string } | null;
  riskAcceptanceId: string | null;
}

export interface FindingFilter {
  zoneId?: string | undefined;
  severity?: Severity[] | undefined;
  status?: FindingStatus[] | undefined;
  format?: string | undefined;
  category?: string | undefined;
  text?: string | undefined;
  regressed?: boolean | undefined;
  unrouted?: boolean | undefined;
  exerciseId?: string | undefined;
}

export type FindingSort = 'severity' | '-severity' | 'lastSeen' | '-lastSeen' | 'firstSeen' | '-firstSeen' | 'title' | '-title';

interface Row {
  id: string; zone_id: string | null; zone_key: string | null; zone_name: string | null; format: string; source: FindingSource;
  title: string; severity: Severity; rule_id: string; target: string | null; location: string | null; categories: string[];
  counts: { failed: number; total: number } | null; status: FindingStatus; regressed: boolean;
  first_seen_at: Date; last_seen_at: Date; total?: number;
}

interface DetailRow extends Row {
  fingerprint: string; description: string; mitigation: string | null; evidence: Evidence[]; regression_count: number;
  clean_runs: number; status_changed_at: Date; introduced_in: string | null; introduced_on: Date | string | null;
  exercise_id: string | null; exercise_name: string | null; created_by: string | null;
  user_scenario: string | null; threat_model: string | null; system_boundary: string | null;
  triage: FindingTriage['state']; triage_reason: string | null; triaged_at: Date | null; triaged_by: string | null;
  duplicate_of: string | null; remediation_id: string | null; rem_number: number | null; rem_title: string | null;
  rem_status: string | null; risk_acceptance_id: string | null;
}

/** The row of SUMMARY_COLUMNS (triage.ts reads the same columns). */
export type FindingSummaryRow = Row;

export const toSummary = (r: Row): FindingSummaryRecord => ({
  id: r.id, zone: r.zone_id ? { id: r.zone_id, key: r.zone_key!, name: r.zone_name! } : null, format: r.format,
  source: r.source, title: r.title, severity: r.severity, ruleId: r.rule_id, target: r.target, location: r.location,
  categories: r.categories, counts: r.counts, status: r.status, regressed: r.regressed,
  firstSeenAt: iso(r.first_seen_at), lastSeenAt: iso(r.last_seen_at),
});

/** A `date` column as YYYY-MM-DD: node-postgres gives a local-midnight Date, PGlite a UTC one or text. */
function dateOnly(v: Date | string | null): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v.slice(0, 10);
  const local = new Date(v.getTime() - v.getTimezoneOffset() * 60_000);
  return (v.getUTCHours() === 0 ? v : local).toISOString().slice(0, 10);
}

const toFinding = (r: DetailRow): FindingRecord => ({
  ...toSummary(r), fingerprint: r.fingerprint, description: r.description, mitigation: r.mitigation, evidence: r.evidence,
  regressionCount: r.regression_count, cleanRuns: r.clean_runs, statusChangedAt: iso(r.status_changed_at),
  introducedIn: r.introduced_in, introducedOn: dateOnly(r.introduced_on),
  exercise: r.exercise_id ? { id: r.exercise_id, name: r.exercise_name! } : null, createdBy: r.created_by,
  userScenario: r.user_scenario, threatModel: r.threat_model, systemBoundary: r.system_boundary,
  triage: {
    state: r.triage, reason: r.triage_reason, at: r.triaged_at ? iso(r.triaged_at) : null, by: r.triaged_by, duplicateOf: r.duplicate_of,
    remediation: r.remediation_id ? { id: r.remediation_id, key: `REM-${r.rem_number!}`, title: r.rem_title!, status: r.rem_status! } : null,
    riskAcceptanceId: r.risk_acceptance_id,
  },
});

/**
 * When a finding was last present: its newest run that found it still present or regressed,
 * else when it was first seen (by the run that found it new, or typed in). Read, not stored: a re-import writes no findings row
 * for a finding still present and unchanged (see findings-merge.ts).
 */
const LAST_SEEN = `coalesce((SELECT max(r.imported_at) FROM run_findings rf JOIN runs r ON r.id = rf.run_id
  WHERE rf.finding_id = f.id AND rf.outcome IN ('still_present', 'regressed')), f.first_seen_at)`;

export const SUMMARY_COLUMNS = `f.id, f.zone_id, z.key AS zone_key, z.name AS zone_name, f.format, f.source, f.title, f.severity,
  f.rule_id, f.target, f.location, f.categories, f.counts, f.status, f.regressed, f.first_seen_at, ${LAST_SEEN} AS last_seen_at`;

const SEVERITY_RANK = `array_position(ARRAY['critical','high','medium','low','info'], f.severity)`;

// Sorting by last seen reads it for every matching finding: the other orders use indexed columns.
const ORDER: Record<FindingSort, string> = {
  severity: `${SEVERITY_RANK} DESC, f.first_seen_at`,
  '-severity': `${SEVERITY_RANK}, f.first_seen_at DESC`,
  lastSeen: LAST_SEEN,
  '-lastSeen': `${LAST_SEEN} DESC`,
  firstSeen: 'f.first_seen_at',
  '-firstSeen': 'f.first_seen_at DESC',
  title: 'f.title',
  '-title': 'f.title DESC',
};

/** `%`, `_` and `\` in a search text are literal. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listFindings(
  q: Queryable, orgId: string, filter: FindingFilter, sort: FindingSort, limit: number, offset: number,
): Promise<{ items: FindingSummaryRecord[]; total: number }> {
  const params: unknown[] = [orgId];
  const where = ['f.org_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.zoneId) add((p) => `f.zone_id = ${p}`, filter.zoneId);
  if (filter.unrouted) where.push('f.zone_id IS NULL');
  if (filter.severity?.length) add((p) => `f.severity = ANY(${p}::text[])`, filter.severity);
  if (filter.status?.length) add((p) => `f.status = ANY(${p}::text[])`, filter.status);
  if (filter.format) add((p) => `f.format = ${p}`, filter.format);
  if (filter.category) add((p) => `${p} = ANY(f.categories)`, filter.category);
  if (filter.regressed !== undefined) add((p) => `f.regressed = ${p}`, filter.regressed);
  if (filter.exerciseId) add((p) => `f.exercise_id = ${p}`, filter.exerciseId);
  if (filter.text?.trim()) {
    add((p) => `(f.title ILIKE ${p} OR f.description ILIKE ${p} OR f.rule_id ILIKE ${p} OR f.target ILIKE ${p} OR f.location ILIKE ${p})`,
      likePattern(filter.text.trim()));
  }
  params.push(limit, offset);
  // The page is chosen first, then only its rows are read whole (last seen included).
  const rows = await q.query<Row>(
    `WITH page AS (
       SELECT f.id, count(*) OVER ()::int AS total, row_number() OVER (ORDER BY ${ORDER[sort]}, f.id) AS n
         FROM findings f WHERE ${where.join(' AND ')}
        ORDER BY ${ORDER[sort]}, f.id
        LIMIT $${params.length - 1} OFFSET $${params.length})
     SELECT ${SUMMARY_COLUMNS}, page.total
       FROM page JOIN findings f ON f.id = page.id LEFT JOIN zones z ON z.id = f.zone_id
      ORDER BY page.n`, params);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    const [c] = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings f WHERE ${where.join(' AND ')}`, params.slice(0, -2));
    total = c!.n;
  }
  return { items: rows.map(toSummary), total };
}

export async function findFinding(q: Queryable, orgId: string, id: string, forUpdate = false): Promise<FindingRecord | null> {
  const [row] = await q.query<DetailRow>(
    `SELECT ${SUMMARY_COLUMNS}, f.fingerprint, ${RULE_TEXT_COLUMNS.description} AS description, ${RULE_TEXT_COLUMNS.mitigation} AS mitigation,
            f.evidence, f.regression_count, f.clean_runs,
            f.status_changed_at, f.introduced_in, f.introduced_on, f.exercise_id, e.name AS exercise_name, f.created_by,
            f.user_scenario, f.threat_model, f.system_boundary, f.triage, f.triage_reason, f.triaged_at, f.triaged_by,
            f.duplicate_of, f.remediation_id, m.number AS rem_number, m.title AS rem_title, m.status AS rem_status, f.risk_acceptance_id
       FROM findings f LEFT JOIN zones z ON z.id = f.zone_id LEFT JOIN exercises e ON e.id = f.exercise_id
       LEFT JOIN remediations m ON m.id = f.remediation_id ${RULE_TEXT_JOIN}
      WHERE f.org_id = $1 AND f.id = $2${forUpdate ? ' FOR UPDATE OF f' : ''}`, [orgId, id]);
  return row ? toFinding(row) : null;
}

export interface FindingHistoryRecord {
  runId: string; fileName: string; tool: string; importedAt: string; actor: string; outcome: Outcome;
}

/** The runs that saw or missed a finding, newest first. */
export async function findingHistory(q: Queryable, findingId: string, limit = 200): Promise<FindingHistoryRecord[]> {
  const rows = await q.query<{ run_id: string; file_name: string; tool: string; imported_at: Date; actor: string; outcome: Outcome }>(
    `SELECT r.id AS run_id, r.file_name, r.tool, r.imported_at, r.actor, rf.outcome
       FROM run_findings rf JOIN runs r ON r.id = rf.run_id
      WHERE rf.finding_id = $1
     UNION ALL
     -- The run that first saw it (new: no run_findings row, see findings-merge.ts).
     SELECT r.id, r.file_name, r.tool, r.imported_at, r.actor, 'new'
       FROM findings f JOIN runs r ON r.id = f.first_run_id AND r.imported_at = f.first_seen_at
      WHERE f.id = $1
     ORDER BY imported_at DESC, run_id LIMIT $2`, [findingId, limit]);
  return rows.map((r) => ({
    runId: r.run_id, fileName: r.file_name, tool: r.tool, importedAt: iso(r.imported_at), actor: r.actor, outcome: r.outcome,
  }));
}

export interface ManualFindingWrite {
  zoneId: string | null;
  source: 'manual' | 'exercise';
  exerciseId: string | null;
  fingerprint: string;
  title: string;
  severity: Severity;
  ruleId: string;
  target: string | null;
  location: string | null;
  description: string;
  mitigation: string | null;
  categories: string[];
  evidence: Evidence[];
  userScenario: string | null;
  threatModel: string | null;
  systemBoundary: string | null;
  introducedIn: string | null;
  introducedOn: string | null;
  createdBy: string;
  at: string;
}

export async function insertManualFinding(q: Queryable, orgId: string, f: ManualFindingWrite): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO findings (org_id, zone_id, format, fingerprint, source, exercise_id, title, severity, rule_id, target,
                           location, description, mitigation, categories, evidence, user_scenario, threat_model,
                           system_boundary, introduced_in, introduced_on, created_by, first_seen_at, status_changed_at)
     VALUES ($1, $2, 'manual', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], $14::jsonb, $15, $16, $17, $18,
             $19::date, $20, $21, $21)
     RETURNING id`,
    [orgId, f.zoneId, f.fingerprint, f.source, f.exerciseId, f.title, f.severity, f.ruleId, f.target, f.location,
      f.description, f.mitigation, f.categories, JSON.stringify(f.evidence), f.userScenario, f.threatModel,
      f.systemBoundary, f.introducedIn, f.introducedOn, f.createdBy, f.at]);
  return row!.id;
}

export interface HypothesisWrite {
  userScenario: string | null;
  threatModel: string | null;
  systemBoundary: string | null;
  introducedIn: string | null;
  introducedOn: string | null;
}

export async function updateHypothesis(q: Queryable, orgId: string, id: string, h: HypothesisWrite): Promise<void> {
  await q.query(
    `UPDATE findings SET user_scenario = $3, threat_model = $4, system_boundary = $5, introduced_in = $6, introduced_on = $7::date
      WHERE org_id = $1 AND id = $2`,
    [orgId, id, h.userScenario, h.threatModel, h.systemBoundary, h.introducedIn, h.introducedOn]);
}

/** The finding that already holds this identity in the zone, if any (routing would collide with it). */
export async function findSameInZone(
  q: Queryable, orgId: string, zoneId: string, format: string, fingerprint: string,
): Promise<string | null> {
  const [row] = await q.query<{ id: string }>(
    `SELECT id FROM findings WHERE org_id = $1 AND zone_id = $2 AND format = $3 AND fingerprint = $4`,
    [orgId, zoneId, format, fingerprint]);
  return row?.id ?? null;
}

export async function setFindingZone(q: Queryable, orgId: string, id: string, zoneId: string): Promise<void> {
  await q.query('UPDATE findings SET zone_id = $3 WHERE org_id = $1 AND id = $2', [orgId, id, zoneId]);
}

export async function countUnrouted(q: Queryable, orgId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND zone_id IS NULL', [orgId]);
  return row!.n;
}
