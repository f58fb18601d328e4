/**
 * Remediation figures (ADR 7, "Metrics"), aggregated in SQL over the items of a scope: one
 * pass over `remediations` gives the period's flows (time to remediate, opened, closed, fixed
 * on time) and the backlog as of now (open by severity and age, overdue, safety debt), for the
 * total, per zone and per owner.
 */
import { AGE_BUCKET_LIMITS_DAYS, type AgeBucket } from '../domain/metrics.ts';
import type { Severity } from '../domain/severity.ts';
import type { Queryable } from './db.ts';
import { collect, groupColumns, groupingSets, scopeFilter, type GroupRow, type Grouped, type MetricsScope } from './metrics-scope.ts';
import { isOpenStatus } from './open-status-sql.ts';

export interface MetricsWindow {
  from: Date;
  to: Date;
  /** The backlog (open items, age, overdue, debt) is measured at this instant. */
  now: Date;
}

/** The debt rule's settings (the organization's policy). */
export interface DebtSettings {
  sprintDays: number;
  interestRate: number;
}

export interface RemediationFigures {
  /** Items verified in the period, with verified_at − detected_at in hours. */
  verified: number;
  ttrMeanHours: number | null;
  ttrMedianHours: number | null;
  /** Items created in the period. */
  opened: number;
  /** Items verified, or closed as obsolete, in the period. */
  closed: number;
  /** Items fixed in the period, and of them those fixed by their due date. */
  fixed: number;
  fixedOnTime: number;
  /** Open now: planned, in progress or reopened. */
  open: number;
  openBySeverity: Record<Severity, number>;
  openByAge: Record<AgeBucket, number>;
  /** Fixed, awaiting verification. */
  awaitingVerification: number;
  overdue: number;
  /** Σ effort × (1 + rate)^ceil(days overdue / sprint days) over the open items past due, each rounded to 0.01. */
  safetyDebt: number;
}

export const EMPTY_REMEDIATION_FIGURES: RemediationFigures = {
  verified: 0, ttrMeanHours: null, ttrMedianHours: null, opened: 0, closed: 0, fixed: 0, fixedOnTime: 0, open: 0,
  openBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  openByAge: { lt7d: 0, d7to30: 0, d30to90: 0, gt90d: 0 },
  awaitingVerification: 0, overdue: 0, safetyDebt: 0,
};

interface Row extends GroupRow {
  verified: number; ttr_mean: number | null; opened: number; closed: number;
  fixed: number; fixed_on_time: number; open: number; critical: number; high: number; medium: number; low: number; info: number;
  lt7d: number; d7to30: number; d30to90: number; gt90d: number; awaiting: number; overdue: number; debt: number | null;
}

const toFigures = (r: Row): RemediationFigures => ({
  verified: Number(r.verified), ttrMeanHours: r.ttr_mean, ttrMedianHours: null, opened: Number(r.opened),
  closed: Number(r.closed), fixed: Number(r.fixed), fixedOnTime: Number(r.fixed_on_time), open: Number(r.open),
  openBySeverity: { critical: Number(r.critical), high: Number(r.high), medium: Number(r.medium), low: Number(r.low), info: Number(r.info) },
  openByAge: { lt7d: Number(r.lt7d), d7to30: Number(r.d7to30), d30to90: Number(r.d30to90), gt90d: Number(r.gt90d) },
  awaitingVerification: Number(r.awaiting), overdue: Number(r.overdue), safetyDebt: Math.round(Number(r.debt ?? 0) * 100) / 100,
});

const [AGE_1, AGE_2, AGE_3] = AGE_BUCKET_LIMITS_DAYS;

/**
 * The figures of one scope, its zones and their owners. Parameters: $1 org, $2 from, $3 to,
 * $4 now, $5 sprint days, $6 interest rate. A paused item's clock stands still at its pause:
 * it is overdue, and accrues debt, only for the time it ran past due before it was paused.
 */
