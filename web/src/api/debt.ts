import type { DebtQuery, DebtReport, EscalationList, EscalationResult, StaleReview } from '../../../src/contracts/debt.ts';
import { request } from './client.ts';

export const debtApi = {
  report: (query: DebtQuery = {}) => request<DebtReport>('/debt', { query: { ...query } }),
  escalations: () => request<EscalationList>('/debt/escalations'),
  escalate: () => request<EscalationResult>('/debt/escalate', { method: 'POST' }),
  stale: () => request<StaleReview>('/remediations/stale'),
};
