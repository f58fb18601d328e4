import type { RiskDetail, RiskList, RiskPatch } from '../../../src/contracts/risks.ts';
import { apiUrl, request } from './client.ts';

/** The register's query as sent: multi-valued filters joined with commas. */
export interface RiskQuery {
  zone?: string;
  status?: string;
  residualSeverity?: string;
  expiringWithinDays?: number;
  limit?: number;
  offset?: number;
}

const riskPath = (ref: string) => `/risks/${encodeURIComponent(ref)}`;

export const risksApi = {
  list: (query: RiskQuery) => request<RiskList>('/risks', { query: { ...query } }),
  /** The export's address (a plain download link: the browser sends the session cookie). */
  csvUrl: (query: RiskQuery) => apiUrl('/risks', { ...query, limit: undefined, offset: undefined, format: 'csv' }),
  get: (ref: string) => request<RiskDetail>(riskPath(ref)),
  update: (ref: string, body: RiskPatch) => request<RiskDetail>(riskPath(ref), { method: 'PATCH', json: body }),
  approve: (ref: string) => request<RiskDetail>(`${riskPath(ref)}/approve`, { method: 'POST' }),
  revoke: (ref: string, reason: string) => request<RiskDetail>(`${riskPath(ref)}/revoke`, { method: 'POST', json: { reason } }),
};
