import type { Role } from '../../../src/contracts/common.ts';
import type { Member } from '../../../src/contracts/users.ts';
import { request } from './client.ts';

export type MemberStatus = Member['status'];

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (query: { role?: Role; status?: MemberStatus; q?: string } = {}) =>
    request<{ items: Member[] }>('/users', { query }),
  create: (body: { email: string; name: string; role: Role; password?: string }) =>
    request<Member>('/users', { method: 'POST', json: body }),
  update: (id: string, body: { role?: Role; status?: MemberStatus; name?: string }) =>
    request<Member>(userPath(id), { method: 'PATCH', json: body }),
  remove: (id: string) => request<void>(userPath(id), { method: 'DELETE' }),
  setPassword: (id: string, password: string) =>
    request<void>(`${userPath(id)}/password`, { method: 'PUT', json: { password } }),
};
