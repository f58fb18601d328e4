import type { PremortemCreate, PremortemDetail, PremortemSummary, ScenarioInput } from '../../../src/contracts/premortems.ts';
import type { FollowUp } from '../../../src/contracts/prds.ts';
import { request } from './client.ts';

const pmPath = (id: string) => `/premortems/${encodeURIComponent(id)}`;

export const premortemsApi = {
  list: (query: { zone?: string } = {}) => request<{ items: PremortemSummary[] }>('/premortems', { query }),
  get: (id: string) => request<PremortemDetail>(pmPath(id)),
  create: (body: PremortemCreate) => request<PremortemDetail>('/premortems', { method: 'POST', json: body }),
  addScenario: (id: string, body: ScenarioInput) => request<PremortemDetail>(`${pmPath(id)}/scenarios`, { method: 'POST', json: body }),
  addMitigation: (id: string, scenarioId: string, text: string) =>
    request<PremortemDetail>(`${pmPath(id)}/scenarios/${encodeURIComponent(scenarioId)}/mitigations`, { method: 'POST', json: { text } }),
  followUp: (id: string, mitigationId: string, body: FollowUp) =>
    request<PremortemDetail>(`${pmPath(id)}/mitigations/${encodeURIComponent(mitigationId)}/follow-up`, { method: 'POST', json: body }),
  setDone: (id: string, done: boolean) => request<PremortemDetail>(`${pmPath(id)}/done`, { method: 'PUT', json: { done } }),
};
