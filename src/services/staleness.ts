/** The weekly "needs re-scoping" review: open items with the reasons each needs re-scoping (ADR 0007). */
import { DEFAULT_POLICY } from '../domain/policy.ts';
import { authorize } from '../domain/roles.ts';
import { staleReasons, type StaleReason } from '../domain/staleness.ts';
import type { Db } from '../store/db.ts';
import { findPolicy } from '../store/policies.ts';
import { listStaleCandidates, type StaleCandidateRecord } from '../store/staleness.ts';
import type { Actor } from './actor.ts';

export interface StaleItem extends Omit<StaleCandidateRecord, 'findings' | 'zoneHandedOffAt'> {
  findingCount: number;
  reasons: StaleReason[];
}

export interface StalenessReview {
  asOf: string;
  staleAfterDays: number;
  items: StaleItem[];
}

const DAY_MS = 86_400_000;

export function createStalenessService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async review(actor: Actor, limit = 500): Promise<StalenessReview> {
      authorize(actor.role, 'org.read');
      const at = now();
      const { staleAfterDays } = (await findPolicy(db, actor.orgId)) ?? DEFAULT_POLICY;
      const candidates = await listStaleCandidates(db, actor.orgId, new Date(at.getTime() - staleAfterDays * DAY_MS).toISOString(), limit);
      const items = candidates.flatMap(({ findings, zoneHandedOffAt, ...c }) => {
        const reasons = staleReasons({
          status: c.status, zoneId: c.zone.id, createdAt: new Date(c.createdAt), lastActivityAt: new Date(c.lastActivityAt),
          zoneHandedOffAt: zoneHandedOffAt ? new Date(zoneHandedOffAt) : null, findings,
        }, at, staleAfterDays);
        return reasons.length ? [{ ...c, findingCount: findings.length, reasons }] : [];
      });
      return { asOf: at.toISOString(), staleAfterDays, items };
    },
  };
}

export type StalenessService = ReturnType<typeof createStalenessService>;
