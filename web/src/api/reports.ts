import type { OwnershipReport } from '../../../src/contracts/reports.ts';
import { apiUrl, request } from './client.ts';

export const reportsApi = {
  ownership: () => request<OwnershipReport>('/reports/ownership'),
  ownershipCsvUrl: () => apiUrl('/reports/ownership', { format: 'csv' }),
};
