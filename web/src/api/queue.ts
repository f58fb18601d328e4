import type { Queue } from '../../../src/contracts/queue.ts';
import { request } from './client.ts';

export const queueApi = {
  get: () => request<Queue>('/queue'),
  markRead: (id: string) => request<void>(`/queue/${encodeURIComponent(id)}/read`, { method: 'POST' }),
};
