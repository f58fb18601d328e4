/** The organization's policy: read by everyone, changed by admins (ADR 7). */
import { applyPolicyPatch, DEFAULT_POLICY, type Policy, type PolicyPatch } from '../domain/policy.ts';
import { authorize } from '../domain/roles.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { findPolicy, savePolicy } from '../store/policies.ts';
import type { Actor } from './actor.ts';

/** The policy in force: the stored one, or the defaults. */
export async function policyOf(q: Queryable, orgId: string): Promise<Policy> {
  return (await findPolicy(q, orgId)) ?? DEFAULT_POLICY;
}

export function createPolicyService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async get(actor: Actor): Promise<Policy> {
      authorize(actor.role, 'org.read');
      return policyOf(db, actor.orgId);
    },

    /** Applies a partial change; the first change writes the organization's row. */
    async update(actor: Actor, patch: PolicyPatch): Promise<Policy> {
      authorize(actor.role, 'policy.manage');
      return db.transaction(async (tx) => {
        const before = await policyOf(tx, actor.orgId);
        const after = applyPolicyPatch(before, patch);
        const at = now();
        await savePolicy(tx, actor.orgId, after, actor.label, at.toISOString());
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'policy.updated', entityType: 'policy', entityId: actor.orgId, before, after,
        }], at);
        return after;
      });
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
