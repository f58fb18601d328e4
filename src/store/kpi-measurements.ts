/** The time series of KPIs: one measurement per KPI and instant. */
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';

export type MeasurementSource = 'api' | 'csv' | 'cli';

export interface MeasurementRecord {
  kpiId: string;
  measuredAt: string;
  value: number;
  source: MeasurementSource;
  recordedBy: string;
  recordedAt: string;
}

interface Row {
  kpi_id: string; measured_at: Date | string; value: number; source: MeasurementSource; recorded_by: string; recorded_at: Date | string;
}

const toRecord = (r: Row): MeasurementRecord => ({
  kpiId: r.kpi_id, measuredAt: iso(r.measured_at), value: r.value, source: r.source, recordedBy: r.recorded_by, recordedAt: iso(r.recorded_at),
});

/** The stored values of one KPI at the given instants (to tell new, unchanged and corrected apart). */
export async function measurementsAt(q: Queryable, kpiId: string, instants: readonly string[]): Promise<Map<string, number>> {
  if (instants.length === 0) return new Map();
  const rows = await q.query<{ measured_at: Date | string; value: number }>(
    `SELECT measured_at, value FROM kpi_measurements WHERE kpi_id = $1 AND measured_at = ANY($2::timestamptz[]) FOR UPDATE`,
    [kpiId, [...instants]]);
  return new Map(rows.map((r) => [iso(r.measured_at), r.value]));
}

export interface MeasurementWrite { measuredAt: string; value: number }

/** Inserts or overwrites the measurements of one KPI (the caller has told which are which). */
export async function upsertMeasurements(
  q: Queryable, orgId: string, kpiId: string, rows: readonly MeasurementWrite[],
  meta: { source: MeasurementSource; recordedBy: string; at: string },
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await q.query(
      `INSERT INTO kpi_measurements (org_id, kpi_id, measured_at, value, source, recorded_by, recorded_at)
       SELECT $1, $2, m.at, m.value, $5, $6, $7 FROM unnest($3::timestamptz[], $4::float8[]) AS m(at, value)
       ON CONFLICT (kpi_id, measured_at) DO UPDATE
         SET value = excluded.value, source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      [orgId, kpiId, chunk.map((r) => r.measuredAt), chunk.map((r) => r.value), meta.source, meta.recordedBy, meta.at]);
  }
}

/** Measurements of one KPI in [from, to], oldest first. */
export async function listSeries(q: Queryable, kpiId: string, from: string | null, to: string | null, limit = 20_000): Promise<MeasurementRecord[]> {
  const rows = await q.query<Row>(
    `SELECT kpi_id, measured_at, value, source, recorded_by, recorded_at FROM kpi_measurements
      WHERE kpi_id = $1 AND ($2::timestamptz IS NULL OR measured_at >= $2) AND ($3::timestamptz IS NULL OR measured_at <= $3)
      ORDER BY measured_at LIMIT $4`, [kpiId, from, to, limit]);
  return rows.map(toRecord);
}

/** The points of several KPIs in [from, to] (what the status needs: two periods), by KPI. */
export async function seriesOf(
  q: Queryable, kpiIds: readonly string[], from: string, to: string,
): Promise<Map<string, { at: string; value: number }[]>> {
  const out = new Map<string, { at: string; value: number }[]>(kpiIds.map((id) => [id, []]));
  if (kpiIds.length === 0) return out;
  const rows = await q.query<{ kpi_id: string; measured_at: Date | string; value: number }>(
    `SELECT kpi_id, measured_at, value FROM kpi_measurements
      WHERE kpi_id = ANY($1::uuid[]) AND measured_at >= $2 AND measured_at <= $3 ORDER BY kpi_id, measured_at`,
    [[...kpiIds], from, to]);
  for (const r of rows) out.get(r.kpi_id)!.push({ at: iso(r.measured_at), value: r.value });
  return out;
}

/** The latest measurement of a KPI at or before `at`. */
export async function latestMeasurement(q: Queryable, kpiId: string, at: string): Promise<MeasurementRecord | null> {
  const [row] = await q.query<Row>(
    `SELECT kpi_id, measured_at, value, source, recorded_by, recorded_at FROM kpi_measurements
      WHERE kpi_id = $1 AND measured_at <= $2 ORDER BY measured_at DESC LIMIT 1`, [kpiId, at]);
  return row ? toRecord(row) : null;
}

/** The latest measurement of each KPI at or before `at`. */
export async function latestMeasurements(q: Queryable, kpiIds: readonly string[], at: string): Promise<Map<string, { at: string; value: number }>> {
  if (kpiIds.length === 0) return new Map();
  const rows = await q.query<{ kpi_id: string; measured_at: Date | string; value: number }>(
    `SELECT DISTINCT ON (kpi_id) kpi_id, measured_at, value FROM kpi_measurements
      WHERE kpi_id = ANY($1::uuid[]) AND measured_at <= $2 ORDER BY kpi_id, measured_at DESC`, [[...kpiIds], at]);
  return new Map(rows.map((r) => [r.kpi_id, { at: iso(r.measured_at), value: r.value }]));
}
