import type { AuditEvent, VerifyResult } from '../../../src/contracts/audit.ts';
import { request } from './client.ts';

export interface EventQuery {
  entityType?: 'zone' | 'product' | 'user' | 'org' | 'remediation';
  entityId?: string;
  limit?: number;
  beforeSeq?: number;
}

export const auditApi = {
  events: (query: EventQuery = {}) => request<{ items: AuditEvent[] }>('/events', { query: { ...query } }),
  verify: () => request<VerifyResult>('/audit/verify'),
};
