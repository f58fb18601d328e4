/** A person's queue: regressed findings in the zones they own, remediation work for them; newest unread first. */
import { NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import type { Db } from '../store/db.ts';
import { countUnread, listQueue, markRead, type QueueItemRecord } from '../store/queue.ts';
import type { Actor } from './actor.ts';

export interface QueueItem extends Omit<QueueItemRecord, 'runFileName'> {
  message: string;
}

function describe(item: QueueItemRecord): string {
  const rem = item.remediation;
  switch (item.kind) {
    case 'finding.regressed': {
      const where = item.runFileName ? ` in run ${item.runFileName}` : '';
      const reopened = rem ? `; ${rem.key} is ${rem.status.replace('_', ' ')}` : '';
      return `Regressed${where}: "${item.finding?.title ?? 'a finding'}" had been fixed or verified and is present again${reopened}`;
    }
    case 'remediation.assigned':
      return `Assigned to you: ${rem?.key ?? 'a remediation item'} "${rem?.title ?? ''}"`;
    case 'remediation.validate':
      return `Waiting for your validation: ${rem?.key ?? 'a remediation item'} "${rem?.title ?? ''}" is fixed; check its acceptance criteria`;
    case 'remediation.escalated':
      return `Escalated: ${rem?.key ?? 'a remediation item'} "${rem?.title ?? ''}" is overdue past the policy's limit`;
    case 'risk_acceptance.expired':
      return `Risk acceptance expired: "${item.finding?.title ?? 'a finding'}" is open again and back in your triage queue`;
    case 'board.action':
      return `Review board action for you: "${item.boardAction?.text ?? ''}", due ${item.boardAction?.dueOn ?? ''} (session of ${item.boardAction?.sessionOn ?? ''})`;
  }
}

function userOf(actor: Actor): string {
  if (!actor.userId) throw new NotAllowedError('A queue belongs to a person; sign in as one');
  return actor.userId;
}

export function createQueueService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async list(actor: Actor, limit = 100): Promise<{ items: QueueItem[]; unread: number }> {
      authorize(actor.role, 'org.read');
      const userId = userOf(actor);
      const items = await listQueue(db, actor.orgId, userId, limit);
      return {
        items: items.map(({ runFileName: _f, ...i }) => ({ ...i, message: describe({ ...i, runFileName: _f }) })),
        unread: await countUnread(db, actor.orgId, userId),
      };
    },

    async markRead(actor: Actor, id: string): Promise<void> {
      authorize(actor.role, 'org.read');
      if (!(await markRead(db, actor.orgId, userOf(actor), id, new Date().toISOString()))) throw new NotFoundError('Queue item', id);
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
