/**
 * Time to detect: from when a weakness was introduced (a release name or a date given at
 * import or by hand) to when Keel first saw it. Only a date can be measured; a release name is
 * kept as text.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** The calendar date (YYYY-MM-DD) an "introduced in" text names, or null when it names a release. */
export function introducedDate(text: string | null | undefined): string | null {
  const m = text?.trim().match(DATE);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Reject 2026-02-31 and the like rather than roll them over.
  if (date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) return null;
  return date.toISOString().slice(0, 10);
}

/** Whole and fractional days from the introduction date (midnight UTC) to first seen; never negative. */
export function daysToDetect(introducedOn: string | null, firstSeenAt: string): number | null {
  if (!introducedOn) return null;
  const ms = new Date(firstSeenAt).getTime() - Date.parse(`${introducedOn}T00:00:00Z`);
  return Math.max(0, Math.round((ms / 86_400_000) * 10) / 10);
}
