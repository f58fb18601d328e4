import type { ApiToken, CreatedApiToken, Me } from '../../../src/contracts/auth.ts';
import { request } from './client.ts';

export const authApi = {
  me: () => request<Me>('/me', { allowUnauthenticated: true }),
  login: (body: { email: string; password: string; org?: string }) =>
    request<Me>('/auth/login', { method: 'POST', json: body, allowUnauthenticated: true }),
  logout: () => request<void>('/auth/logout', { method: 'POST', allowUnauthenticated: true }),
  switchOrg: (org: string) => request<Me>('/me/org', { method: 'PUT', json: { org } }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<void>('/me/password', { method: 'PUT', json: body }),
  tokens: () => request<{ items: ApiToken[] }>('/me/tokens'),
  createToken: (body: { name: string; expiresInDays?: number }) =>
    request<CreatedApiToken>('/me/tokens', { method: 'POST', json: body }),
  revokeToken: (id: string) => request<ApiToken>(`/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
