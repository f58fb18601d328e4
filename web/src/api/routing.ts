import type { RoutingRule, RoutingRuleCreate } from '../../../src/contracts/routing.ts';
import { request } from './client.ts';

export const routingApi = {
  list: () => request<{ items: RoutingRule[] }>('/routing-rules'),
  create: (body: RoutingRuleCreate) => request<RoutingRule>('/routing-rules', { method: 'POST', json: body }),
  remove: (id: string) => request<void>(`/routing-rules/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
