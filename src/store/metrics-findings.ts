/**
 * Finding figures (ADR 7, "Metrics"), aggregated in SQL over the findings of a scope: time to
 * detect (first seen − introduced on), false-positive rates per tool (format) and plugin
 * (rule id), and regressions (findings a run imported in the period found regressed).
 */
import type { Queryable } from './db.ts';
import { collect, groupColumns, groupingSets, scopeFilter, type GroupRow, type Grouped, type MetricsScope } from './metrics-scope.ts';

export interface DetectFigures {
  /** Findings first seen in the period whose introduction date is known. */
  measured: number;
  ttdMeanDays: number | null;
  ttdMedianDays: number | null;
}

export interface TriageCounts {
  /** Findings triaged in the period (any decision), and of them those triaged false positive. */
  triaged: number;
  falsePositive: number;
}

export interface FalsePositiveFigures extends TriageCounts {
  byTool: ({ tool: string } & TriageCounts)[];
  byPlugin: ({ tool: string; plugin: string } & TriageCounts)[];
}

export const EMPTY_DETECT: DetectFigures = { measured: 0, ttdMeanDays: null, ttdMedianDays: null };
export const EMPTY_TRIAGE: TriageCounts = { triaged: 0, falsePositive: 0 };

/** Days from the introduction date (midnight UTC) to first seen, never negative (domain/time-to-detect.ts). */
const TTD_DAYS = `greatest(0, date_part('epoch', f.first_seen_at - (f.introduced_on::timestamp AT TIME ZONE 'UTC')) / 86400)`;

