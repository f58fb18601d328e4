/** How board sessions and action items are presented by the services, and loading a session by reference. */
import type { OwnerAgenda } from '../domain/board-agenda.ts';
import { utcDate } from '../domain/calendar-date.ts';
import { NotFoundError } from '../domain/errors.ts';
import {
  findSession, type BoardActionRecord, type BoardDecisionRecord, type BoardSessionRecord, type StoredAgendaPoint,
} from '../store/board.ts';
import type { Queryable } from '../store/db.ts';
import type { Actor } from './actor.ts';

export type BoardSession = Omit<BoardSessionRecord, 'snapshot'>;
export interface AgendaPointView extends StoredAgendaPoint { summary: string }
export interface BoardActionView extends BoardActionRecord { overdue: boolean }

export interface BoardSessionDetail extends BoardSession {
  agenda: OwnerAgenda<AgendaPointView>[];
  decisions: BoardDecisionRecord[];
  actions: BoardActionView[];
  permissions: { canManage: boolean };
}


export const sessionView = ({ snapshot: _s, ...s }: BoardSessionRecord): BoardSession => s;

export function actionView(a: BoardActionRecord, at: Date): BoardActionView {
  return { ...a, overdue: a.status === 'open' && a.dueOn < utcDate(at) };
}

export async function loadSession(q: Queryable, actor: Actor, ref: string, forUpdate = false): Promise<BoardSessionRecord> {
  const s = await findSession(q, actor.orgId, ref, forUpdate);
  if (!s) throw new NotFoundError('Board session', ref);
  return s;
}
