/** Row conversions shared by the repositories: both engines return timestamptz as Date. */
export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value == null ? null : iso(value);
}

/** SQLSTATE of a PostgreSQL error from either engine, if it is one. */
export function sqlState(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** A `date` column as YYYY-MM-DD: node-postgres gives a local-midnight Date, PGlite a UTC one or text. */
export function dateOnly(v: Date | string | null): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v.slice(0, 10);
  const local = new Date(v.getTime() - v.getTimezoneOffset() * 60_000);
  return (v.getUTCHours() === 0 ? v : local).toISOString().slice(0, 10);
}
