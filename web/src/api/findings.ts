import type { FindingCreate, FindingDetail, FindingList, FindingPatch } from '../../../src/contracts/findings.ts';
import { request } from './client.ts';

/** The list's query as sent: multi-valued filters joined with commas. */
export interface FindingQuery {
  zone?: string;
  severity?: string;
  status?: string;
  tool?: string;
  category?: string;
  q?: string;
  regressed?: 'true';
  unrouted?: 'true';
  exercise?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

const findingPath = (id: string) => `/findings/${encodeURIComponent(id)}`;

export const findingsApi = {
  list: (query: FindingQuery) => request<FindingList>('/findings', { query: { ...query } }),
  get: (id: string) => request<FindingDetail>(findingPath(id)),
  create: (body: FindingCreate) => request<FindingDetail>('/findings', { method: 'POST', json: body }),
  update: (id: string, body: FindingPatch) => request<FindingDetail>(findingPath(id), { method: 'PATCH', json: body }),
  route: (id: string, zone: string) => request<FindingDetail>(`${findingPath(id)}/zone`, { method: 'PUT', json: { zone } }),
};
