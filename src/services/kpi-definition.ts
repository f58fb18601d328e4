/**
 * Checking a KPI's definition before it is written: the target is whole (kind and value
 * together; a relative target names its period and is a change above −100 %), and a pair is
 * another live KPI of the same zone.
 */
import { InputError } from '../domain/errors.ts';
import type { KpiPeriod, KpiTargetKind } from '../domain/kpi-status.ts';
import type { Queryable } from '../store/db.ts';
import { findKpi, type KpiRecord } from '../store/kpis.ts';

export interface KpiTargetInput {
  targetKind: KpiTargetKind | null;
  targetValue: number | null;
  targetPeriod: KpiPeriod | null;
}

export function checkTarget(t: KpiTargetInput): KpiTargetInput {
  if (t.targetKind === null && t.targetValue === null) return { targetKind: null, targetValue: null, targetPeriod: t.targetPeriod };
  if (t.targetKind === null) throw InputError.field('targetKind', 'say whether the target is absolute or relative');
  if (t.targetValue === null || !Number.isFinite(t.targetValue)) throw InputError.field('targetValue', `an ${t.targetKind} target needs a value`);
  if (t.targetKind === 'relative') {
    if (t.targetPeriod === null) throw InputError.field('targetPeriod', 'a relative target compares periods: give month, quarter or year');
    if (t.targetValue <= -1 || t.targetValue === 0) {
      throw InputError.field('targetValue', 'a relative target is a change such as -0.15 for −15 %: above −1 and not 0');
    }
  }
  return t;
}

/** The KPI named as a pair: in the same zone, not archived, not the KPI itself. */
export async function resolvePair(q: Queryable, orgId: string, ref: string, zoneId: string, selfId: string | null): Promise<KpiRecord> {
  const pair = await findKpi(q, orgId, ref);
  if (!pair) throw InputError.field('pairedKpi', `no KPI ${JSON.stringify(ref)} in this organization`);
  if (pair.id === selfId) throw InputError.field('pairedKpi', 'a KPI cannot be paired with itself');
  if (pair.zone.id !== zoneId) throw InputError.field('pairedKpi', `${pair.key} belongs to zone ${pair.zone.key}; pair KPIs of the same zone`);
  if (pair.archivedAt) throw InputError.field('pairedKpi', `${pair.key} is archived`);
  return pair;
}
