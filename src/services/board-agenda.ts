/**
 * Gathering what a board agenda is built from, for the period since the previous session: the
 * findings and regressions of the period, overdue and escalated items with their debt (from the
 * debt service), KPI statuses now and at the previous session (from the KPI service), risk
 * acceptances nearing expiry, launches awaiting a decision, and board actions still open. The
 * choice and order of the points is domain/board-agenda.ts.
 */
import {
  ACCEPTANCE_HORIZON_DAYS, assembleAgenda, type AgendaFacts, type AgendaOwner, type AgendaPoint, type AgendaZone, type KpiFact,
  type OverdueFact, type OwnerDebt,
} from '../domain/board-agenda.ts';
import { addDays } from '../domain/calendar-date.ts';
import type { Db } from '../store/db.ts';
import { acceptancesExpiring, findingsOfPeriod, launchesAwaitingDecision } from '../store/board-facts.ts';
import { listActions, previousHeldSession, type BoardSessionRecord, type SessionSnapshot } from '../store/board.ts';
import { listKpis } from '../store/kpis.ts';
import { findMember } from '../store/users.ts';
import type { Actor } from './actor.ts';
import { createDebtService, type DebtItem } from './debt.ts';
import { statusesOf } from './kpi-view.ts';

const DAY = 86_400_000;

export interface AgendaPeriod { since: Date; at: Date; previous: BoardSessionRecord | null }

/** The period of a session's agenda: from the previous session that met (else one cadence back) to now. */
export async function agendaPeriod(db: Db, orgId: string, session: BoardSessionRecord, at: Date): Promise<AgendaPeriod> {
  const previous = await previousHeldSession(db, orgId, session.scheduledOn);
  const since = previous?.heldAt ? new Date(previous.heldAt)
    : new Date(Date.parse(`${session.scheduledOn}T00:00:00Z`) - session.cadenceDays * DAY);
  return { since: since.getTime() < at.getTime() ? since : new Date(at.getTime() - session.cadenceDays * DAY), at, previous };
}

const toOverdue = (i: DebtItem): OverdueFact => ({
  id: i.id, number: i.number, title: i.title, severity: i.severity, dueAt: i.dueAt, debt: i.debt, sprintsOverdue: i.sprintsOverdue,
  escalatedAt: i.escalatedAt, escalationReason: i.escalationReason,
  zone: { id: i.zone.id, key: i.zone.key, name: i.zone.name }, owner: i.owner,
});

interface KpiNow { id: string; name: string; status: string; zone: AgendaZone; owner: AgendaOwner | null }

/**
 * The status of every outcome KPI of the organization at `at` (activity metrics and archived
 * KPIs left out, as on scorecards), by the KPI service's rule, with the zone's owner.
 */
async function kpiStatusesAt(db: Db, actor: Actor, at: Date): Promise<KpiNow[]> {
  const kpis = await listKpis(db, actor.orgId, {});
  const entries = await statusesOf(db, kpis, at);
  const owners = new Map<string, AgendaOwner | null>();
  for (const id of new Set(kpis.map((k) => k.zone.ownerId))) {
    const m = await findMember(db, actor.orgId, id);
    owners.set(id, m ? { id: m.id, name: m.name, email: m.email } : null);
  }
  return entries.map((e) => ({
    id: e.kpi.id, name: e.kpi.name, status: e.status.status,
    zone: { id: e.kpi.zone.id, key: e.kpi.zone.key, name: e.kpi.zone.name }, owner: owners.get(e.kpi.zone.ownerId) ?? null,
  }));
}

const kpiFact = (k: KpiNow, previous: string | null): KpiFact => ({
  id: k.id, name: k.name, previous, current: k.status, zone: k.zone, owner: k.owner,
});

/** What the board records as of a session: each owner's safety debt and each KPI's status. */
export async function takeSnapshot(db: Db, actor: Actor, at: Date): Promise<SessionSnapshot> {
  const debt = await createDebtService({ db, now: () => at }).debt(actor);
  const kpis = await kpiStatusesAt(db, actor, at);
  return {
    debt: Object.fromEntries(debt.owners.map((o) => [o.owner.id, { name: o.owner.name, email: o.owner.email, debt: o.debt }])),
    kpis: Object.fromEntries(kpis.map((k) => [k.id, k.status])),
  };
}

/** The agenda points of a session for its period, as of `period.at`. */
export async function gatherAgenda(db: Db, actor: Actor, session: BoardSessionRecord, period: AgendaPeriod): Promise<AgendaPoint[]> {
  const { since, at, previous } = period;
  const debtService = createDebtService({ db, now: () => at });
  const debt = await debtService.debt(actor);
  const escalated = await debtService.escalations(actor);
  const overdue = new Map<string, DebtItem>(debt.items.map((i) => [i.id, i]));
  for (const e of escalated) if (!overdue.has(e.id)) overdue.set(e.id, e);

  const before = previous?.snapshot ?? null;
  const kpisNow = await kpiStatusesAt(db, actor, at);
  const kpisThen = new Map((await kpiStatusesAt(db, actor, since)).map((k) => [k.id, k.status]));
  const debtBefore: OwnerDebt[] | null = before
    ? Object.entries(before.debt).map(([id, d]) => ({ owner: { id, name: d.name, email: d.email }, debt: d.debt })) : null;

  const today = at.toISOString().slice(0, 10);
  const actions = await listActions(db, actor.orgId, { status: 'open', notSessionId: session.id });
  const facts: AgendaFacts = {
    since, at,
    kpis: kpisNow.map((k) => kpiFact(k, before?.kpis[k.id] ?? kpisThen.get(k.id) ?? null)),
    findings: await findingsOfPeriod(db, actor.orgId, since.toISOString(), at.toISOString()),
    overdue: [...overdue.values()].map(toOverdue),
    debtNow: debt.owners.map((o) => ({ owner: o.owner, debt: o.debt })),
    debtBefore,
    acceptances: await acceptancesExpiring(db, actor.orgId, today, addDays(today, ACCEPTANCE_HORIZON_DAYS)),
    launches: await launchesAwaitingDecision(db, actor.orgId),
    actions: actions.filter((a) => a.sessionOn < session.scheduledOn).map((a) => ({
      id: a.id, text: a.text, dueOn: a.dueOn, owner: a.owner, sessionId: a.sessionId, sessionOn: a.sessionOn, recordKey: a.record?.key ?? null,
    })),
  };
  return assembleAgenda(facts);
}
