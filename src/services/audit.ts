/** The audit trail: an entity's history, the recent activity, and verification of the chain. */
import { checkLink, GENESIS_HASH, type ChainBreak } from '../domain/audit-chain.ts';
import { authorize } from '../domain/roles.ts';
import type { Db } from '../store/db.ts';
import { chainHead, listEntityEvents, listRecentEvents, readChain, type EventRecord } from '../store/events.ts';
import type { Actor } from './actor.ts';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  /** The first place the chain breaks, if it does. */
  break: ChainBreak | null;
}

export function createAuditService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async history(actor: Actor, entityType: string, entityId: string, limit = 200): Promise<EventRecord[]> {
      authorize(actor.role, 'org.read');
      return listEntityEvents(db, actor.orgId, entityType, entityId, limit);
    },

    async recent(actor: Actor, limit = 100, beforeSeq?: number): Promise<EventRecord[]> {
      authorize(actor.role, 'org.read');
      return listRecentEvents(db, actor.orgId, limit, beforeSeq);
    },

    /** Recomputes every hash of the organization's chain, in order, and compares with the head. */
    async verify(actor: Actor, onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
      authorize(actor.role, 'audit.verify');
      const head = (await chainHead(db, actor.orgId)) ?? { seq: 0, hash: GENESIS_HASH };
      let expectedSeq = 1;
      let prev = GENESIS_HASH;
      let checked = 0;
      for await (const page of readChain(db, actor.orgId)) {
        for (const link of page) {
          const broken = checkLink(link, expectedSeq, prev);
          if (broken) return { ok: false, checked, headSeq: head.seq, break: broken };
          checked += 1;
          expectedSeq = link.seq + 1;
          prev = link.hash;
        }
        onProgress?.(checked, head.seq);
      }
      if (checked !== head.seq || prev !== head.hash) {
        return {
          ok: false, checked, headSeq: head.seq,
          break: { seq: checked + 1, reason: 'gap', message: `the chain ends at event #${checked} but ${head.seq} were written: the last events were deleted` },
        };
      }
      return { ok: true, checked, headSeq: head.seq, break: null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
