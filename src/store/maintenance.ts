/** Database upkeep that the engines do not do on their own at the right time. */
import type { Queryable } from './db.ts';

/**
 * Refreshes the planner's statistics. PGlite never runs autovacuum, and PostgreSQL's runs
 * late after a bulk load: until then the planner believes tables hold one row and picks plans
 * that were measured 4× slower on the zone list.
 */
export async function refreshStatistics(q: Queryable): Promise<void> {
  await q.query('ANALYZE');
}
