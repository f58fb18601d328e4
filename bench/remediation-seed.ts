/**
 * Seeds the remediation benchmark's volume directly with set-based SQL (INSERT … SELECT FROM
 * generate_series): runs, findings with triage decisions, their run outcomes (some regressed)
 * and remediation items, spread over the year before `now`. The organization, its leads and
 * zones come first through the services (seed.ts). Deterministic: a hash of the row number
 * stands in for randomness, so both engines hold the same data.
 */
import type { Queryable } from '../src/store/db.ts';

export interface VolumeOptions {
  findings: number;
  remediations: number;
  runs: number;
  now: Date;
}

/** A deterministic "random" in [0, 1) from an integer expression and a salt. */
const rnd = (expr: string, salt: number) =>
  `((((${expr})::bigint * ${2654435761 + salt * 97531}) % 1000003 + ${salt * 40503}) % 1000003)::float8 / 1000003`;

const TOOLS = `ARRAY['promptfoo','garak','sarif','inspect','generic']`;

/**
 * Severity by share: critical 5 %, high 20 %, medium 40 %, low 25 %, info 10 %.
 * SLA days (tier 2 of the default table): 14, 30, 60, 180, 365.
 */
const severityOf = (r: string) => `CASE WHEN ${r} < 0.05 THEN 'critical' WHEN ${r} < 0.25 THEN 'high' WHEN ${r} < 0.65 THEN 'medium'
  WHEN ${r} < 0.9 THEN 'low' ELSE 'info' END`;

