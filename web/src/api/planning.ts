import type { Period, PeriodCreate, PeriodDetail, PeriodPlan, Schedule, ScheduleResult } from '../../../src/contracts/planning.ts';
import { request } from './client.ts';

export const planningApi = {
  periods: () => request<{ items: Period[] }>('/planning/periods'),
  createPeriod: (body: PeriodCreate) => request<PeriodDetail>('/planning/periods', { method: 'POST', json: body }),
  plan: (period: string) => request<PeriodPlan>(`/planning/periods/${encodeURIComponent(period)}/plan`),
  schedule: (item: string, body: Schedule) =>
    request<ScheduleResult>(`/remediations/${encodeURIComponent(item)}/sprint`, { method: 'PUT', json: body }),
};
