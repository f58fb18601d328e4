import type {
  CsvImportResult, Kpi, KpiCreate, KpiList, KpiPatch, KpiSeries, MeasurementInput, RecordResult, ZoneKpis,
} from '../../../src/contracts/kpis.ts';
import { request } from './client.ts';

const kpiPath = (ref: string) => `/kpis/${encodeURIComponent(ref)}`;

export const kpisApi = {
  list: (query: { zone?: string; includeActivity?: boolean; includeArchived?: boolean }) =>
    request<KpiList>('/kpis', { query: { zone: query.zone, includeActivity: query.includeActivity ? 'true' : undefined, includeArchived: query.includeArchived ? 'true' : undefined } }),
  forZone: (zoneKey: string, includeActivity = false) =>
    request<ZoneKpis>(`/zones/${encodeURIComponent(zoneKey)}/kpis`, { query: { includeActivity: includeActivity ? 'true' : undefined } }),
  get: (ref: string) => request<Kpi>(kpiPath(ref)),
  create: (body: KpiCreate) => request<Kpi>('/kpis', { method: 'POST', json: body }),
  update: (ref: string, body: KpiPatch) => request<Kpi>(kpiPath(ref), { method: 'PATCH', json: body }),
  record: (ref: string, measurements: MeasurementInput[]) => request<RecordResult>(`${kpiPath(ref)}/measurements`, { method: 'POST', json: measurements }),
  importCsv: (text: string) => request<CsvImportResult>('/kpis/measurements/csv', { method: 'POST', raw: { body: text, contentType: 'text/csv' } }),
  series: (ref: string, range: { from?: string; to?: string } = {}) => request<KpiSeries>(`${kpiPath(ref)}/series`, { query: range }),
};
