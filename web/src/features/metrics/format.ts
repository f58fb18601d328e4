/** Metric figures for people: "3.2 days", "87%", "9.8 points", "—" when nothing was counted. */

const one = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const two = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export const NONE = '—';

const unit = (n: number, word: string) => `${one.format(n)} ${word}${one.format(n) === '1' ? '' : 's'}`;

/** A duration given in hours: hours below two days, days from there. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return NONE;
  if (hours < 1) return unit(Math.round(hours * 60), 'minute');
  if (hours < 48) return unit(hours, 'hour');
  return unit(hours / 24, 'day');
}

/** A duration given in days. */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return NONE;
  return days < 2 ? formatHours(days * 24) : unit(days, 'day');
}

/** A 0–1 ratio as a percentage: whole numbers, one decimal below 10%. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NONE;
  const pct = rate * 100;
  return `${pct > 0 && pct < 10 ? one.format(pct) : Math.round(pct)}%`;
}

/** Effort points or debt: up to two decimals. */
export function formatPoints(n: number): string {
  return two.format(n);
}

export function formatCount(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

/** Hours → days for charts (null stays null, so lines show a gap). */
export const hoursToDays = (h: number | null): number | null => (h === null ? null : Math.round((h / 24) * 10) / 10);

/** 0–1 → 0–100 for charts. */
export const toPercent = (r: number | null): number | null => (r === null ? null : Math.round(r * 1000) / 10);
