/**
 * KPIs as callers read them: the definition, its latest value and its status against the target
 * (domain/kpi-status.ts), with what the caller may do. `kpiStatusForZone` and `kpiValueAt` are
 * for the other services (launch gate, review board): they take the caller's transaction and
 * check no permission themselves.
 */
import { kpiStatus, periodBounds, periodOf, type KpiStatus, type KpiStatusResult } from '../domain/kpi-status.ts';
import { can, type Role } from '../domain/roles.ts';
import type { Queryable } from '../store/db.ts';
import { latestMeasurement, latestMeasurements, seriesOf } from '../store/kpi-measurements.ts';
import { listKpis, type KpiRecord } from '../store/kpis.ts';
import type { Actor } from './actor.ts';

export interface KpiPermissions { edit: boolean; record: boolean }

export interface KpiView extends Omit<KpiRecord, 'zone'> {
  zone: { id: string; key: string; name: string };
  latest: { at: string; value: number } | null;
  status: KpiStatusResult;
  permissions: KpiPermissions;
}

export interface KpiStatusEntry {
  kpi: KpiRecord;
  latest: { at: string; value: number } | null;
  status: KpiStatusResult;
}

/** Who owns and deputizes the zone of a KPI. */
export interface ZoneOwners { zone: { ownerId: string; deputyId: string | null } }

export const ownsKpiZone = (actor: Actor, kpi: ZoneOwners): boolean => actor.userId !== null && kpi.zone.ownerId === actor.userId;
export const ownsOrDeputizesKpiZone = (actor: Actor, kpi: ZoneOwners): boolean =>
  ownsKpiZone(actor, kpi) || (actor.userId !== null && kpi.zone.deputyId === actor.userId);

/** Admins, and the zone's owner, define and change its KPIs. */
export function canManageKpis(role: Role, owner: boolean): boolean {
  return can(role, 'kpi.manage_any') || (owner && can(role, 'kpi.manage_own'));
}

/** Admins and contributors anywhere, the zone's owner and deputy in their zone, record measurements. */
export function canRecordKpis(role: Role, ownerOrDeputy: boolean): boolean {
  return can(role, 'kpi.record_any') || (ownerOrDeputy && can(role, 'kpi.record_own'));
}

export function permissionsOf(actor: Actor, kpi: Pick<KpiRecord, 'zone' | 'archivedAt'>): KpiPermissions {
  const open = kpi.archivedAt === null && kpi.zone.archivedAt === null;
  return {
    edit: canManageKpis(actor.role, ownsKpiZone(actor, kpi)),
    record: open && canRecordKpis(actor.role, ownsOrDeputizesKpiZone(actor, kpi)),
  };
}

/** The status of each KPI at `at`, from one read of their last two periods. */
export async function statusesOf(q: Queryable, kpis: readonly KpiRecord[], at: Date): Promise<KpiStatusEntry[]> {
  if (kpis.length === 0) return [];
  const from = kpis.map((k) => periodBounds(periodOf(k), at, -1).start.getTime()).reduce((a, b) => Math.min(a, b));
  const ids = kpis.map((k) => k.id);
  const [series, latest] = await Promise.all([
    seriesOf(q, ids, new Date(from).toISOString(), at.toISOString()),
    latestMeasurements(q, ids, at.toISOString()),
  ]);
  return kpis.map((kpi) => ({
    kpi, latest: latest.get(kpi.id) ?? null, status: kpiStatus(kpi, series.get(kpi.id) ?? [], at),
  }));
}

export async function viewsOf(q: Queryable, actor: Actor, kpis: readonly KpiRecord[], at: Date): Promise<KpiView[]> {
  return (await statusesOf(q, kpis, at)).map((e) => toView(actor, e));
}

export function toView(actor: Actor, e: KpiStatusEntry): KpiView {
  const { zone, ...rest } = e.kpi;
  return { ...rest, zone: { id: zone.id, key: zone.key, name: zone.name }, latest: e.latest, status: e.status, permissions: permissionsOf(actor, e.kpi) };
}

export type KpiStatusCounts = Record<KpiStatus, number>;

export function countStatuses(entries: readonly { status: KpiStatusResult }[]): KpiStatusCounts {
  const counts: KpiStatusCounts = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const e of entries) counts[e.status.status] += 1;
  return counts;
}

/**
 * The status of every KPI of a zone at `at` (default now), with the rule in words. Activity
 * metrics are left out unless `includeActivity`; archived KPIs always are. No permission check:
 * for services that already checked theirs (launch gate, review board), in their transaction.
 */
export async function kpiStatusForZone(
  q: Queryable, orgId: string, zoneId: string, opts: { at?: Date | undefined; includeActivity?: boolean | undefined } = {},
): Promise<KpiStatusEntry[]> {
  const kpis = await listKpis(q, orgId, { zoneId, includeActivity: opts.includeActivity });
  return statusesOf(q, kpis, opts.at ?? new Date());
}

/** The KPI's value at `at`: its latest measurement at or before that instant, or null. No permission check. */
export async function kpiValueAt(q: Queryable, kpiId: string, at: Date): Promise<{ measuredAt: string; value: number } | null> {
  const m = await latestMeasurement(q, kpiId, at.toISOString());
  return m ? { measuredAt: m.measuredAt, value: m.value } : null;
}
