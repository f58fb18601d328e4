import type { Dashboard, Scorecard, Series } from '../../../src/contracts/metrics.ts';
import { apiUrl, request } from './client.ts';

/** A period as the API takes it: a name (90d, 2026-Q3, 2026-03) or from/to dates. */
export interface PeriodQuery { period?: string | undefined; from?: string | undefined; to?: string | undefined }
export interface DashboardScope { product?: string | undefined; zone?: string | undefined }

export const metricsApi = {
  scorecard: (owner: string | undefined, period: PeriodQuery) =>
    request<Scorecard>('/metrics/scorecard', { query: { owner, ...period } }),
  scorecardCsvUrl: (owner: string | undefined, period: PeriodQuery) =>
    apiUrl('/metrics/scorecard', { owner, ...period, format: 'csv' }),
  dashboard: (scope: DashboardScope, period: PeriodQuery) =>
    request<Dashboard>('/metrics/dashboard', { query: { ...scope, ...period } }),
  dashboardCsvUrl: (scope: DashboardScope, period: PeriodQuery) =>
    apiUrl('/metrics/dashboard', { ...scope, ...period, format: 'csv' }),
  series: (scope: { owner?: string | undefined } & DashboardScope, period: PeriodQuery) =>
    request<Series>('/metrics/series', { query: { ...scope, ...period } }),
};
