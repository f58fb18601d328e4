import type { GateReport, Launch, LaunchCreate, LaunchDetail } from '../../../src/contracts/launches.ts';
import { request } from './client.ts';

const launchPath = (ref: string) => `/launches/${encodeURIComponent(ref)}`;

export const launchesApi = {
  list: (query: { zone?: string } = {}) => request<{ items: Launch[] }>('/launches', { query }),
  get: (ref: string) => request<LaunchDetail>(launchPath(ref)),
  gate: (ref: string) => request<GateReport>(`${launchPath(ref)}/gate`),
  create: (body: LaunchCreate) => request<LaunchDetail>('/launches', { method: 'POST', json: body }),
  update: (ref: string, body: { prdId?: string | null; premortemId?: string | null; plannedOn?: string; name?: string }) =>
    request<LaunchDetail>(launchPath(ref), { method: 'PATCH', json: body }),
  decide: (ref: string, body: { decision: 'go' | 'pause'; rationale: string }) =>
    request<LaunchDetail>(`${launchPath(ref)}/decision`, { method: 'POST', json: body }),
  cosign: (ref: string, rationale: string) => request<LaunchDetail>(`${launchPath(ref)}/cosign`, { method: 'POST', json: { rationale } }),
};
