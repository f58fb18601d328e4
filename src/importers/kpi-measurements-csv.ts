/**
 * KPI measurements from a CSV file: a header row with `kpi`, `measured_at` and `value` (any
 * order, case-insensitive), one measurement a row. `kpi` is the KPI's key, `measured_at` a date
 * (midnight UTC) or an ISO 8601 date-time, `value` a number (a dot for decimals). Every problem
 * names its line and column. Pure: no database (the service resolves the keys).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Issue } from '../domain/errors.ts';
import { parseInstant } from '../domain/instant.ts';
import { fileError } from './zones-file.ts';

export interface MeasurementFileRow {
  line: number;
  kpi: string;
  measuredAt: string;
  value: number;
}

export const MAX_MEASUREMENT_ROWS = 100_000;
const MAX_ISSUES = 50;
const COLUMNS = ['kpi', 'measured_at', 'value'] as const;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function parseMeasurementsCsv(text: string): MeasurementFileRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_')),
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw fileError([{ line: e.lines ?? 1, message: `not valid CSV: ${e.message.replace(/^Invalid Record Length: /, '')}` }]);
  }
  if (records.length === 0) throw fileError([{ line: 1, message: 'the file has no measurement rows (header kpi,measured_at,value)' }]);
  const header = Object.keys(records[0]!.record);
  const headerIssues: Issue[] = [
    ...header.filter((c) => !(COLUMNS as readonly string[]).includes(c))
      .map((c) => ({ line: 1, column: c, message: `unknown column ${JSON.stringify(c)}; expected kpi, measured_at, value` })),
    ...COLUMNS.filter((c) => !header.includes(c)).map((c) => ({ line: 1, column: c, message: `the header has no ${c} column` })),
  ];
  if (headerIssues.length > 0) throw fileError(headerIssues);
  if (records.length > MAX_MEASUREMENT_ROWS) {
    throw fileError([{ line: records[MAX_MEASUREMENT_ROWS]!.info.lines, message: `the file has ${records.length} rows; at most ${MAX_MEASUREMENT_ROWS} per import` }]);
  }
  const issues: Issue[] = [];
  const rows: MeasurementFileRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const kpi = (record.kpi ?? '').trim().toLowerCase();
    const at = (record.measured_at ?? '').trim();
    const valueText = (record.value ?? '').trim();
    const measuredAt = at ? parseInstant(at) : null;
    if (!kpi) issues.push({ line, column: 'kpi', message: 'is required: the KPI\'s key' });
    if (!at) issues.push({ line, column: 'measured_at', message: 'is required: a date (YYYY-MM-DD) or an ISO 8601 date-time' });
    else if (!measuredAt) issues.push({ line, column: 'measured_at', message: `${JSON.stringify(at)} is not a date (YYYY-MM-DD) or an ISO 8601 date-time` });
    const value = NUMBER.test(valueText) ? Number(valueText) : Number.NaN;
    if (!valueText) issues.push({ line, column: 'value', message: 'is required' });
    else if (!Number.isFinite(value)) issues.push({ line, column: 'value', message: `${JSON.stringify(valueText)} is not a number` });
    if (kpi && measuredAt) {
      const first = seen.get(`${kpi} ${measuredAt}`);
      if (first !== undefined) issues.push({ line, column: 'measured_at', message: `${kpi} at ${measuredAt} appears twice (first on line ${first})` });
      else seen.set(`${kpi} ${measuredAt}`, line);
    }
    if (issues.length >= MAX_ISSUES) break;
    if (kpi && measuredAt && Number.isFinite(value)) rows.push({ line, kpi, measuredAt, value });
  }
  if (issues.length > 0) throw fileError(issues);
  return rows;
}
