/**
 * Safety debt use cases: the debt of open items past their SLA (effort × interest compounding
 * per sprint overdue) with totals per zone and per accountable owner; escalation of items
 * overdue too long or in a zone over its debt threshold (flagged once, an event, a decision, a
 * queue item for every active admin); and the escalated items with their deferral history.
 * Escalation also runs lazily whenever debt or escalations are read.
 */
import { debtBy, escalationReason, itemDebt, round, type ItemDebt } from '../domain/debt.ts';
import { InputError } from '../domain/errors.ts';
import { DEFAULT_POLICY, type Policy } from '../domain/policy.ts';
import { authorize } from '../domain/roles.ts';
import type { Db, Queryable } from '../store/db.ts';
import * as repo from '../store/debt.ts';
import type { DeferralRecord, OverdueItemRecord } from '../store/debt.ts';
import { appendEvents } from '../store/events.ts';
import { insertDecisions } from '../store/remediation-decisions.ts';
import { findPolicy } from '../store/policies.ts';
import { findMember, findUserByEmail } from '../store/users.ts';
import type { Actor } from './actor.ts';
import { resolveZone } from './zone-ref.ts';

export interface DebtItem extends OverdueItemRecord, ItemDebt {}

export interface DebtReport {
  asOf: string;
  rules: Pick<Policy, 'sprintDays' | 'debtInterestRate' | 'escalateAfterSprints' | 'zoneDebtThreshold'>;
  total: number;
  items: DebtItem[];
  zones: { zone: OverdueItemRecord['zone']; debt: number; items: number; overThreshold: boolean }[];
  owners: { owner: OverdueItemRecord['owner']; debt: number; items: number }[];
}

export interface EscalatedItem extends DebtItem {
  reason: string;
}

export interface EscalationResult {
  escalated: EscalatedItem[];
  /** Queue items written: one per escalated item per active admin. */
  notified: number;
}

export interface EscalationEntry extends DebtItem {
  deferrals: Omit<DeferralRecord, 'remediationId'>[];
}

const policyOf = async (q: Queryable, orgId: string): Promise<Policy> => (await findPolicy(q, orgId)) ?? DEFAULT_POLICY;

/** Debt at `now`: a paused clock reads the moment it was paused. */
function withDebt(items: readonly OverdueItemRecord[], now: Date, policy: Policy): DebtItem[] {
  return items.map((i) => ({ ...i, ...itemDebt(i.effort, new Date(i.dueAt), i.pausedAt ? new Date(i.pausedAt) : now, policy) }));
}

/** The items the escalation rule picks among those not yet escalated, with the reason. */
function toEscalate(items: readonly DebtItem[], policy: Policy): EscalatedItem[] {
  const zoneDebt = new Map(debtBy(items, (i) => i.zone.id, (i) => i.debt).map((z) => [z.key, z.debt]));
  return items.flatMap((i) => {
    if (i.escalatedAt) return [];
    const reason = escalationReason(i, zoneDebt.get(i.zone.id) ?? 0, policy);
    return reason ? [{ ...i, reason }] : [];
  });
}

