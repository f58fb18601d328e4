/**
 * Safety KPIs: define them per zone (admins and the zone's owner), record measurements (owner,
 * deputy, admins, contributors; kpi-recording.ts), list them per zone with their status, read a
 * series. Activity metrics (`measures: 'activity'`) are kept out of lists and summaries unless
 * `includeActivity`. Every change is an Event in the same transaction.
 *
 * For the launch gate and the review board: `kpiStatusForZone(q, orgId, zoneId, { at,
 * includeActivity })` and `kpiValueAt(q, kpiId, at)` (kpi-view.ts), in their own transaction.
 */
import { ConflictError, InputError, NotFoundError, type Issue } from '../domain/errors.ts';
import { parseInstant } from '../domain/instant.ts';
import type {
  KpiCadence, KpiCategory, KpiDirection, KpiKind, KpiMeasures, KpiPeriod, KpiTargetKind,
} from '../domain/kpi-status.ts';
import { authorize, authorizeOnZone } from '../domain/roles.ts';
import { KEY_PATTERN, slugify } from '../domain/zones.ts';
import { parseMeasurementsCsv } from '../importers/kpi-measurements-csv.ts';
import { fileError } from '../importers/zones-file.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { listSeries, type MeasurementRecord } from '../store/kpi-measurements.ts';
import { findKpi, findKpisByKey, insertKpi, listKpis, updateKpi, type KpiRecord, type KpiSet } from '../store/kpis.ts';
import { sqlState, UNIQUE_VIOLATION } from '../store/rows.ts';
import type { Actor } from './actor.ts';
import { checkTarget, resolvePair } from './kpi-definition.ts';
import {
  authorizeRecord, closedReason, duplicateIssues, futureIssues, recordIn, refuse, type MeasurementInput, type RecordResult,
} from './kpi-recording.ts';
import {
  canManageKpis, countStatuses, ownsKpiZone, statusesOf, toView, viewsOf, type KpiStatusCounts, type KpiView, type ZoneOwners,
} from './kpi-view.ts';
import { resolveZone } from './zone-ref.ts';
import { fieldChanges } from '../domain/field-changes.ts';

export { kpiStatusForZone, kpiValueAt, type KpiStatusEntry, type KpiView } from './kpi-view.ts';
export type { RecordResult } from './kpi-recording.ts';

export interface KpiCreateInput {
  /** Zone key or id. */
  zone: string;
  /** Default: from the name. */
  key?: string | undefined;
  name: string;
  description?: string | undefined;
  unit?: string | undefined;
  direction: KpiDirection;
  kind: KpiKind;
  measures?: KpiMeasures | undefined;
  category?: KpiCategory | undefined;
  /** Key or id of the KPI of the same zone it is paired with (dual metrics). */
  pairedKpi?: string | undefined;
  baseline?: number | undefined;
  targetKind?: KpiTargetKind | undefined;
  targetValue?: number | undefined;
  targetPeriod?: KpiPeriod | undefined;
  cadence: KpiCadence;
}

export interface KpiPatch {
  name?: string | undefined;
  description?: string | undefined;
  unit?: string | undefined;
  direction?: KpiDirection | undefined;
  kind?: KpiKind | undefined;
  measures?: KpiMeasures | undefined;
  category?: KpiCategory | undefined;
  pairedKpi?: string | null | undefined;
  baseline?: number | null | undefined;
  targetKind?: KpiTargetKind | null | undefined;
  targetValue?: number | null | undefined;
  targetPeriod?: KpiPeriod | null | undefined;
  cadence?: KpiCadence | undefined;
  /** true archives the KPI (it takes no measurements and leaves lists), false restores it. */
  archived?: boolean | undefined;
}

export interface KpiListInput {
  zone?: string | undefined;
  includeActivity?: boolean | undefined;
  includeArchived?: boolean | undefined;
}

export interface ZoneKpis {
  zone: { id: string; key: string; name: string };
  items: KpiView[];
  /** Status counts of the listed KPIs (activity metrics only with includeActivity). */
  summary: KpiStatusCounts;
  includeActivity: boolean;
}

