/**
 * The one UPDATE the stores share: one organization's row by id, `updated_at` (and any other
 * `touch` columns) set to `at`, then each field of `set` that is not undefined into its column.
 * Column names come only from the store's own map, never from the caller's keys.
 */
import type { Queryable } from './db.ts';

export interface UpdateShape<K extends string> {
  table: string;
  columns: Record<K, string>;
  /** More columns set to `at` besides updated_at. */
  touch?: readonly string[];
  /** A cast after the parameter, e.g. `::jsonb`. */
  casts?: Partial<Record<K, string>>;
  /** How a value is sent, e.g. JSON.stringify for a jsonb column. */
  encode?: Partial<Record<K, (value: unknown) => unknown>>;
}

export async function updateById<K extends string>(
  q: Queryable, shape: UpdateShape<K>, orgId: string, id: string, set: Partial<Record<K, unknown>>, at: string,
): Promise<void> {
  const params: unknown[] = [orgId, id, at];
  const sets = ['updated_at = $3', ...(shape.touch ?? []).map((c) => `${c} = $3`)];
  for (const [k, v] of Object.entries(set) as [K, unknown][]) {
    if (v === undefined) continue;
    const column = shape.columns[k];
    if (!column) throw new Error(`${shape.table}: no settable column for ${k}`);
    params.push(shape.encode?.[k] ? shape.encode[k]!(v) : v);
    sets.push(`${column} = $${params.length}${shape.casts?.[k] ?? ''}`);
  }
  await q.query(`UPDATE ${shape.table} SET ${sets.join(', ')} WHERE org_id = $1 AND id = $2`, params);
}