export async function remediationFigures(
  q: Queryable, orgId: string, scope: MetricsScope, w: MetricsWindow, debt: DebtSettings,
): Promise<Grouped<RemediationFigures>> {
  const params: unknown[] = [orgId, w.from.toISOString(), w.to.toISOString(), w.now.toISOString(), debt.sprintDays, debt.interestRate];
  const where = scopeFilter(scope, 'r.zone_id', params);
  const rows = await q.query<Row>(
    `WITH items AS (
       SELECT r.zone_id, r.severity, r.effort, r.created_at, r.due_at, r.fixed_at,
              ${isOpenStatus('r.status')} AS is_open,
              r.status = 'fixed' AS is_awaiting,
              CASE WHEN r.verified_at >= $2::timestamptz AND r.verified_at < $3::timestamptz
                   THEN date_part('epoch', r.verified_at - r.detected_at) / 3600 END AS ttr_hours,
              r.created_at >= $2::timestamptz AND r.created_at < $3::timestamptz AS in_opened,
              (r.verified_at >= $2::timestamptz AND r.verified_at < $3::timestamptz)
                OR (r.status = 'obsolete' AND r.closed_at >= $2::timestamptz AND r.closed_at < $3::timestamptz) AS in_closed,
              r.fixed_at >= $2::timestamptz AND r.fixed_at < $3::timestamptz AS in_fixed,
              date_part('epoch', least(coalesce(r.paused_at, $4::timestamptz), $4::timestamptz) - r.due_at) / 86400 AS days_over,
              date_part('epoch', $4::timestamptz - r.created_at) / 86400 AS age_days
         FROM remediations r
        WHERE r.org_id = $1 AND ${where}),
     per_zone AS (
     SELECT i.zone_id,
            count(*) FILTER (WHERE i.ttr_hours IS NOT NULL)::int AS verified,
            sum(i.ttr_hours) AS ttr_sum,
            count(*) FILTER (WHERE i.in_opened)::int AS opened,
            count(*) FILTER (WHERE i.in_closed)::int AS closed,
            count(*) FILTER (WHERE i.in_fixed)::int AS fixed,
            count(*) FILTER (WHERE i.in_fixed AND i.fixed_at <= i.due_at)::int AS fixed_on_time,
            count(*) FILTER (WHERE i.is_open)::int AS open,
            count(*) FILTER (WHERE i.is_open AND i.severity = 'critical')::int AS critical,
            count(*) FILTER (WHERE i.is_open AND i.severity = 'high')::int AS high,
            count(*) FILTER (WHERE i.is_open AND i.severity = 'medium')::int AS medium,
            count(*) FILTER (WHERE i.is_open AND i.severity = 'low')::int AS low,
            count(*) FILTER (WHERE i.is_open AND i.severity = 'info')::int AS info,
            count(*) FILTER (WHERE i.is_open AND i.age_days < ${AGE_1})::int AS lt7d,
            count(*) FILTER (WHERE i.is_open AND i.age_days >= ${AGE_1} AND i.age_days < ${AGE_2})::int AS d7to30,
            count(*) FILTER (WHERE i.is_open AND i.age_days >= ${AGE_2} AND i.age_days < ${AGE_3})::int AS d30to90,
            count(*) FILTER (WHERE i.is_open AND i.age_days >= ${AGE_3})::int AS gt90d,
            count(*) FILTER (WHERE i.is_awaiting)::int AS awaiting,
            count(*) FILTER (WHERE i.is_open AND i.days_over > 0)::int AS overdue,
            sum(floor(i.effort::float8 * power(1 + $6::float8, ceil(i.days_over / $5::int)) * 100 + 0.5) / 100)
              FILTER (WHERE i.is_open AND i.days_over > 0)::float8 AS debt
       FROM items i GROUP BY i.zone_id)
     SELECT ${groupColumns('p.zone_id')},
            sum(p.verified)::int AS verified, sum(p.ttr_sum) / nullif(sum(p.verified), 0) AS ttr_mean,
            sum(p.opened)::int AS opened,
            sum(p.closed)::int AS closed,
            sum(p.fixed)::int AS fixed,
            sum(p.fixed_on_time)::int AS fixed_on_time,
            sum(p.open)::int AS open,
            sum(p.critical)::int AS critical,
            sum(p.high)::int AS high,
            sum(p.medium)::int AS medium,
            sum(p.low)::int AS low,
            sum(p.info)::int AS info,
            sum(p.lt7d)::int AS lt7d,
            sum(p.d7to30)::int AS d7to30,
            sum(p.d30to90)::int AS d30to90,
            sum(p.gt90d)::int AS gt90d,
            sum(p.awaiting)::int AS awaiting,
            sum(p.overdue)::int AS overdue,
            sum(p.debt)::float8 AS debt
       FROM per_zone p JOIN zones z ON z.id = p.zone_id
      GROUP BY ${groupingSets('p.zone_id')}`, params, `metrics_remediation_figures_${scope.kind}`);
  const grouped = collect(rows, toFigures, EMPTY_REMEDIATION_FIGURES);
  // Medians need the values sorted: read apart, over the few items verified in the period only.
  const medians = await ttrMedians(q, orgId, scope, w.from, w.to);
  const withMedian = (f: RemediationFigures, m: number | null | undefined) => ({ ...f, ttrMedianHours: m ?? null });
  return {
    total: withMedian(grouped.total, medians.total),
    zones: new Map([...grouped.zones].map(([k, f]) => [k, withMedian(f, medians.zones.get(k))])),
    owners: new Map([...grouped.owners].map(([k, f]) => [k, withMedian(f, medians.owners.get(k))])),
  };
}

