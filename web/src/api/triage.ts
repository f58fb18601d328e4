import type { TriageDecide, TriageDecideResult, TriageQueue } from '../../../src/contracts/triage.ts';
import { request } from './client.ts';

export interface TriageQueueQuery {
  zone?: string;
  all?: 'true';
  limit?: number;
  offset?: number;
}

export const triageApi = {
  queue: (query: TriageQueueQuery) => request<TriageQueue>('/triage/queue', { query: { ...query } }),
  decide: (body: TriageDecide) => request<TriageDecideResult>('/triage/decisions', { method: 'POST', json: body }),
};