export async function seedVolume(q: Queryable, orgId: string, o: VolumeOptions): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const time = async (label: string, sql: string, params: unknown[]) => {
    const t = performance.now();
    await q.query(sql, params);
    seconds[label] = (performance.now() - t) / 1000;
  };
  const now = o.now.toISOString();
  const zones = `(SELECT array_agg(id ORDER BY key) FROM zones WHERE org_id = $1)`;

  // Runs, one zone each, evenly over the year.
  await time('runs', `
    WITH zs AS (SELECT ${zones} AS ids)
    INSERT INTO runs (org_id, zone_id, format, tool, file_name, checksum, size_bytes, actor, imported_at, counts)
    SELECT $1, zs.ids[1 + (g % cardinality(zs.ids))], (${TOOLS})[1 + g % 5], (${TOOLS})[1 + g % 5], 'bench-' || g || '.json',
           md5(g::text), 1000, 'system:bench', $2::timestamptz - (365.0 * (${rnd('g', 1)})) * interval '1 day', '{}'::jsonb
      FROM zs, generate_series(1, $3::int) g`, [orgId, now, o.runs]);

  // Findings: a zone and tool from their run, plugin one of 40 per tool, first seen over the year,
  // 30 % with a known introduction date, 60 % triaged within 10 days (10 % of all false positives).
  await time('findings', `
    WITH rs AS (SELECT array_agg(id ORDER BY id) AS ids FROM runs WHERE org_id = $1),
         rz AS (SELECT id, zone_id, format, imported_at FROM runs WHERE org_id = $1),
         src AS (
           SELECT g, rs.ids[1 + (g % cardinality(rs.ids))] AS run_id, ${rnd('g', 2)} AS r_sev, ${rnd('g', 3)} AS r_tri,
                  ${rnd('g', 4)} AS r_intro, ${rnd('g', 5)} AS r_days, ${rnd('g', 6)} AS r_status
             FROM rs, generate_series(1, $3::int) g)
    INSERT INTO findings (org_id, zone_id, format, fingerprint, title, severity, rule_id, status, regressed, regression_count,
                          first_seen_at, status_changed_at, first_run_id, introduced_in, introduced_on, triage, triage_reason,
                          triaged_at, triaged_by, content_hash)
    SELECT $1, rz.zone_id, rz.format, 'fp-' || src.g, 'Finding ' || src.g, ${severityOf('src.r_sev')},
           rz.format || ':plugin-' || (src.g % 40),
           CASE WHEN src.r_status < 0.6 THEN 'open' WHEN src.r_status < 0.8 THEN 'fixed_unverified' ELSE 'verified' END,
           src.g % 50 = 0, CASE WHEN src.g % 50 = 0 THEN 1 ELSE 0 END,
           rz.imported_at, rz.imported_at, src.run_id,
           CASE WHEN src.r_intro < 0.3 THEN to_char(rz.imported_at - (src.r_days * 60) * interval '1 day', 'YYYY-MM-DD') END,
           CASE WHEN src.r_intro < 0.3 THEN (rz.imported_at - (src.r_days * 60) * interval '1 day')::date END,
           CASE WHEN src.r_tri < 0.4 THEN 'untriaged' WHEN src.r_tri < 0.75 THEN 'remediate' WHEN src.r_tri < 0.85 THEN 'duplicate'
                WHEN src.r_tri < 0.95 THEN 'false_positive' ELSE 'accepted_risk' END,
           CASE WHEN src.r_tri >= 0.4 THEN 'bench triage' END,
           CASE WHEN src.r_tri >= 0.4 THEN least($2::timestamptz, rz.imported_at + (src.r_days * 10) * interval '1 day') END,
           CASE WHEN src.r_tri >= 0.4 THEN 'system:bench' END, ''
      FROM src JOIN rz ON rz.id = src.run_id`, [orgId, now, o.findings]);

  // Each finding's first run saw it new (first_run_id: new findings have no run_findings row);
  // every 50th came back regressed in a later run of its zone.
  await time('regressions', `
    INSERT INTO run_findings (run_id, finding_id, outcome)
    SELECT later.id, f.id, 'regressed'
      FROM findings f
      CROSS JOIN LATERAL (SELECT r.id FROM runs r WHERE r.org_id = $1 AND r.zone_id = f.zone_id AND r.imported_at > f.first_seen_at
                           ORDER BY r.imported_at LIMIT 1) later
     WHERE f.org_id = $1 AND f.regressed`, [orgId]);

  // Remediation items: created over the year, detected up to 20 days before; statuses by share
  // (planned 20 %, in progress 15 %, fixed 10 %, verified 40 %, obsolete 10 %, reopened 5 %), with
  // the timestamps their status implies, a due date from the severity's SLA, effort 1–8.
  await time('remediations', `
    WITH zs AS (SELECT ${zones} AS ids),
         src AS (
           SELECT g, zs.ids[1 + (g % cardinality(zs.ids))] AS zone_id, ${severityOf(rnd('g', 7))} AS severity,
                  $2::timestamptz - (365.0 * ${rnd('g', 8)}) * interval '1 day' AS created_at,
                  ${rnd('g', 9)} AS r_status, ${rnd('g', 10)} AS r_fix, ${rnd('g', 11)} AS r_det
             FROM zs, generate_series(1, $3::int) g),
         timed AS (
           SELECT src.*,
                  CASE src.severity WHEN 'critical' THEN 14 WHEN 'high' THEN 30 WHEN 'medium' THEN 60 WHEN 'low' THEN 180 ELSE 365 END AS sla,
                  CASE WHEN src.r_status < 0.2 THEN 'planned' WHEN src.r_status < 0.35 THEN 'in_progress' WHEN src.r_status < 0.45 THEN 'fixed'
                       WHEN src.r_status < 0.85 THEN 'verified' WHEN src.r_status < 0.95 THEN 'obsolete' ELSE 'reopened' END AS status,
                  least($2::timestamptz, src.created_at + (src.r_fix * 90) * interval '1 day') AS fixed_at
             FROM src)
    INSERT INTO remediations (org_id, number, zone_id, title, status, severity, impact, feasibility, customer_value, priority,
                              rationale, effort, sla_days, due_at, detected_at, created_by, created_at, updated_at, last_activity_at,
                              started_at, fixed_at, verified_at, closed_at)
    SELECT $1, g, zone_id, 'Remediation ' || g, status, severity, 1 + g % 5, 1 + (g / 5) % 5, 1 + (g / 25) % 5, (g % 1000) / 10.0,
           'bench rationale', 1 + g % 8, sla, created_at + sla * interval '1 day', created_at - (r_det * 20) * interval '1 day',
           'system:bench', created_at, created_at, created_at,
           CASE WHEN status <> 'planned' THEN created_at + interval '1 day' END,
           CASE WHEN status IN ('fixed', 'verified', 'reopened') THEN fixed_at END,
           CASE WHEN status = 'verified' THEN least($2::timestamptz, fixed_at + interval '3 days') END,
           CASE WHEN status = 'verified' THEN least($2::timestamptz, fixed_at + interval '3 days')
                WHEN status = 'obsolete' THEN fixed_at END
      FROM timed`, [orgId, now, o.remediations]);
  return seconds;
}