export function createDebtService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  /** Applies the escalation rule to every open item of the organization; a read when nothing is due. */
  async function runEscalation(orgId: string, actorLabel: string): Promise<EscalationResult> {
    const at = now();
    const policy = await policyOf(db, orgId);
    const due = toEscalate(withDebt(await repo.listOverdueItems(db, orgId, at.toISOString()), at, policy), policy);
    if (due.length === 0) return { escalated: [], notified: 0 };
    return db.transaction(async (tx) => {
      // Again inside the transaction: a concurrent run may have escalated some already.
      const picked = toEscalate(withDebt(await repo.listOverdueItems(tx, orgId, at.toISOString()), at, policy), policy);
      const when = at.toISOString();
      const marked = new Set(await repo.markEscalated(tx, orgId, picked.map((i) => ({ id: i.id, reason: i.reason })), when));
      const escalated = picked.filter((i) => marked.has(i.id)).map((i) => ({ ...i, escalatedAt: when, escalationReason: i.reason }));
      const facts = (i: EscalatedItem) => ({ reason: i.reason, sprintsOverdue: i.sprintsOverdue, debt: i.debt, dueAt: i.dueAt });
      await insertDecisions(tx, orgId, escalated.map((i) => ({
        remediationId: i.id, kind: 'escalated' as const, rationale: `Escalated: ${i.reason}`, before: null, after: facts(i),
        actor: actorLabel, at: when,
      })));
      await appendEvents(tx, orgId, escalated.map((i) => ({
        actor: actorLabel, action: 'remediation.escalated', entityType: 'remediation', entityId: i.id, after: facts(i),
      })), at);
      const notified = await repo.queueForAdmins(tx, orgId, escalated.map((i) => i.id), when);
      return { escalated, notified };
    });
  }

  async function ownerIdOf(orgId: string, ref: string): Promise<string> {
    const user = ref.includes('@') ? await findUserByEmail(db, ref) : null;
    const id = user?.id ?? (/^[0-9a-f-]{36}$/i.test(ref) ? ref : null);
    const member = id ? await findMember(db, orgId, id) : null;
    if (!member) throw InputError.field('owner', `no member ${JSON.stringify(ref)} in this organization (give an email or a user id)`);
    return member.id;
  }

  return {
    async debt(actor: Actor, input: { zone?: string | undefined; owner?: string | undefined } = {}): Promise<DebtReport> {
      authorize(actor.role, 'org.read');
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : undefined;
      const ownerId = input.owner ? await ownerIdOf(actor.orgId, input.owner) : undefined;
      await runEscalation(actor.orgId, 'system:escalation');
      const at = now();
      const policy = await policyOf(db, actor.orgId);
      const items = withDebt(await repo.listOverdueItems(db, actor.orgId, at.toISOString(), { zoneId, ownerId }), at, policy);
      const zoneOf = new Map(items.map((i) => [i.zone.id, i.zone]));
      const ownerOf = new Map(items.map((i) => [i.owner.id, i.owner]));
      return {
        asOf: at.toISOString(),
        rules: {
          sprintDays: policy.sprintDays, debtInterestRate: policy.debtInterestRate,
          escalateAfterSprints: policy.escalateAfterSprints, zoneDebtThreshold: policy.zoneDebtThreshold,
        },
        total: round(items.reduce((s, i) => s + i.debt, 0)),
        items: [...items].sort((a, b) => b.debt - a.debt || a.number - b.number),
        zones: debtBy(items, (i) => i.zone.id, (i) => i.debt).map((z) => ({
          zone: zoneOf.get(z.key)!, debt: z.debt, items: z.items, overThreshold: z.debt > policy.zoneDebtThreshold,
        })),
        owners: debtBy(items, (i) => i.owner.id, (i) => i.debt).map((o) => ({ owner: ownerOf.get(o.key)!, debt: o.debt, items: o.items })),
      };
    },

    /** Applies the escalation rule now and returns what it escalated (nothing twice). */
    async escalate(actor: Actor): Promise<EscalationResult> {
      authorize(actor.role, 'debt.escalate');
      return runEscalation(actor.orgId, actor.label);
    },

    /** Escalated open items with their history of deferrals, for the review board. */
    async escalations(actor: Actor): Promise<EscalationEntry[]> {
      authorize(actor.role, 'org.read');
      await runEscalation(actor.orgId, 'system:escalation');
      const at = now();
      const policy = await policyOf(db, actor.orgId);
      const items = withDebt(await repo.listEscalatedItems(db, actor.orgId), at, policy);
      const deferrals = await repo.listDeferrals(db, actor.orgId, items.map((i) => i.id));
      return items.map((i) => ({
        ...i, deferrals: deferrals.filter((d) => d.remediationId === i.id).map(({ remediationId: _r, ...d }) => d),
      }));
    },
  };
}

export type DebtService = ReturnType<typeof createDebtService>;
