/** Safety KPIs of zones: definitions with their target; measurements are in kpi-measurements.ts. */
import { isUuid } from '../domain/ids.ts';
import type {
  KpiCadence, KpiCategory, KpiDirection, KpiKind, KpiMeasures, KpiPeriod, KpiTargetKind,
} from '../domain/kpi-status.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';
import { updateById } from './update-by-id.ts';

export interface KpiZone { id: string; key: string; name: string; ownerId: string; deputyId: string | null; archivedAt: string | null }

export interface KpiBrief { id: string; key: string; name: string; category: KpiCategory; unit: string }

export interface KpiRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  unit: string;
  zone: KpiZone;
  direction: KpiDirection;
  kind: KpiKind;
  measures: KpiMeasures;
  category: KpiCategory;
  pairedKpiId: string | null;
  /** The KPI this one names as its pair, else the first (not archived) that names this one. */
  paired: KpiBrief | null;
  baseline: number | null;
  targetKind: KpiTargetKind | null;
  targetValue: number | null;
  targetPeriod: KpiPeriod | null;
  cadence: KpiCadence;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

type Ts = Date | string;
interface Row {
  id: string; key: string; name: string; description: string; unit: string; zone_id: string; zone_key: string; zone_name: string;
  owner_id: string; deputy_id: string | null; zone_archived_at: Ts | null; direction: KpiDirection; kind: KpiKind;
  measures: KpiMeasures; category: KpiCategory; paired_kpi_id: string | null; baseline: number | null;
  target_kind: KpiTargetKind | null; target_value: number | null; target_period: KpiPeriod | null; cadence: KpiCadence;
  created_by: string; created_at: Ts; updated_at: Ts; archived_at: Ts | null; paired: KpiBrief | null;
}

const PAIRED = `(SELECT json_build_object('id', p.id, 'key', p.key, 'name', p.name, 'category', p.category, 'unit', p.unit)
     FROM kpis p WHERE p.org_id = k.org_id AND (p.id = k.paired_kpi_id OR (p.paired_kpi_id = k.id AND p.archived_at IS NULL))
     ORDER BY coalesce(p.id = k.paired_kpi_id, false) DESC, p.created_at, p.id LIMIT 1)`;

const SELECT = `SELECT k.*, z.key AS zone_key, z.name AS zone_name, z.owner_id, z.deputy_id, z.archived_at AS zone_archived_at,
    ${PAIRED} AS paired
  FROM kpis k JOIN zones z ON z.id = k.zone_id`;

const toRecord = (r: Row): KpiRecord => ({
  id: r.id, key: r.key, name: r.name, description: r.description, unit: r.unit,
  zone: { id: r.zone_id, key: r.zone_key, name: r.zone_name, ownerId: r.owner_id, deputyId: r.deputy_id, archivedAt: isoOrNull(r.zone_archived_at) },
  direction: r.direction, kind: r.kind, measures: r.measures, category: r.category, pairedKpiId: r.paired_kpi_id, paired: r.paired,
  baseline: r.baseline, targetKind: r.target_kind, targetValue: r.target_value, targetPeriod: r.target_period, cadence: r.cadence,
  createdBy: r.created_by, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at), archivedAt: isoOrNull(r.archived_at),
});

/** A KPI by id or key. */
export async function findKpi(q: Queryable, orgId: string, ref: string, forUpdate = false): Promise<KpiRecord | null> {
  const [row] = await q.query<Row>(
    `${SELECT} WHERE k.org_id = $1 AND ${isUuid(ref) ? 'k.id = $2::uuid' : 'k.key = $2'}${forUpdate ? ' FOR UPDATE OF k' : ''}`,
    [orgId, isUuid(ref) ? ref : ref.trim().toLowerCase()]);
  return row ? toRecord(row) : null;
}

/** KPIs by key, for a file that names many. */
export async function findKpisByKey(q: Queryable, orgId: string, keys: readonly string[]): Promise<Map<string, KpiRecord>> {
  if (keys.length === 0) return new Map();
  const rows = await q.query<Row>(`${SELECT} WHERE k.org_id = $1 AND k.key = ANY($2::text[])`, [orgId, [...keys]]);
  return new Map(rows.map((r) => [r.key, toRecord(r)]));
}

export interface KpiFilter {
  zoneId?: string | undefined;
  includeActivity?: boolean | undefined;
  includeArchived?: boolean | undefined;
}

/** KPIs of the organization (or one zone), by zone then name. A zone holds a handful: no paging. */
export async function listKpis(q: Queryable, orgId: string, f: KpiFilter): Promise<KpiRecord[]> {
  const params: unknown[] = [orgId];
  const where = ['k.org_id = $1'];
  if (f.zoneId) {
    params.push(f.zoneId);
    where.push(`k.zone_id = $${params.length}`);
  }
  if (!f.includeActivity) where.push(`k.measures = 'outcome'`);
  if (!f.includeArchived) where.push('k.archived_at IS NULL');
  const rows = await q.query<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY lower(z.name), z.id, lower(k.name), k.id LIMIT 2000`, params);
  return rows.map(toRecord);
}

export interface KpiWrite {
  zoneId: string; key: string; name: string; description: string; unit: string; direction: KpiDirection; kind: KpiKind;
  measures: KpiMeasures; category: KpiCategory; pairedKpiId: string | null; baseline: number | null;
  targetKind: KpiTargetKind | null; targetValue: number | null; targetPeriod: KpiPeriod | null; cadence: KpiCadence;
  createdBy: string; at: string;
}

export async function insertKpi(q: Queryable, orgId: string, w: KpiWrite): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO kpis (org_id, zone_id, key, name, description, unit, direction, kind, measures, category, paired_kpi_id, baseline,
                       target_kind, target_value, target_period, cadence, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id`,
    [orgId, w.zoneId, w.key, w.name, w.description, w.unit, w.direction, w.kind, w.measures, w.category, w.pairedKpiId, w.baseline,
      w.targetKind, w.targetValue, w.targetPeriod, w.cadence, w.createdBy, w.at]);
  return row!.id;
}

const SETTABLE = {
  name: 'name', description: 'description', unit: 'unit', direction: 'direction', kind: 'kind', measures: 'measures',
  category: 'category', pairedKpiId: 'paired_kpi_id', baseline: 'baseline', targetKind: 'target_kind', targetValue: 'target_value',
  targetPeriod: 'target_period', cadence: 'cadence', archivedAt: 'archived_at',
} as const;

export type KpiSet = Partial<Record<keyof typeof SETTABLE, string | number | null>>;

export async function updateKpi(q: Queryable, orgId: string, id: string, set: KpiSet, at: string): Promise<void> {
  await updateById(q, { table: 'kpis', columns: SETTABLE }, orgId, id, set, at);
}
