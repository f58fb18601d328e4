import type { FailureModeInput, FollowUp, PrdCreate, PrdDetail, PrdPatch, PrdSummary } from '../../../src/contracts/prds.ts';
import { request } from './client.ts';

const prdPath = (id: string) => `/prds/${encodeURIComponent(id)}`;

export const prdsApi = {
  list: (query: { zone?: string } = {}) => request<{ items: PrdSummary[] }>('/prds', { query }),
  get: (id: string) => request<PrdDetail>(prdPath(id)),
  create: (body: PrdCreate) => request<PrdDetail>('/prds', { method: 'POST', json: body }),
  update: (id: string, body: PrdPatch) => request<PrdDetail>(prdPath(id), { method: 'PATCH', json: body }),
  addFailureMode: (id: string, body: FailureModeInput) => request<PrdDetail>(`${prdPath(id)}/failure-modes`, { method: 'POST', json: body }),
  updateFailureMode: (id: string, modeId: string, body: FailureModeInput) =>
    request<PrdDetail>(`${prdPath(id)}/failure-modes/${encodeURIComponent(modeId)}`, { method: 'PUT', json: body }),
  removeFailureMode: (id: string, modeId: string) =>
    request<PrdDetail>(`${prdPath(id)}/failure-modes/${encodeURIComponent(modeId)}`, { method: 'DELETE' }),
  followUp: (id: string, modeId: string, body: FollowUp) =>
    request<PrdDetail>(`${prdPath(id)}/failure-modes/${encodeURIComponent(modeId)}/follow-up`, { method: 'POST', json: body }),
  submit: (id: string) => request<PrdDetail>(`${prdPath(id)}/submit`, { method: 'POST' }),
  approve: (id: string) => request<PrdDetail>(`${prdPath(id)}/approve`, { method: 'POST' }),
  reopen: (id: string, reason: string) => request<PrdDetail>(`${prdPath(id)}/reopen`, { method: 'POST', json: { reason } }),
};
