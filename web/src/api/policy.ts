import type { Policy, PolicyPatch } from '../../../src/contracts/policy.ts';
import { request } from './client.ts';

export const policyApi = {
  get: () => request<Policy>('/policy'),
  update: (body: PolicyPatch) => request<Policy>('/policy', { method: 'PATCH', json: body }),
};
