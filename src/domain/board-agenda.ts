/**
 * The review board's agenda: from the facts gathered for the period since the previous
 * session, the points each accountable owner presents. Pure: the service gathers, this file
 * decides what makes the agenda, in which order, and how each point reads.
 *
 * A point is one of: a KPI whose status changed; a new critical or high finding; a regression;
 * an overdue or escalated remediation item; the owner's safety-debt change since the previous
 * session; a risk acceptance expiring within 30 days; a launch awaiting its decision; a board
 * action item of an earlier session still open.
 */
import { addDays, daysBetween } from './calendar-date.ts';
import { round } from './debt.ts';
import { severityRank, type Severity } from './severity.ts';

export const AGENDA_KINDS = [
  'kpi_status', 'finding_new', 'finding_regressed', 'remediation_escalated', 'remediation_overdue', 'debt_change',
  'acceptance_expiring', 'launch_pending', 'action_open',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export type AgendaRecordType = 'kpi' | 'finding' | 'remediation' | 'owner' | 'risk_acceptance' | 'launch' | 'board_action';

/** Days ahead in which an expiring risk acceptance comes to the board. */
export const ACCEPTANCE_HORIZON_DAYS = 30;

export interface AgendaOwner { id: string; name: string; email: string }
export interface AgendaZone { id: string; key: string; name: string }

export type FactValue = string | number | boolean | null;

export interface AgendaPoint {
  kind: AgendaKind;
  owner: AgendaOwner | null;
  recordType: AgendaRecordType;
  recordId: string | null;
  /** A human key of the record when it has one: REM-12, a zone key for a KPI… */
  recordKey: string | null;
  title: string;
  zone: AgendaZone | null;
  facts: Record<string, FactValue>;
}

interface Owned { zone: AgendaZone | null; owner: AgendaOwner | null }

export interface KpiFact extends Owned { id: string; name: string; previous: string | null; current: string | null }
export interface FindingFact extends Owned {
  id: string; title: string; severity: Severity; firstSeenAt: string;
  /** When it last regressed (the import that saw it again), if ever. */
  regressedAt: string | null; regressedInRun: string | null;
}
export interface OverdueFact extends Owned {
  id: string; number: number; title: string; severity: Severity; dueAt: string; debt: number; sprintsOverdue: number;
  escalatedAt: string | null; escalationReason: string | null;
}
export interface AcceptanceFact extends Owned { id: string; key: string | null; title: string; status: string; expiresOn: string }
export interface LaunchFact extends Owned { id: string; name: string; plannedOn: string; status: string }
export interface ActionFact {
  id: string; text: string; dueOn: string; owner: AgendaOwner; sessionId: string; sessionOn: string;
  recordKey: string | null;
}
export interface OwnerDebt { owner: AgendaOwner; debt: number }

export interface AgendaFacts {
  /** The period: after `since`, up to and including `at`. */
  since: Date;
  at: Date;
  kpis: readonly KpiFact[];
  findings: readonly FindingFact[];
  overdue: readonly OverdueFact[];
  /** Debt per owner now, and as recorded at the previous session (null: there was none). */
  debtNow: readonly OwnerDebt[];
  debtBefore: readonly OwnerDebt[] | null;
  acceptances: readonly AcceptanceFact[];
  launches: readonly LaunchFact[];
  actions: readonly ActionFact[];
}

const KPI_STATUS_RANK: Record<string, number> = { off_track: 0, at_risk: 1, on_track: 2 };
const AWAITING_LAUNCH = new Set(['planned', 'awaiting_cosign']);
const LIVE_ACCEPTANCE = new Set(['approved']);

const inPeriod = (iso: string | null, f: AgendaFacts) => {
  if (!iso) return false;
  const t = Date.parse(iso);
  return t > f.since.getTime() && t <= f.at.getTime();
};
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

interface Ranked { point: AgendaPoint; rank: number }

function kpiPoints(f: AgendaFacts): Ranked[] {
  return f.kpis.filter((k) => k.current !== k.previous && k.current !== null
    && !(k.previous === null && (k.current === 'on_track' || k.current === 'no_data')))
    .map((k) => ({
      rank: KPI_STATUS_RANK[k.current!] ?? 3,
      point: {
        kind: 'kpi_status', owner: k.owner, zone: k.zone, recordType: 'kpi', recordId: k.id, recordKey: k.zone?.key ?? null,
        title: k.name, facts: { from: k.previous, to: k.current },
      },
    }));
}

function findingPoints(f: AgendaFacts): Ranked[] {
  return f.findings.flatMap((x): Ranked[] => {
    const base = { owner: x.owner, zone: x.zone, recordType: 'finding' as const, recordId: x.id, recordKey: null, title: x.title };
    // A finding that regressed in the period is a regression, even if it was also first seen in it.
    if (inPeriod(x.regressedAt, f)) {
      return [{ rank: severityRank(x.severity), point: { ...base, kind: 'finding_regressed', facts: { severity: x.severity, regressedAt: x.regressedAt, run: x.regressedInRun } } }];
    }
    if ((x.severity === 'critical' || x.severity === 'high') && inPeriod(x.firstSeenAt, f)) {
      return [{ rank: severityRank(x.severity), point: { ...base, kind: 'finding_new', facts: { severity: x.severity, firstSeenAt: x.firstSeenAt } } }];
    }
    return [];
  });
}

function overduePoints(f: AgendaFacts): Ranked[] {
  return f.overdue.map((r) => {
    const overdue = Date.parse(r.dueAt) < f.at.getTime();
    return {
      rank: -r.debt,
      point: {
        kind: r.escalatedAt ? 'remediation_escalated' : 'remediation_overdue', owner: r.owner, zone: r.zone,
        recordType: 'remediation', recordId: r.id, recordKey: `REM-${r.number}`, title: r.title,
        facts: {
          severity: r.severity, dueAt: r.dueAt, overdue, debt: r.debt, sprintsOverdue: r.sprintsOverdue,
          escalatedAt: r.escalatedAt, reason: r.escalationReason,
        },
      },
    };
  });
}

function debtPoints(f: AgendaFacts): Ranked[] {
  const before = new Map((f.debtBefore ?? []).map((d) => [d.owner.id, d]));
  const now = new Map(f.debtNow.map((d) => [d.owner.id, d]));
  const ids = [...new Set([...now.keys(), ...before.keys()])];
  return ids.flatMap((id): Ranked[] => {
    const current = round(now.get(id)?.debt ?? 0);
    const previous = f.debtBefore === null ? null : round(before.get(id)?.debt ?? 0);
    if (current === (previous ?? 0)) return [];
    const owner = now.get(id)?.owner ?? before.get(id)!.owner;
    return [{
      rank: -current,
      point: {
        kind: 'debt_change', owner, zone: null, recordType: 'owner', recordId: owner.id, recordKey: null, title: 'Safety debt',
        facts: { previous, current, change: round(current - (previous ?? 0)) },
      },
    }];
  });
}

function acceptancePoints(f: AgendaFacts): Ranked[] {
  const today = dayOf(f.at);
  const horizon = addDays(today, ACCEPTANCE_HORIZON_DAYS);
  return f.acceptances.filter((a) => LIVE_ACCEPTANCE.has(a.status) && a.expiresOn >= today && a.expiresOn <= horizon)
    .map((a) => ({
      rank: daysBetween(today, a.expiresOn),
      point: {
        kind: 'acceptance_expiring', owner: a.owner, zone: a.zone, recordType: 'risk_acceptance', recordId: a.id, recordKey: a.key,
        title: a.title, facts: { expiresOn: a.expiresOn, daysLeft: daysBetween(today, a.expiresOn) },
      },
    }));
}

function launchPoints(f: AgendaFacts): Ranked[] {
  return f.launches.filter((l) => AWAITING_LAUNCH.has(l.status)).map((l) => ({
    rank: daysBetween(dayOf(f.at), l.plannedOn),
    point: {
      kind: 'launch_pending', owner: l.owner, zone: l.zone, recordType: 'launch', recordId: l.id, recordKey: null, title: l.name,
      facts: { plannedOn: l.plannedOn, status: l.status },
    },
  }));
}

function actionPoints(f: AgendaFacts): Ranked[] {
  const today = dayOf(f.at);
  return f.actions.map((a) => ({
    rank: daysBetween(today, a.dueOn),
    point: {
      kind: 'action_open', owner: a.owner, zone: null, recordType: 'board_action', recordId: a.id, recordKey: a.recordKey,
      title: a.text, facts: { dueOn: a.dueOn, overdue: a.dueOn < today, sessionId: a.sessionId, sessionOn: a.sessionOn },
    },
  }));
}

const ownerKey = (o: AgendaOwner | null) => (o ? `0${o.name.toLowerCase()}\u0000${o.email}` : '1');

/**
 * The agenda's points, grouped by owner (by name; points without an owner last), and within an
 * owner by kind in AGENDA_KINDS order, then by urgency (severity, debt, days left), then title.
 */
export function assembleAgenda(f: AgendaFacts): AgendaPoint[] {
  const ranked = [
    ...kpiPoints(f), ...findingPoints(f), ...overduePoints(f), ...debtPoints(f), ...acceptancePoints(f), ...launchPoints(f),
    ...actionPoints(f),
  ];
  return ranked.sort((a, b) => ownerKey(a.point.owner).localeCompare(ownerKey(b.point.owner))
    || AGENDA_KINDS.indexOf(a.point.kind) - AGENDA_KINDS.indexOf(b.point.kind)
    || a.rank - b.rank || a.point.title.localeCompare(b.point.title)).map((r) => r.point);
}

export interface OwnerAgenda<P extends AgendaPoint = AgendaPoint> { owner: AgendaOwner | null; points: P[] }

/** Consecutive points of one owner, as assembleAgenda orders them. */
export function groupByOwner<P extends AgendaPoint>(points: readonly P[]): OwnerAgenda<P>[] {
  const groups: OwnerAgenda<P>[] = [];
  for (const p of points) {
    const last = groups.at(-1);
    if (last && (last.owner?.id ?? null) === (p.owner?.id ?? null)) last.points.push(p);
    else groups.push({ owner: p.owner, points: [p] });
  }
  return groups;
}

const words = (s: unknown) => String(s).replace(/_/g, ' ');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** One line saying what the point is, in words (the title is the record's own, shown beside it). */
export function describePoint(p: Pick<AgendaPoint, 'kind' | 'facts' | 'recordKey'>): string {
  const x = p.facts;
  switch (p.kind) {
    case 'kpi_status':
      return x.from === null ? `KPI new this period, ${words(x.to)}` : `KPI moved from ${words(x.from)} to ${words(x.to)}`;
    case 'finding_new':
      return `New ${String(x.severity)} finding`;
    case 'finding_regressed':
      return `Regressed ${String(x.severity)} finding: fixed before, seen again${x.run ? ` in run ${String(x.run)}` : ''}`;
    case 'remediation_escalated':
      return `${p.recordKey ?? 'Item'} escalated: ${String(x.reason ?? 'overdue')}`;
    case 'remediation_overdue':
      return `${p.recordKey ?? 'Item'} overdue since ${String(x.dueAt).slice(0, 10)} (${Number(x.sprintsOverdue)} sprint(s), debt ${Number(x.debt)})`;
    case 'debt_change':
      return x.previous === null
        ? `Safety debt ${Number(x.current)} (no figure from a previous session)`
        : `Safety debt ${Number(x.previous)} → ${Number(x.current)} (${signed(Number(x.change))})`;
    case 'acceptance_expiring':
      return `Risk acceptance expires on ${String(x.expiresOn)} (in ${Number(x.daysLeft)} days)`;
    case 'launch_pending':
      return `Launch planned for ${String(x.plannedOn)} awaits its ${x.status === 'awaiting_cosign' ? 'admin co-sign' : 'go / pause decision'}`;
    case 'action_open':
      return `Board action from ${String(x.sessionOn)} still open, due ${String(x.dueOn)}${x.overdue ? ' (overdue)' : ''}`;
  }
}
