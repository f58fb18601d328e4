/**
 * Instants as people type them in files and commands: a calendar date (midnight UTC) or an
 * ISO 8601 date-time, with a zone offset or Z (none means UTC). A real day and time only.
 */
import { isCalendarDate } from './calendar-date.ts';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The canonical ISO string of `text`, or null when it is not a date or date-time. */
export function parseInstant(text: string): string | null {
  const t = text.trim();
  if (isCalendarDate(t)) return `${t}T00:00:00.000Z`;
  const m = DATE_TIME.exec(t);
  if (!m || !isCalendarDate(m[1]!)) return null;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return null;
  const zone = m[6] ? (m[6].toUpperCase() === 'Z' ? 'Z' : m[6].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${(m[5] ?? '').slice(0, 4)}${zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
