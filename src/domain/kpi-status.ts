/**
 * The status of a safety KPI against its target, computed from its measurements, with the rule
 * spelled out in words. Pure: the caller passes the KPI, its measurements and the instant.
 *
 * The period. A relative target names its period (month, quarter, year: "−15 % quarter over
 * quarter"). An absolute target uses its period when it names one, else one that fits its
 * cadence (daily → month, weekly and monthly → quarter, quarterly → year). Periods are
 * calendar periods in UTC; the current period is the one holding `at`.
 *
 * The goal.
 *   absolute  the target value itself.
 *   relative  comparison × (1 + target), where the comparison is the mean of the previous
 *             period's measurements, or the baseline when the previous period has none.
 *
 * The projection: a least-squares line through the current period's measurements (at or before
 * `at`), read at the end of the period. With one measurement the projection is that value
 * (no trend yet).
 *
 * The status (direction-aware: "meets" is ≤ for lower-is-better, ≥ for higher-is-better):
 *   on_track   the projection meets the goal;
 *   at_risk    it does not, but is close: at least half of the required move is made
 *              (from the comparison, or for absolute targets from the baseline, else the
 *              period's first measurement), or it misses the goal by less than 10 % of the goal;
 *   off_track  otherwise;
 *   no_data    no target, no measurement in the current period, or (relative) nothing to
 *              compare with (no measurement in the previous period and no baseline, or 0).
 */

export const KPI_DIRECTIONS = ['lower', 'higher'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export const KPI_KINDS = ['outcome', 'leading', 'lagging'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];
export const KPI_MEASURES = ['outcome', 'activity'] as const;
export type KpiMeasures = (typeof KPI_MEASURES)[number];
export const KPI_CATEGORIES = ['safety', 'business'] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];
export const KPI_TARGET_KINDS = ['absolute', 'relative'] as const;
export type KpiTargetKind = (typeof KPI_TARGET_KINDS)[number];
export const KPI_PERIODS = ['month', 'quarter', 'year'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];
export const KPI_CADENCES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type KpiCadence = (typeof KPI_CADENCES)[number];
export const KPI_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** The share of the required move that makes a miss "at risk" rather than "off track". */
export const AT_RISK_PROGRESS = 0.5;
/** A miss by less than this share of the goal is "at risk". */
export const AT_RISK_TOLERANCE = 0.1;

export interface KpiTarget {
  direction: KpiDirection;
  cadence: KpiCadence;
  baseline: number | null;
  targetKind: KpiTargetKind | null;
  targetValue: number | null;
  targetPeriod: KpiPeriod | null;
}

export interface KpiPoint {
  /** ISO 8601 instant. */
  at: string;
  value: number;
}

export interface KpiStatusResult {
  status: KpiStatus;
  /** The rule applied, with the numbers, in one sentence. */
  rule: string;
  period: { kind: KpiPeriod; start: string; end: string } | null;
  /** Mean of the current period's measurements so far. */
  current: number | null;
  /** What a relative target compares with (previous period's mean, or the baseline). */
  comparison: number | null;
  /** The value the target asks for by the end of the period. */
  goal: number | null;
  /** The trend's value at the end of the period. */
  projected: number | null;
  /** Measurements in the current period. */
  points: number;
}

const CADENCE_PERIOD: Record<KpiCadence, KpiPeriod> = { daily: 'month', weekly: 'quarter', monthly: 'quarter', quarterly: 'year' };
const MONTHS: Record<KpiPeriod, number> = { month: 1, quarter: 3, year: 12 };
const DAY = 86_400_000;

/** The period a KPI's status is judged over. */
export function periodOf(t: Pick<KpiTarget, 'cadence' | 'targetPeriod'>): KpiPeriod {
  return t.targetPeriod ?? CADENCE_PERIOD[t.cadence];
}

/** The calendar period (UTC) holding `at`, `offset` periods away: [start, end). */
export function periodBounds(kind: KpiPeriod, at: Date, offset = 0): { start: Date; end: Date } {
  const step = MONTHS[kind];
  const first = Math.floor((at.getUTCFullYear() * 12 + at.getUTCMonth()) / step) * step + offset * step;
  const start = new Date(Date.UTC(Math.floor(first / 12), first % 12, 1));
  const end = new Date(Date.UTC(Math.floor((first + step) / 12), (first + step) % 12, 1));
  return { start, end };
}

/** Least-squares line through the points, read at `x`; the mean when the points share one instant. */
export function linearProjection(points: readonly { x: number; y: number }[], x: number): number | null {
  const n = points.length;
  if (n === 0) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return my;
  return my + (sxy / sxx) * (x - mx);
}

/** True when `value` is as good as `goal` or better. */
export function meets(direction: KpiDirection, value: number, goal: number): boolean {
  return direction === 'lower' ? value <= goal : value >= goal;
}

/**
 * How much worse `to` is than `from` for the KPI's direction, as a share of |from|: 0.2 is 20 %
 * worse, negative when it improved; from 0, Infinity when it got worse and 0 otherwise (the
 * launch gate's measure of a regression).
 */
export function worsening(direction: KpiDirection, from: number, to: number): number {
  const worse = direction === 'lower' ? to - from : from - to;
  if (from === 0) return worse > 0 ? Number.POSITIVE_INFINITY : 0;
  return worse / Math.abs(from);
}

/**
 * How far `to` moved against the KPI's direction from `from`, as a share of |from|: 0.2 is a
 * 20 % adverse move, 0 when it held or improved; null when `from` is 0 (no relative change).
 */
