import type {
  BoardAction, BoardActionCreate, BoardDecisionCreate, BoardNext, BoardSession, BoardSessionCreate, BoardSessionDetail,
} from '../../../src/contracts/board.ts';
import { apiUrl, request } from './client.ts';

const sessionPath = (ref: string) => `/board/sessions/${encodeURIComponent(ref)}`;

export const boardApi = {
  list: () => request<{ items: BoardSession[] }>('/board/sessions'),
  next: () => request<BoardNext>('/board/next'),
  schedule: (body: BoardSessionCreate) => request<BoardSessionDetail>('/board/sessions', { method: 'POST', json: body }),
  get: (ref: string) => request<BoardSessionDetail>(sessionPath(ref)),
  update: (ref: string, body: { attendees?: string[]; notes?: string; scheduledOn?: string }) =>
    request<BoardSessionDetail>(sessionPath(ref), { method: 'PATCH', json: body }),
  generateAgenda: (ref: string) => request<BoardSessionDetail>(`${sessionPath(ref)}/agenda`, { method: 'POST' }),
  hold: (ref: string) => request<BoardSessionDetail>(`${sessionPath(ref)}/held`, { method: 'POST' }),
  close: (ref: string) => request<BoardSessionDetail>(`${sessionPath(ref)}/close`, { method: 'POST' }),
  decide: (ref: string, body: BoardDecisionCreate) => request<BoardSessionDetail>(`${sessionPath(ref)}/decisions`, { method: 'POST', json: body }),
  addAction: (ref: string, body: BoardActionCreate) => request<BoardSessionDetail>(`${sessionPath(ref)}/actions`, { method: 'POST', json: body }),
  /** The minutes as Markdown text (shown as text, never rendered as HTML). */
  minutes: (ref: string) => request<string>(`${sessionPath(ref)}/minutes.md`),
  minutesUrl: (ref: string) => apiUrl(`${sessionPath(ref)}/minutes.md`),
  completeAction: (id: string, note?: string) =>
    request<BoardAction>(`/board/actions/${encodeURIComponent(id)}/done`, { method: 'POST', json: note ? { note } : {} }),
};
