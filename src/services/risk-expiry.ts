/**
 * Expiry of risk acceptances: every live entry (draft or approved) whose expiry date has come
 * lapses — status expired, its findings back to triage (untriaged, open), each into its zone
 * owner's queue — with one `risk_acceptance.expired` event per entry and a `finding.triaged`
 * event per finding. One transaction per organization; running it again changes nothing.
 * The server runs it at start and every hour; `keel risks expire` and POST /api/risks/expire
 * run it on demand.
 */
import { utcDate } from '../domain/calendar-date.ts';
import { authorize } from '../domain/roles.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { lockLapsing, markExpired, orgsWithLapsing, queueLapsed, releaseFindings } from '../store/risk-lapse.ts';
import type { Actor } from './actor.ts';

export interface ExpiryResult {
  /** The entries that lapsed now, per organization. */
  expired: { orgId: string; id: string; key: string; expiresOn: string; findingsReopened: number }[];
  findingsReopened: number;
  queued: number;
}

const EXPIRY_ACTOR = 'system:risk-expiry';

async function expireOrg(q: Queryable, orgId: string, at: Date, actorLabel: string): Promise<ExpiryResult> {
  const due = await lockLapsing(q, orgId, utcDate(at));
  if (due.length === 0) return { expired: [], findingsReopened: 0, queued: 0 };
  const when = at.toISOString();
  const ids = due.map((d) => d.id);
  const released = await releaseFindings(q, orgId, ids, when);
  const queued = await queueLapsed(q, orgId, released, when);
  await markExpired(q, orgId, ids, released, when);
  const keyOf = new Map(due.map((d) => [d.id, `RISK-${d.number}`]));
  const count = (id: string) => released.filter((f) => f.riskAcceptanceId === id).length;
  await appendEvents(q, orgId, [
    ...due.map((d) => ({
      actor: actorLabel, action: 'risk_acceptance.expired', entityType: 'risk_acceptance', entityId: d.id,
      before: { status: d.status }, after: { status: 'expired', expiresOn: d.expiresOn, findingsReopened: count(d.id) },
    })),
    ...released.map((f) => ({
      actor: actorLabel, action: 'finding.triaged', entityType: 'finding', entityId: f.id,
      before: { triage: 'accepted_risk', riskAcceptanceId: f.riskAcceptanceId, status: f.statusBefore },
      after: { triage: 'untriaged', status: 'open', reason: `${keyOf.get(f.riskAcceptanceId)} expired` },
    })),
  ], at);
  return {
    expired: due.map((d) => ({ orgId, id: d.id, key: keyOf.get(d.id)!, expiresOn: d.expiresOn, findingsReopened: count(d.id) })),
    findingsReopened: released.length, queued,
  };
}

const merge = (a: ExpiryResult, b: ExpiryResult): ExpiryResult => ({
  expired: [...a.expired, ...b.expired], findingsReopened: a.findingsReopened + b.findingsReopened, queued: a.queued + b.queued,
});

/** Lapses every due acceptance of every organization (the server's start and hourly timer). */
export async function expireAcceptances(db: Db, now: Date): Promise<ExpiryResult> {
  let total: ExpiryResult = { expired: [], findingsReopened: 0, queued: 0 };
  for (const orgId of await orgsWithLapsing(db, utcDate(now))) {
    total = merge(total, await db.transaction((tx) => expireOrg(tx, orgId, now, EXPIRY_ACTOR)));
  }
  return total;
}

export function createRiskExpiryService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    /** Every organization, as the system (no caller to check): the server's timer. */
    expireAll: () => expireAcceptances(db, now()),
    /** The caller's organization, on demand (admins). */
    async expire(actor: Actor): Promise<ExpiryResult> {
      authorize(actor.role, 'risk.manage_any');
      return db.transaction((tx) => expireOrg(tx, actor.orgId, now(), actor.label));
    },
  };
}

export type RiskExpiryService = ReturnType<typeof createRiskExpiryService>;
