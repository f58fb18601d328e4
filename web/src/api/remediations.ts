import type {
  CriterionInput, MilestonePatch, MilestoneStage, Move, RemediationDetail, RemediationList, RemediationPatch, Reprioritize,
} from '../../../src/contracts/remediations.ts';
import { request } from './client.ts';

/** The list's query as sent: multi-valued filters joined with commas. */
export interface RemediationQuery {
  zone?: string;
  status?: string;
  severity?: string;
  assignee?: string;
  overdue?: 'true';
  q?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

const itemPath = (ref: string) => `/remediations/${encodeURIComponent(ref)}`;
const criterionPath = (ref: string, id: string) => `${itemPath(ref)}/criteria/${encodeURIComponent(id)}/check`;

export const remediationsApi = {
  list: (query: RemediationQuery) => request<RemediationList>('/remediations', { query: { ...query } }),
  get: (ref: string) => request<RemediationDetail>(itemPath(ref)),
  update: (ref: string, body: RemediationPatch) => request<RemediationDetail>(itemPath(ref), { method: 'PATCH', json: body }),
  reprioritize: (ref: string, body: Reprioritize) => request<RemediationDetail>(`${itemPath(ref)}/priority`, { method: 'POST', json: body }),
  move: (ref: string, body: Move) => request<RemediationDetail>(`${itemPath(ref)}/status`, { method: 'POST', json: body }),
  pauseSla: (ref: string, rationale: string) => request<RemediationDetail>(`${itemPath(ref)}/sla/pause`, { method: 'POST', json: { rationale } }),
  resumeSla: (ref: string, rationale: string) => request<RemediationDetail>(`${itemPath(ref)}/sla/resume`, { method: 'POST', json: { rationale } }),
  addCriterion: (ref: string, body: CriterionInput) => request<RemediationDetail>(`${itemPath(ref)}/criteria`, { method: 'POST', json: body }),
  checkCriterion: (ref: string, id: string, evidence: string) =>
    request<RemediationDetail>(criterionPath(ref, id), { method: 'POST', json: { evidence } }),
  uncheckCriterion: (ref: string, id: string) => request<RemediationDetail>(criterionPath(ref, id), { method: 'DELETE' }),
  setMilestone: (ref: string, stage: MilestoneStage, body: MilestonePatch) =>
    request<RemediationDetail>(`${itemPath(ref)}/milestones/${stage}`, { method: 'PUT', json: body }),
};
