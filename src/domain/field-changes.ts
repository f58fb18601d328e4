/**
 * What an edit changes, for the audit trail: the fields of `next` that are set and differ from
 * `current` (compared as JSON, so arrays compare by content), with their old and new values.
 * Null when nothing changes, so a no-op edit writes no event.
 */
export interface FieldChanges {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export function fieldChanges(current: Record<string, unknown>, next: Record<string, unknown>): FieldChanges | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || JSON.stringify(current[k]) === JSON.stringify(v)) continue;
    before[k] = current[k];
    after[k] = v;
  }
  return Object.keys(after).length === 0 ? null : { before, after };
}
