import type { Coverage, FrameworkSummary, Mapping, MappingCreate } from '../../../src/contracts/frameworks.ts';
import { request } from './client.ts';

export const frameworksApi = {
  list: async () => (await request<{ items: FrameworkSummary[] }>('/frameworks')).items,
  coverage: (id: string) => request<Coverage>(`/frameworks/${encodeURIComponent(id)}/coverage`),
  mappings: async (id: string, item: string) =>
    (await request<{ items: Mapping[] }>(`/frameworks/${encodeURIComponent(id)}/mappings`, { query: { item } })).items,
  map: (body: MappingCreate) => request<Mapping>('/frameworks/mappings', { method: 'POST', json: body }),
  unmap: (id: string) => request<void>(`/frameworks/mappings/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