export function adverseMove(direction: KpiDirection, from: number, to: number): number | null {
  if (from === 0) return to === 0 ? 0 : null;
  return Math.max(0, worsening(direction, from, to));
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** A number as people read it: up to three significant digits past the point, no trailing zeros. */
export function formatNumber(v: number): string {
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = Number(v.toFixed(digits)).toString();
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** A relative change as "−7 %" or "+12 %". */
export function formatChange(ratio: number): string {
  const pct = Math.round(ratio * 100);
  return pct === 0 ? '0 %' : `${pct > 0 ? '+' : '−'}${Math.abs(pct)} %`;
}

const PERIOD_WORD: Record<KpiPeriod, string> = { month: 'month', quarter: 'quarter', year: 'year' };

function noData(rule: string, period: KpiStatusResult['period'] = null, extra: Partial<KpiStatusResult> = {}): KpiStatusResult {
  return { status: 'no_data', rule, period, current: null, comparison: null, goal: null, projected: null, points: 0, ...extra };
}

/** The status of one KPI at `at`, from its measurements (any order; those after `at` are ignored). */
export function kpiStatus(kpi: KpiTarget, measurements: readonly KpiPoint[], at: Date): KpiStatusResult {
  if (kpi.targetKind === null || kpi.targetValue === null) return noData('no target set');
  const kind = periodOf(kpi);
  const word = PERIOD_WORD[kind];
  const cur = periodBounds(kind, at);
  const prev = periodBounds(kind, at, -1);
  const period = { kind, start: cur.start.toISOString(), end: cur.end.toISOString() };
  const points = measurements
    .map((m) => ({ t: Date.parse(m.at), value: m.value }))
    .filter((m) => m.t <= at.getTime())
    .sort((a, b) => a.t - b.t);
  const inCurrent = points.filter((m) => m.t >= cur.start.getTime());
  const inPrevious = points.filter((m) => m.t >= prev.start.getTime() && m.t < cur.start.getTime());
  const { direction } = kpi;
  const relative = kpi.targetKind === 'relative';
  const targetText = relative
    ? `target ${formatChange(kpi.targetValue)} ${word} over ${word}`
    : `target ${direction === 'lower' ? '≤' : '≥'} ${formatNumber(kpi.targetValue)} by ${word} end`;

  let comparison: number | null = null;
  let comparisonText = '';
  if (relative) {
    if (inPrevious.length > 0) {
      comparison = mean(inPrevious.map((m) => m.value));
      comparisonText = `last ${word} mean ${formatNumber(comparison)}`;
    } else if (kpi.baseline !== null) {
      comparison = kpi.baseline;
      comparisonText = `no measurement last ${word}, so the baseline ${formatNumber(comparison)}`;
    } else {
      return noData(`${targetText}: no measurement last ${word} and no baseline to compare with: no data`, period, { points: inCurrent.length });
    }
    if (comparison === 0) {
      return noData(`${targetText}: the comparison value is 0, so a relative change cannot be measured: no data`, period, { comparison, points: inCurrent.length });
    }
  }
  if (inCurrent.length === 0) {
    return noData(`${targetText}: no measurement this ${word} yet: no data`, period, { comparison });
  }

  const current = mean(inCurrent.map((m) => m.value));
  const goal = relative ? comparison! * (1 + kpi.targetValue) : kpi.targetValue;
  const projected = linearProjection(inCurrent.map((m) => ({ x: (m.t - cur.start.getTime()) / DAY, y: m.value })),
    (cur.end.getTime() - cur.start.getTime()) / DAY)!;
  const vs = (v: number) => (comparison !== null ? ` (${formatChange((v - comparison) / Math.abs(comparison))})` : '');
  const soFar = inCurrent.length === 1
    ? `one measurement this ${word}, ${formatNumber(current)}${vs(current)}, so no trend yet`
    : `this ${word} so far ${formatNumber(current)}${vs(current)}; the linear trend reaches ${formatNumber(projected)}${vs(projected)} by ${word} end`;
  const facts = [comparisonText, soFar].filter(Boolean).join(', ');
  const base = { period, current, comparison, goal, projected, points: inCurrent.length };

  if (meets(direction, projected, goal)) {
    return { ...base, status: 'on_track', rule: `${targetText}: ${facts}, meeting the goal of ${formatNumber(goal)}: on track` };
  }
  // Where the move toward the goal started: the comparison, else the baseline, else the period's first value.
  const start = comparison ?? kpi.baseline ?? inCurrent[0]!.value;
  const startMet = meets(direction, start, goal);
  const progress = startMet ? 0 : (projected - start) / (goal - start);
  const miss = goal !== 0 ? Math.abs(projected - goal) / Math.abs(goal) : null;
  const short = `short of the goal of ${formatNumber(goal)}`;
  if (progress >= AT_RISK_PROGRESS) {
    return { ...base, status: 'at_risk', rule: `${targetText}: ${facts}, ${short} with ${Math.round(progress * 100)} % of the required move made: at risk` };
  }
  if (miss !== null && miss < AT_RISK_TOLERANCE) {
    return { ...base, status: 'at_risk', rule: `${targetText}: ${facts}, ${short} by ${Math.round(miss * 100)} %: at risk` };
  }
  const why = startMet
    ? `though it started within it at ${formatNumber(start)}`
    : progress > 0 ? `with only ${Math.round(progress * 100)} % of the required move made` : 'moving the wrong way or not at all';
  return { ...base, status: 'off_track', rule: `${targetText}: ${facts}, ${short} ${why}: off track` };
}