async function ttrMedians(q: Queryable, orgId: string, scope: MetricsScope, from: Date, to: Date): Promise<Grouped<number | null>> {
  const params: unknown[] = [orgId, from.toISOString(), to.toISOString()];
  const where = scopeFilter(scope, 'r.zone_id', params);
  const rows = await q.query<GroupRow & { median: number | null }>(
    `SELECT ${groupColumns('r.zone_id')},
            percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', r.verified_at - r.detected_at) / 3600) AS median
       FROM remediations r JOIN zones z ON z.id = r.zone_id
      WHERE r.org_id = $1 AND r.verified_at >= $2::timestamptz AND r.verified_at < $3::timestamptz AND ${where}
      GROUP BY ${groupingSets('r.zone_id')}`, params, `metrics_ttr_median_${scope.kind}`);
  return collect(rows, (r) => r.median, null);
}

export interface RemediationTrendRow {
  bucket: string;
  verified: number;
  ttrMeanHours: number | null;
  ttrMedianHours: number | null;
  opened: number;
  closed: number;
  fixed: number;
  fixedOnTime: number;
}

/**
 * The period's flows per calendar week or month (UTC): items verified (and their time to
 * remediate), opened, closed, fixed and fixed on time, keyed by the bucket's start.
 */
export async function remediationTrend(
  q: Queryable, orgId: string, scope: MetricsScope, from: Date, to: Date, bucket: 'week' | 'month',
): Promise<RemediationTrendRow[]> {
  const params: unknown[] = [orgId, from.toISOString(), to.toISOString(), bucket];
  const where = scopeFilter(scope, 'r.zone_id', params);
  const b = (col: string) => `date_trunc($4::text, ${col} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
  const rows = await q.query<{
    bucket: Date; kind: string; n: number; fixed_on_time: number; ttr_mean: number | null; ttr_median: number | null;
  }>(
    `WITH items AS (
       SELECT r.status, r.created_at, r.verified_at, r.fixed_at, r.closed_at, r.due_at, r.detected_at
         FROM remediations r WHERE r.org_id = $1 AND ${where}),
     flows AS (
       SELECT ${b('created_at')} AS bucket, 'opened' AS kind, NULL::float8 AS h, false AS on_time FROM items
        WHERE created_at >= $2::timestamptz AND created_at < $3::timestamptz
       UNION ALL
       SELECT ${b('verified_at')}, 'verified', date_part('epoch', verified_at - detected_at) / 3600, false FROM items
        WHERE verified_at >= $2::timestamptz AND verified_at < $3::timestamptz
       UNION ALL
       SELECT ${b('closed_at')}, 'obsolete', NULL, false FROM items
        WHERE status = 'obsolete' AND closed_at >= $2::timestamptz AND closed_at < $3::timestamptz
       UNION ALL
       SELECT ${b('fixed_at')}, 'fixed', NULL, fixed_at <= due_at FROM items
        WHERE fixed_at >= $2::timestamptz AND fixed_at < $3::timestamptz)
     SELECT bucket, kind, count(*)::int AS n, count(*) FILTER (WHERE on_time)::int AS fixed_on_time,
            avg(h) AS ttr_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS ttr_median
       FROM flows GROUP BY bucket, kind`, params, `metrics_remediation_trend_${scope.kind}`);
  const points = new Map<string, RemediationTrendRow>();
  for (const r of rows) {
    const key = new Date(r.bucket).toISOString();
    const p = points.get(key) ?? {
      bucket: key, verified: 0, ttrMeanHours: null, ttrMedianHours: null, opened: 0, closed: 0, fixed: 0, fixedOnTime: 0,
    };
    if (r.kind === 'opened') p.opened = r.n;
    if (r.kind === 'verified') {
      p.verified = r.n;
      p.closed += r.n;
      p.ttrMeanHours = r.ttr_mean;
      p.ttrMedianHours = r.ttr_median;
    }
    if (r.kind === 'obsolete') p.closed += r.n;
    if (r.kind === 'fixed') {
      p.fixed = r.n;
      p.fixedOnTime = r.fixed_on_time;
    }
    points.set(key, p);
  }
  return [...points.values()];
}
