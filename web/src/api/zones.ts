import type { Bucket, Tier } from '../../../src/contracts/common.ts';
import type { Handoff, ZoneDetail, ZoneImportSummary, ZoneList } from '../../../src/contracts/zones.ts';
import { request } from './client.ts';

export interface ZoneQuery {
  product?: string;
  tier?: string;
  bucket?: string;
  owner?: string;
  q?: string;
  includeArchived?: 'true' | 'false';
  sort?: string;
  limit?: number;
  offset?: number;
}

export interface ZoneCreateBody {
  product: string;
  key?: string;
  name: string;
  description?: string;
  tier: Tier;
  buckets: Bucket[];
  ownerId?: string;
  deputyId?: string | null;
}

export interface ZonePatchBody {
  product?: string;
  name?: string;
  description?: string;
  tier?: Tier;
  buckets?: Bucket[];
  deputyId?: string | null;
}

const zonePath = (key: string) => `/zones/${encodeURIComponent(key)}`;

export const zonesApi = {
  list: (query: ZoneQuery) => request<ZoneList>('/zones', { query: { ...query } }),
  get: (key: string) => request<ZoneDetail>(zonePath(key)),
  create: (body: ZoneCreateBody) => request<ZoneDetail>('/zones', { method: 'POST', json: body }),
  update: (key: string, body: ZonePatchBody) => request<ZoneDetail>(zonePath(key), { method: 'PATCH', json: body }),
  setArchived: (key: string, archived: boolean) =>
    request<ZoneDetail>(`${zonePath(key)}/archived`, { method: 'PUT', json: { archived } }),
  handoffs: (key: string) => request<{ items: Handoff[] }>(`${zonePath(key)}/handoffs`),
  handoff: (key: string, body: { toUserId: string; reason: string; keepDeputy?: boolean }) =>
    request<ZoneDetail>(`${zonePath(key)}/handoffs`, { method: 'POST', json: body }),
  importFile: (text: string, format: 'csv' | 'yaml', dryRun: boolean) =>
    request<ZoneImportSummary>('/zones/import', {
      method: 'POST',
      query: { format, dryRun: String(dryRun) },
      raw: { body: text, contentType: format === 'csv' ? 'text/csv' : 'application/yaml' },
    }),
};
