/**
 * Recording KPI measurements, by API, CLI or CSV upload, idempotent per instant:
 *   - a new instant is stored;
 *   - the same instant with the same value changes nothing, and the answer says so;
 *   - the same instant with another value is a correction: the value is overwritten and a
 *     `kpi.measurement_corrected` event keeps the old and the new value (nothing is lost).
 * A batch (one call, or one file) is one transaction; any problem refuses all of it.
 */
import { InputError, NotAllowedError, type Issue } from '../domain/errors.ts';
import { authorizeOnZone } from '../domain/roles.ts';
import type { Queryable } from '../store/db.ts';
import { appendEvents, type NewEvent } from '../store/events.ts';
import { measurementsAt, upsertMeasurements, type MeasurementSource } from '../store/kpi-measurements.ts';
import type { KpiRecord } from '../store/kpis.ts';
import type { Actor } from './actor.ts';
import { canRecordKpis, ownsOrDeputizesKpiZone } from './kpi-view.ts';

export type MeasurementOutcome = 'created' | 'updated' | 'unchanged';

export interface MeasurementInput { measuredAt: string; value: number }

export interface RecordedMeasurement {
  measuredAt: string;
  value: number;
  outcome: MeasurementOutcome;
  /** The value it replaced, for a correction. */
  previous: number | null;
}

export interface RecordResult {
  kpi: { id: string; key: string; name: string };
  created: number;
  updated: number;
  unchanged: number;
  items: RecordedMeasurement[];
  /** One sentence for people: what changed, or that nothing did. */
  message: string;
}

/** A measurement may be dated a little ahead (clock skew), never later. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** Says why the actor may not record measurements of this KPI (or that it is closed); returns when they may. */
export function authorizeRecord(actor: Actor, kpi: KpiRecord): void {
  if (!canRecordKpis(actor.role, ownsOrDeputizesKpiZone(actor, kpi))) {
    authorizeOnZone(actor.role, ownsOrDeputizesKpiZone(actor, kpi), 'kpi.record_own', 'kpi.record_any');
    throw new NotAllowedError(`You may not record measurements of ${kpi.key}`);
  }
}

/** Why a KPI takes no measurements now (it or its zone is archived), or null. */
export function closedReason(kpi: KpiRecord): string | null {
  if (kpi.archivedAt) return `KPI ${kpi.key} is archived; restore it to record measurements`;
  if (kpi.zone.archivedAt) return `zone ${kpi.zone.key} of KPI ${kpi.key} is archived`;
  return null;
}

/** A measurement dated after now (beyond clock skew) is refused. */
export function futureIssues(m: MeasurementInput, at: Date, where: Omit<Issue, 'message'>): Issue[] {
  return Date.parse(m.measuredAt) > at.getTime() + FUTURE_SLACK_MS
    ? [{ ...where, message: `${m.measuredAt} is in the future; measurements record what was measured` }]
    : [];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeOutcome(created: number, updated: number, unchanged: number): string {
  if (created === 0 && updated === 0) {
    return unchanged === 0 ? 'No measurements given.' : `Nothing changed: ${plural(unchanged, 'measurement was', 'measurements were')} already recorded with the same value.`;
  }
  const parts = [created ? `${plural(created, 'new measurement')}` : '', updated ? `${plural(updated, 'correction')} (old values kept in the audit trail)` : '',
    unchanged ? `${unchanged} already recorded` : ''].filter(Boolean);
  return `Recorded ${parts.join(', ')}.`;
}

/** Writes one KPI's measurements in the caller's transaction (already checked) and its events. */
export async function recordIn(
  q: Queryable, actor: Actor, kpi: KpiRecord, input: readonly MeasurementInput[], source: MeasurementSource, at: Date,
): Promise<RecordResult> {
  const stored = await measurementsAt(q, kpi.id, input.map((m) => m.measuredAt));
  const items: RecordedMeasurement[] = input.map((m) => {
    const previous = stored.get(m.measuredAt);
    if (previous === undefined) return { ...m, outcome: 'created', previous: null };
    return previous === m.value ? { ...m, outcome: 'unchanged', previous } : { ...m, outcome: 'updated', previous };
  });
  const writes = items.filter((i) => i.outcome !== 'unchanged');
  const when = at.toISOString();
  await upsertMeasurements(q, actor.orgId, kpi.id, writes, { source, recordedBy: actor.label, at: when });
  const created = items.filter((i) => i.outcome === 'created');
  const updated = items.filter((i) => i.outcome === 'updated');
  const events: NewEvent[] = [];
  if (created.length) {
    events.push({
      actor: actor.label, action: 'kpi.measurements_recorded', entityType: 'kpi', entityId: kpi.id,
      after: { key: kpi.key, source, count: created.length, measurements: created.map((m) => ({ measuredAt: m.measuredAt, value: m.value })) },
    });
  }
  for (const u of updated) {
    events.push({
      actor: actor.label, action: 'kpi.measurement_corrected', entityType: 'kpi', entityId: kpi.id,
      before: { measuredAt: u.measuredAt, value: u.previous }, after: { key: kpi.key, source, measuredAt: u.measuredAt, value: u.value },
    });
  }
  await appendEvents(q, actor.orgId, events, at);
  const unchanged = items.length - created.length - updated.length;
  return {
    kpi: { id: kpi.id, key: kpi.key, name: kpi.name }, created: created.length, updated: updated.length, unchanged,
    items, message: describeOutcome(created.length, updated.length, unchanged),
  };
}

/** Refuses a batch with every problem found, naming the field of each. */
export function refuse(issues: Issue[]): never {
  const first = issues[0]!;
  const where = first.field ?? (first.line !== undefined ? `line ${first.line}` : 'input');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new InputError(`Nothing was recorded. ${where}: ${first.message}${more}`, issues);
}

/** Duplicate instants inside one batch are ambiguous: which value is meant? */
export function duplicateIssues(input: readonly MeasurementInput[], field: (i: number) => string): Issue[] {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  input.forEach((m, i) => {
    const first = seen.get(m.measuredAt);
    if (first !== undefined) issues.push({ field: field(i), message: `${m.measuredAt} is given twice (first at ${field(first)})` });
    else seen.set(m.measuredAt, i);
  });
  return issues;
}
