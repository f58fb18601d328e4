/**
 * Remediation metrics (ADR 7, "Metrics"): the math and the calendar. Figures are computed in
 * SQL at scale (store/metrics-*.ts); this file holds their definitions for small inputs, the
 * rounding every figure gets, the age buckets of open items, how a period is named
 * (`90d`, `2026-Q3`, `2026-03`, `2026`, or explicit from/to), and the points of a trend chart.
 */
import { InputError } from './errors.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The median (the mean of the two middle values for an even count), or null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** part ÷ whole, rounded to 4 decimals; null when the whole is 0 (no rate, rather than 0 %). */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** Hours rounded to 0.01 (36 seconds): fine enough that a figure agrees to the minute. */
export function roundHours(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 100) / 100;
}

/** Days rounded to 0.01. */
export function roundDays(days: number | null): number | null {
  return days === null ? null : Math.round(days * 100) / 100;
}

export const hoursBetween = (from: Date | string, to: Date | string): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / HOUR_MS;

/** Age buckets of open items: < 7 d, 7–30 d, 30–90 d, > 90 d (lower bound inclusive). */
export const AGE_BUCKETS = ['lt7d', 'd7to30', 'd30to90', 'gt90d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
/** Upper bounds in days of the buckets but the last, in order: the SQL uses the same numbers. */
export const AGE_BUCKET_LIMITS_DAYS = [7, 30, 90] as const;

export function ageBucket(ageDays: number): AgeBucket {
  if (ageDays < 7) return 'lt7d';
  if (ageDays < 30) return 'd7to30';
  if (ageDays < 90) return 'd30to90';
  return 'gt90d';
}

/** A half-open interval [from, to) with the words it was asked for in. */
export interface Period {
  from: Date;
  to: Date;
  label: string;
}

export interface PeriodInput {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const DEFAULT_PERIOD = '90d';
const MAX_PERIOD_DAYS = 3 * 366;

const RELATIVE = /^(\d{1,4})([dwm])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d));

function parseInstant(field: string, text: string): Date {
  const t = text.trim();
  const ms = DATE_OR_TIME.test(t) ? Date.parse(t.length === 10 ? `${t}T00:00:00Z` : t) : Number.NaN;
  if (Number.isNaN(ms)) throw InputError.field(field, `${JSON.stringify(text)} is not a date; use YYYY-MM-DD or an ISO 8601 time`);
  return new Date(ms);
}

/**
 * The period a user named. `90d`, `12w`, `6m`: the last days, weeks or months up to now;
 * `2026-Q3`, `2026-03`, `2026`: that calendar quarter, month or year (UTC); `from`/`to`:
 * explicit dates (a bare date means its midnight UTC; `to` defaults to now). Default: 90 days.
 */
export function parsePeriod(input: PeriodInput, now: Date): Period {
  if (input.from !== undefined || input.to !== undefined) {
    if (input.period) throw InputError.field('period', 'give either a period or from/to, not both');
    if (input.from === undefined) throw InputError.field('from', 'a period given by dates needs a start (from)');
    const from = parseInstant('from', input.from);
    const to = input.to === undefined ? now : parseInstant('to', input.to);
    if (to <= from) throw InputError.field('to', 'the end of the period must be after its start');
    checkLength(from, to);
    return { from, to, label: `${from.toISOString().slice(0, 10)}..${to.toISOString().slice(0, 10)}` };
  }
  const text = (input.period ?? DEFAULT_PERIOD).trim();
  const rel = RELATIVE.exec(text);
  if (rel) {
    const n = Number(rel[1]);
    if (n < 1) throw InputError.field('period', 'a period is at least 1 day long');
    const from = rel[2] === 'm'
      ? utc(now.getUTCFullYear(), now.getUTCMonth() - n, now.getUTCDate())
      : new Date(now.getTime() - n * (rel[2] === 'w' ? 7 : 1) * DAY_MS);
    if (rel[2] === 'm') from.setUTCHours(now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds());
    checkLength(from, now);
    return { from, to: new Date(now), label: text };
  }
  const q = QUARTER.exec(text);
  if (q) {
    const y = Number(q[1]);
    const start = (Number(q[2]) - 1) * 3;
    return { from: utc(y, start), to: utc(y, start + 3), label: `${y}-Q${q[2]}` };
  }
  const m = MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw InputError.field('period', `${text} names no month; months are 01 to 12`);
    return { from: utc(Number(m[1]), month - 1), to: utc(Number(m[1]), month), label: text };
  }
  const y = YEAR.exec(text);
  if (y) return { from: utc(Number(y[1]), 0), to: utc(Number(y[1]) + 1, 0), label: text };
  throw InputError.field('period',
    `${JSON.stringify(text)} is not a period; use e.g. 90d, 12w, 6m, 2026-Q3, 2026-03, 2026, or from/to dates`);
}

function checkLength(from: Date, to: Date): void {
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw InputError.field('period', 'a period is at most 3 years long');
  }
}

export const TREND_BUCKETS = ['week', 'month'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

/** Weekly points for periods up to ~4 months, monthly ones beyond. */
export function defaultBucket(period: Period): TrendBucket {
  return period.to.getTime() - period.from.getTime() <= 120 * DAY_MS ? 'week' : 'month';
}

/** The calendar start (UTC) of the week (Monday) or month holding an instant. */
export function bucketStart(at: Date, bucket: TrendBucket): Date {
  if (bucket === 'month') return utc(at.getUTCFullYear(), at.getUTCMonth());
  const day = utc(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

export interface TrendPoint {
  /** The calendar week or month this point stands for (its key in the SQL's grouping). */
  start: Date;
  /** The part of the period the point covers: the first and last are clipped to the period. */
  from: Date;
  to: Date;
}

/** The points of a trend chart over a period: one per calendar week or month it touches. */
export function trendPoints(period: Period, bucket: TrendBucket): TrendPoint[] {
  const points: TrendPoint[] = [];
  let start = bucketStart(period.from, bucket);
  while (start < period.to) {
    const next = bucket === 'month'
      ? utc(start.getUTCFullYear(), start.getUTCMonth() + 1)
      : new Date(start.getTime() + 7 * DAY_MS);
    points.push({
      start,
      from: start < period.from ? period.from : start,
      to: next > period.to ? period.to : next,
    });
    start = next;
  }
  return points;
}