export async function detectFigures(
  q: Queryable, orgId: string, scope: MetricsScope, from: Date, to: Date,
): Promise<Grouped<DetectFigures>> {
  const params: unknown[] = [orgId, from.toISOString(), to.toISOString()];
  const where = scopeFilter(scope, 'f.zone_id', params);
  const inPeriod = `f.org_id = $1 AND f.introduced_on IS NOT NULL
        AND f.first_seen_at >= $2::timestamptz AND f.first_seen_at < $3::timestamptz AND ${where}`;
  // Sums per zone in one pass, rolled up to owners and the total; the median of the whole scope apart.
  const [rows, [median]] = await Promise.all([
    q.query<GroupRow & { n: number; mean: number | null }>(
      `WITH per_zone AS (
         SELECT f.zone_id, count(*) AS n, sum(${TTD_DAYS}) AS days FROM findings f WHERE ${inPeriod} GROUP BY f.zone_id)
       SELECT ${groupColumns('p.zone_id')}, sum(p.n)::int AS n, sum(p.days) / nullif(sum(p.n), 0) AS mean
         FROM per_zone p LEFT JOIN zones z ON z.id = p.zone_id
        GROUP BY ${groupingSets('p.zone_id')}`, params, `metrics_detect_${scope.kind}`),
    q.query<{ median: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${TTD_DAYS}) AS median FROM findings f WHERE ${inPeriod}`,
      params, `metrics_detect_median_${scope.kind}`),
  ]);
  const grouped = collect(rows, (r) => ({ measured: Number(r.n), ttdMeanDays: r.mean, ttdMedianDays: null }), EMPTY_DETECT);
  // Per zone and owner rows carry the mean only: a median per group would sort every value again.
  grouped.total = { ...grouped.total, ttdMedianDays: median?.median ?? null };
  return grouped;
}

/** Triage outcomes of the period: per zone and owner (counts), and per tool and plugin for the scope. */
export async function falsePositiveFigures(
  q: Queryable, orgId: string, scope: MetricsScope, from: Date, to: Date,
): Promise<{ grouped: Grouped<TriageCounts>; figures: FalsePositiveFigures }> {
  const params: unknown[] = [orgId, from.toISOString(), to.toISOString()];
  const where = scopeFilter(scope, 'f.zone_id', params);
  const inPeriod = `f.org_id = $1 AND f.triaged_at >= $2::timestamptz AND f.triaged_at < $3::timestamptz
        AND f.triage <> 'untriaged' AND ${where}`;
  const [zoneRows, toolRows] = await Promise.all([
    q.query<GroupRow & { n: number; fp: number }>(
      `WITH per_zone AS (
         SELECT f.zone_id, count(*) AS n, count(*) FILTER (WHERE f.triage = 'false_positive') AS fp
           FROM findings f WHERE ${inPeriod} GROUP BY f.zone_id)
       SELECT ${groupColumns('p.zone_id')}, sum(p.n)::int AS n, sum(p.fp)::int AS fp
         FROM per_zone p LEFT JOIN zones z ON z.id = p.zone_id
        GROUP BY ${groupingSets('p.zone_id')}`, params, `metrics_false_positive_${scope.kind}`),
    q.query<{ g_rule: number; format: string; rule_id: string | null; n: number; fp: number }>(
      `SELECT GROUPING(f.rule_id) AS g_rule, f.format, f.rule_id,
              count(*)::int AS n, count(*) FILTER (WHERE f.triage = 'false_positive')::int AS fp
         FROM findings f WHERE ${inPeriod}
        GROUP BY GROUPING SETS ((f.format), (f.format, f.rule_id))`, params, `metrics_false_positive_tools_${scope.kind}`),
  ]);
  const counts = (r: { n: number; fp: number }): TriageCounts => ({ triaged: Number(r.n), falsePositive: Number(r.fp) });
  const byTool: FalsePositiveFigures['byTool'] = [];
  const byPlugin: FalsePositiveFigures['byPlugin'] = [];
  for (const r of toolRows) {
    if (Number(r.g_rule) === 0) byPlugin.push({ tool: r.format, plugin: r.rule_id!, ...counts(r) });
    else byTool.push({ tool: r.format, ...counts(r) });
  }
  const grouped = collect(zoneRows, counts, EMPTY_TRIAGE);
  const order = (a: TriageCounts & { tool: string }, b: TriageCounts & { tool: string }) =>
    b.falsePositive - a.falsePositive || b.triaged - a.triaged || a.tool.localeCompare(b.tool);
  byTool.sort(order);
  byPlugin.sort((a, b) => order(a, b) || a.plugin.localeCompare(b.plugin));
  return { grouped, figures: { ...grouped.total, byTool, byPlugin } };
}

/** Distinct findings that a run imported in the period found regressed. */
export async function regressionCounts(
  q: Queryable, orgId: string, scope: MetricsScope, from: Date, to: Date,
): Promise<Grouped<number>> {
  const params: unknown[] = [orgId, from.toISOString(), to.toISOString()];
  const where = scopeFilter(scope, 'f.zone_id', params);
  // A finding is in one zone: distinct findings per zone add up to the owner's and the total.
  const rows = await q.query<GroupRow & { n: number }>(
    `WITH per_zone AS (
       SELECT f.zone_id, count(DISTINCT f.id) AS n
         FROM runs r
         JOIN run_findings rf ON rf.run_id = r.id AND rf.outcome = 'regressed'
         JOIN findings f ON f.id = rf.finding_id
        WHERE r.org_id = $1 AND r.imported_at >= $2::timestamptz AND r.imported_at < $3::timestamptz
          AND f.org_id = $1 AND ${where}
        GROUP BY f.zone_id)
     SELECT ${groupColumns('p.zone_id')}, sum(p.n)::int AS n
       FROM per_zone p LEFT JOIN zones z ON z.id = p.zone_id
      GROUP BY ${groupingSets('p.zone_id')}`, params, `metrics_regressions_${scope.kind}`);
  return collect(rows, (r) => Number(r.n), 0);
}

export interface FindingTrendRow {
  bucket: string;
  ttdMeasured: number;
  ttdMeanDays: number | null;
  ttdMedianDays: number | null;
  triaged: number;
  falsePositive: number;
  regressions: number;
}

/** Time to detect, triage outcomes and regressions per calendar week or month (UTC). */
export async function findingTrend(
  q: Queryable, orgId: string, scope: MetricsScope, from: Date, to: Date, bucket: 'week' | 'month',
): Promise<FindingTrendRow[]> {
  const params: unknown[] = [orgId, from.toISOString(), to.toISOString(), bucket];
  const where = scopeFilter(scope, 'f.zone_id', params);
  const b = (col: string) => `date_trunc($4::text, ${col} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
  const rows = await q.query<{
    bucket: Date; kind: string; n: number; fp: number; mean: number | null; median: number | null;
  }>(
    `SELECT ${b('f.first_seen_at')} AS bucket, 'detect' AS kind, count(*)::int AS n, 0 AS fp,
            avg(${TTD_DAYS}) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${TTD_DAYS}) AS median
       FROM findings f
      WHERE f.org_id = $1 AND f.introduced_on IS NOT NULL
        AND f.first_seen_at >= $2::timestamptz AND f.first_seen_at < $3::timestamptz AND ${where}
      GROUP BY 1
     UNION ALL
     SELECT ${b('f.triaged_at')}, 'triage', count(*)::int, count(*) FILTER (WHERE f.triage = 'false_positive')::int, NULL, NULL
       FROM findings f
      WHERE f.org_id = $1 AND f.triaged_at >= $2::timestamptz AND f.triaged_at < $3::timestamptz
        AND f.triage <> 'untriaged' AND ${where}
      GROUP BY 1
     UNION ALL
     SELECT ${b('r.imported_at')}, 'regressed', count(DISTINCT f.id)::int, 0, NULL, NULL
       FROM runs r
       JOIN run_findings rf ON rf.run_id = r.id AND rf.outcome = 'regressed'
       JOIN findings f ON f.id = rf.finding_id
      WHERE r.org_id = $1 AND r.imported_at >= $2::timestamptz AND r.imported_at < $3::timestamptz
        AND f.org_id = $1 AND ${where}
      GROUP BY 1`, params, `metrics_finding_trend_${scope.kind}`);
  const points = new Map<string, FindingTrendRow>();
  for (const r of rows) {
    const key = new Date(r.bucket).toISOString();
    const p = points.get(key) ?? {
      bucket: key, ttdMeasured: 0, ttdMeanDays: null, ttdMedianDays: null, triaged: 0, falsePositive: 0, regressions: 0,
    };
    if (r.kind === 'detect') Object.assign(p, { ttdMeasured: r.n, ttdMeanDays: r.mean, ttdMedianDays: r.median });
    if (r.kind === 'triage') Object.assign(p, { triaged: r.n, falsePositive: r.fp });
    if (r.kind === 'regressed') p.regressions = r.n;
    points.set(key, p);
  }
  return [...points.values()];
}