export interface KpiSeries {
  kpi: KpiView;
  from: string;
  to: string;
  points: MeasurementRecord[];
  /** The paired metric's points over the same range, for plotting both. */
  paired: { kpi: KpiView; points: MeasurementRecord[] } | null;
}

export interface CsvImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  kpis: RecordResult[];
  message: string;
}

const DAY = 86_400_000;
const text = (v: string | undefined) => v?.trim() ?? '';

export function createKpiService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function load(q: Queryable, actor: Actor, ref: string, forUpdate = false): Promise<KpiRecord> {
    const kpi = await findKpi(q, actor.orgId, ref, forUpdate);
    if (!kpi) throw new NotFoundError('KPI', ref);
    return kpi;
  }

  function authorizeManage(actor: Actor, kpi: ZoneOwners): void {
    const owner = ownsKpiZone(actor, kpi);
    if (!canManageKpis(actor.role, owner)) authorizeOnZone(actor.role, owner, 'kpi.manage_own', 'kpi.manage_any');
  }

  async function get(actor: Actor, ref: string): Promise<KpiView> {
    authorize(actor.role, 'org.read');
    const kpi = await load(db, actor, ref);
    return (await viewsOf(db, actor, [kpi], now()))[0]!;
  }

  return {
    get,

    async create(actor: Actor, input: KpiCreateInput): Promise<KpiView> {
      const id = await db.transaction(async (tx) => {
        const zone = await resolveZone(tx, actor.orgId, input.zone, 'zone');
        authorizeManage(actor, { zone: { ownerId: zone.owner.id, deputyId: zone.deputy?.id ?? null } });
        const name = input.name.trim();
        if (!name) throw InputError.field('name', 'a KPI needs a name');
        const key = input.key?.trim().toLowerCase() || slugify(name);
        if (!KEY_PATTERN.test(key)) throw InputError.field('key', `${JSON.stringify(key)} must be lower-case letters, digits, . _ or - (at most 80)`);
        if (await findKpi(tx, actor.orgId, key)) throw new ConflictError(`A KPI with the key ${key} already exists; choose another key`);
        const target = checkTarget({
          targetKind: input.targetKind ?? null, targetValue: input.targetValue ?? null, targetPeriod: input.targetPeriod ?? null,
        });
        const pair = input.pairedKpi ? await resolvePair(tx, actor.orgId, input.pairedKpi, zone.id, null) : null;
        const at = now();
        const write = {
          zoneId: zone.id, key, name, description: text(input.description), unit: text(input.unit), direction: input.direction,
          kind: input.kind, measures: input.measures ?? 'outcome', category: input.category ?? 'safety', pairedKpiId: pair?.id ?? null,
          baseline: input.baseline ?? null, ...target, cadence: input.cadence, createdBy: actor.label, at: at.toISOString(),
        };
        let kpiId: string;
        try {
          kpiId = await insertKpi(tx, actor.orgId, write);
        } catch (err) {
          if (sqlState(err) === UNIQUE_VIOLATION) throw new ConflictError(`A KPI with the key ${key} already exists; choose another key`);
          throw err;
        }
        const { createdBy: _by, at: _at, ...after } = write;
        await appendEvents(tx, actor.orgId, [{ actor: actor.label, action: 'kpi.created', entityType: 'kpi', entityId: kpiId, after }], at);
        return kpiId;
      });
      return get(actor, id);
    },

    /** Edits the definition or target, pairs or unpairs, archives or restores. */
    async update(actor: Actor, ref: string, patch: KpiPatch): Promise<KpiView> {
      const id = await db.transaction(async (tx) => {
        const kpi = await load(tx, actor, ref, true);
        authorizeManage(actor, kpi);
        if (patch.name !== undefined && !patch.name.trim()) throw InputError.field('name', 'a KPI needs a name');
        const target = checkTarget({
          targetKind: patch.targetKind === undefined ? kpi.targetKind : patch.targetKind,
          targetValue: patch.targetValue === undefined ? kpi.targetValue : patch.targetValue,
          targetPeriod: patch.targetPeriod === undefined ? kpi.targetPeriod : patch.targetPeriod,
        });
        let pairedKpiId: string | null | undefined;
        if (patch.pairedKpi === null) pairedKpiId = null;
        else if (patch.pairedKpi !== undefined) pairedKpiId = (await resolvePair(tx, actor.orgId, patch.pairedKpi, kpi.zone.id, kpi.id)).id;
        const at = now();
        const next: KpiSet = {
          name: patch.name?.trim(), description: patch.description?.trim(), unit: patch.unit?.trim(), direction: patch.direction,
          kind: patch.kind, measures: patch.measures, category: patch.category, pairedKpiId, baseline: patch.baseline, ...target,
          cadence: patch.cadence,
          archivedAt: patch.archived === undefined ? undefined : patch.archived ? (kpi.archivedAt ?? at.toISOString()) : null,
        };
        const current: Record<string, unknown> = {
          name: kpi.name, description: kpi.description, unit: kpi.unit, direction: kpi.direction, kind: kpi.kind, measures: kpi.measures,
          category: kpi.category, pairedKpiId: kpi.pairedKpiId, baseline: kpi.baseline, targetKind: kpi.targetKind,
          targetValue: kpi.targetValue, targetPeriod: kpi.targetPeriod, cadence: kpi.cadence, archivedAt: kpi.archivedAt,
        };
        const changes = fieldChanges(current, next);
        if (!changes) return kpi.id;
        const { before, after } = changes;
        await updateKpi(tx, actor.orgId, kpi.id, next, at.toISOString());
        const action = 'archivedAt' in after ? (after.archivedAt ? 'kpi.archived' : 'kpi.restored') : 'kpi.updated';
        await appendEvents(tx, actor.orgId, [{ actor: actor.label, action, entityType: 'kpi', entityId: kpi.id, before, after: { key: kpi.key, ...after } }], at);
        return kpi.id;
      });
      return get(actor, id);
    },

    async list(actor: Actor, input: KpiListInput): Promise<{ items: KpiView[]; summary: KpiStatusCounts }> {
      authorize(actor.role, 'org.read');
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : undefined;
      const kpis = await listKpis(db, actor.orgId, { zoneId, includeActivity: input.includeActivity, includeArchived: input.includeArchived });
      const items = await viewsOf(db, actor, kpis, now());
      return { items, summary: countStatuses(items) };
    },

    /** The zone's KPIs with their status and paired metric, and the counts by status. */
    async forZone(actor: Actor, zoneRef: string, opts: { includeActivity?: boolean | undefined } = {}): Promise<ZoneKpis> {
      authorize(actor.role, 'org.read');
      const zone = await resolveZone(db, actor.orgId, zoneRef, 'zone', { allowArchived: true });
      const kpis = await listKpis(db, actor.orgId, { zoneId: zone.id, includeActivity: opts.includeActivity });
      const entries = await statusesOf(db, kpis, now());
      return {
        zone: { id: zone.id, key: zone.key, name: zone.name }, items: entries.map((e) => toView(actor, e)),
        summary: countStatuses(entries), includeActivity: opts.includeActivity ?? false,
      };
    },

    /** Measurements in [from, to] (default: the year up to now), with the paired metric's. */
    async series(actor: Actor, ref: string, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<KpiSeries> {
      authorize(actor.role, 'org.read');
      const at = now();
      const to = range.to ? parseInstant(range.to) : at.toISOString();
      if (!to) throw InputError.field('to', 'a date (YYYY-MM-DD) or an ISO 8601 date-time');
      const from = range.from ? parseInstant(range.from) : new Date(Date.parse(to) - 365 * DAY).toISOString();
      if (!from) throw InputError.field('from', 'a date (YYYY-MM-DD) or an ISO 8601 date-time');
      if (from > to) throw InputError.field('from', 'must be before to');
      // A date as `to` means the whole day.
      const until = range.to && /^\d{4}-\d{2}-\d{2}$/.test(range.to.trim()) ? new Date(Date.parse(to) + DAY - 1).toISOString() : to;
      const kpi = await load(db, actor, ref);
      const pairRecord = kpi.paired ? await findKpi(db, actor.orgId, kpi.paired.id) : null;
      const views = await viewsOf(db, actor, pairRecord ? [kpi, pairRecord] : [kpi], at);
      const [points, pairPoints] = await Promise.all([
        listSeries(db, kpi.id, from, until),
        pairRecord ? listSeries(db, pairRecord.id, from, until) : Promise.resolve([]),
      ]);
      return { kpi: views[0]!, from, to: until, points, paired: pairRecord ? { kpi: views[1]!, points: pairPoints } : null };
    },

    /** Records measurements of one KPI (idempotent per instant; see kpi-recording.ts). */
    async record(actor: Actor, ref: string, measurements: MeasurementInput[], source: 'api' | 'cli' = 'api'): Promise<RecordResult> {
      return db.transaction(async (tx) => {
        const kpi = await load(tx, actor, ref, true);
        authorizeRecord(actor, kpi);
        const closed = closedReason(kpi);
        if (closed) throw new ConflictError(closed);
        const at = now();
        const issues: Issue[] = [];
        const input = measurements.map((m, i) => {
          const measuredAt = parseInstant(m.measuredAt);
          if (!measuredAt) issues.push({ field: `${i}.measuredAt`, message: `${JSON.stringify(m.measuredAt)} is not a date or ISO 8601 date-time` });
          if (!Number.isFinite(m.value)) issues.push({ field: `${i}.value`, message: 'must be a finite number' });
          return { measuredAt: measuredAt ?? m.measuredAt, value: m.value };
        });
        if (input.length === 0) issues.push({ field: 'measurements', message: 'give at least one measurement' });
        if (issues.length === 0) {
          input.forEach((m, i) => issues.push(...futureIssues(m, at, { field: `${i}.measuredAt` })));
          issues.push(...duplicateIssues(input, (i) => `${i}.measuredAt`));
        }
        if (issues.length) refuse(issues);
        return recordIn(tx, actor, kpi, input, source, at);
      });
    },

    /** Records a CSV file of `kpi,measured_at,value` rows in one transaction; any bad line refuses the file. */
    async importCsv(actor: Actor, csv: string): Promise<CsvImportResult> {
      authorize(actor.role, 'org.read');
      const rows = parseMeasurementsCsv(csv);
      return db.transaction(async (tx) => {
        const kpis = await findKpisByKey(tx, actor.orgId, [...new Set(rows.map((r) => r.kpi))]);
        const at = now();
        const issues: Issue[] = [];
        const byKpi = new Map<string, { kpi: KpiRecord; rows: MeasurementInput[] }>();
        for (const r of rows) {
          const kpi = kpis.get(r.kpi);
          if (!kpi) { issues.push({ line: r.line, column: 'kpi', message: `no KPI ${JSON.stringify(r.kpi)} in this organization` }); continue; }
          try {
            authorizeRecord(actor, kpi);
          } catch (err) {
            issues.push({ line: r.line, column: 'kpi', message: (err as Error).message });
            continue;
          }
          const closed = closedReason(kpi);
          if (closed) issues.push({ line: r.line, column: 'kpi', message: closed });
          issues.push(...futureIssues(r, at, { line: r.line, column: 'measured_at' }));
          const group = byKpi.get(kpi.id) ?? { kpi, rows: [] };
          group.rows.push({ measuredAt: r.measuredAt, value: r.value });
          byKpi.set(kpi.id, group);
          if (issues.length >= 50) break;
        }
        if (issues.length) throw fileError(issues);
        const results: RecordResult[] = [];
        for (const { kpi, rows: group } of byKpi.values()) results.push(await recordIn(tx, actor, kpi, group, 'csv', at));
        const sum = (k: 'created' | 'updated' | 'unchanged') => results.reduce((s, r) => s + r[k], 0);
        const created = sum('created');
        const updated = sum('updated');
        const unchanged = sum('unchanged');
        return {
          rows: rows.length, created, updated, unchanged, kpis: results.map((r) => ({ ...r, items: [] })),
          message: results.length === 1 ? results[0]!.message : `${results.length} KPIs: ${created} new, ${updated} corrected, ${unchanged} already recorded.`,
        };
      });
    },
  };
}

export type KpiService = ReturnType<typeof createKpiService>;
