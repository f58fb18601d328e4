/** The periods the metrics pages offer, in the API's words (90d, 2026-Q3, 2026), kept in the URL as `period`. */

export interface PeriodOption { value: string; label: string }

export const DEFAULT_PERIOD = '90d';

function quarter(d: Date): { y: number; q: number } {
  return { y: d.getUTCFullYear(), q: Math.floor(d.getUTCMonth() / 3) + 1 };
}

export function periodOptions(now = new Date()): PeriodOption[] {
  const cur = quarter(now);
  const prev = cur.q === 1 ? { y: cur.y - 1, q: 4 } : { y: cur.y, q: cur.q - 1 };
  return [
    { value: '30d', label: 'Last 30 days' },
    { value: '90d', label: 'Last 90 days' },
    { value: '6m', label: 'Last 6 months' },
    { value: '12m', label: 'Last 12 months' },
    { value: `${cur.y}-Q${cur.q}`, label: `This quarter (${cur.y} Q${cur.q})` },
    { value: `${prev.y}-Q${prev.q}`, label: `Last quarter (${prev.y} Q${prev.q})` },
    { value: String(cur.y), label: `This year (${cur.y})` },
  ];
}

/** The options, with the URL's value added when it is one the list does not hold (a link from elsewhere). */
export function periodChoices(value: string, now = new Date()): PeriodOption[] {
  const list = periodOptions(now);
  return list.some((o) => o.value === value) ? list : [...list, { value, label: value }];
}
