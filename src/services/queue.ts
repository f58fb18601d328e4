/** A person's queue: regressed findings in the zones they own, newest unread first. */
import { NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import type { Db } from '../store/db.ts';
import { countUnread, listQueue, markRead, type QueueItemRecord } from '../store/queue.ts';
import type { Actor } from './actor.ts';

export interface QueueItem extends Omit<QueueItemRecord, 'runFileName'> {
  message: string;
}

function describe(item: QueueItemRecord): string {
  const where = item.runFileName ? ` in run ${item.runFileName}` : '';
  return `Regressed${where}: "${item.finding.title}" had been fixed or verified and is present again`;
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
