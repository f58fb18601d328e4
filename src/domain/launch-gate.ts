/**
 * The launch gate: each check is a pure function from the records it reads to pass / fail /
 * not required, with the evidence (record ids) a person can open. The service gathers the
 * inputs; evaluateGate puts the checks together. A gate passes when no check fails.
 */
import { worsening } from './kpi-status.ts';
import type { Tier } from './zones.ts';

export type CheckStatus = 'pass' | 'fail' | 'not_required';
export type CheckKey = 'prd_approved' | 'premortem_done' | 'no_open_critical' | 'no_overdue_high' | 'no_kpi_regression' | 'no_expired_acceptance';
export type EvidenceKind = 'prd' | 'premortem' | 'finding' | 'remediation' | 'kpi' | 'risk_acceptance';

export interface Evidence {
  kind: EvidenceKind;
  id: string;
  label: string;
  detail: string;
}

export interface CheckResult {
  key: CheckKey;
  title: string;
  status: CheckStatus;
  summary: string;
  evidence: Evidence[];
}

export interface GateEvaluation {
  passed: boolean;
  failing: CheckKey[];
  checks: CheckResult[];
}

/** Default adverse move of an outcome KPI since the zone's last launch that fails the gate. */
export const DEFAULT_KPI_REGRESSION_THRESHOLD = 0.2;

const result = (key: CheckKey, title: string, status: CheckStatus, summary: string, evidence: Evidence[] = []): CheckResult =>
  ({ key, title, status, summary, evidence });

export interface GatePrd { id: string; title: string; status: 'draft' | 'in_review' | 'approved'; approvedAt: string | null }

export function checkPrdApproved(prd: GatePrd | null): CheckResult {
  const title = 'PRD approved';
  if (!prd) return result('prd_approved', title, 'fail', 'No PRD is linked to this launch');
  const evidence = [{ kind: 'prd' as const, id: prd.id, label: prd.title, detail: prd.status.replace('_', ' ') }];
  return prd.status === 'approved'
    ? result('prd_approved', title, 'pass', `Approved on ${prd.approvedAt?.slice(0, 10) ?? '?'}`, evidence)
    : result('prd_approved', title, 'fail', `The PRD is ${prd.status.replace('_', ' ')}, not approved`, evidence);
}

export interface GatePremortem { id: string; release: string; heldOn: string; completedAt: string | null }

/** Tier-1 and tier-2 zones need a completed pre-mortem; tier 3 and 4 do not. */
export function checkPremortemDone(tier: Tier, premortem: GatePremortem | null): CheckResult {
  const title = 'Pre-mortem done';
  const evidence = premortem
    ? [{ kind: 'premortem' as const, id: premortem.id, label: premortem.release, detail: premortem.completedAt ? 'done' : 'not complete' }]
    : [];
  if (tier === 'tier3' || tier === 'tier4') {
    return result('premortem_done', title, 'not_required', `Not required for a ${tier} zone`, evidence);
  }
  if (!premortem) return result('premortem_done', title, 'fail', `A ${tier} zone needs a pre-mortem; none is linked`);
  return premortem.completedAt
    ? result('premortem_done', title, 'pass', `Completed on ${premortem.completedAt.slice(0, 10)}`, evidence)
    : result('premortem_done', title, 'fail', 'The pre-mortem is not marked complete', evidence);
}

export interface GateFinding { id: string; title: string; firstSeenAt: string }

export function checkNoOpenCritical(openCritical: GateFinding[], total = openCritical.length): CheckResult {
  const title = 'No open critical finding';
  if (total === 0) return result('no_open_critical', title, 'pass', 'No open critical finding in the zone');
  return result('no_open_critical', title, 'fail', `${total} open critical finding${total === 1 ? '' : 's'} in the zone`,
    openCritical.map((f) => ({ kind: 'finding', id: f.id, label: f.title, detail: `open since ${f.firstSeenAt.slice(0, 10)}` })));
}

export interface GateHighFinding extends GateFinding {
  /** The open remediation item the finding is linked to, if any. */
  remediation: { id: string; key: string; dueAt: string; pausedAt: string | null } | null;
}

/**
 * When an open high finding is overdue: past its item's SLA due date (a paused clock counts
 * as of the pause), or — without an open item — older than the SLA days for high in the zone.
 */
export function highFindingDue(f: GateHighFinding, slaDaysHigh: number): string {
  if (f.remediation) return f.remediation.dueAt;
  return new Date(new Date(f.firstSeenAt).getTime() + slaDaysHigh * 86_400_000).toISOString();
}

export function isOverdueHigh(f: GateHighFinding, slaDaysHigh: number, now: Date): boolean {
  const clock = f.remediation?.pausedAt ? new Date(f.remediation.pausedAt) : now;
  return clock.getTime() > new Date(highFindingDue(f, slaDaysHigh)).getTime();
}

export function checkNoOverdueHigh(openHigh: GateHighFinding[], slaDaysHigh: number, now: Date): CheckResult {
  const title = 'No overdue high finding';
  const overdue = openHigh.filter((f) => isOverdueHigh(f, slaDaysHigh, now));
  if (overdue.length === 0) {
    return result('no_overdue_high', title, 'pass',
      openHigh.length ? `${openHigh.length} open high finding${openHigh.length === 1 ? '' : 's'}, none overdue` : 'No open high finding in the zone');
  }
  const evidence: Evidence[] = [];
  for (const f of overdue) {
    const due = highFindingDue(f, slaDaysHigh).slice(0, 10);
    evidence.push({ kind: 'finding', id: f.id, label: f.title, detail: f.remediation ? `${f.remediation.key} was due ${due}` : `no remediation item; due ${due} (${slaDaysHigh}-day SLA)` });
    if (f.remediation) evidence.push({ kind: 'remediation', id: f.remediation.id, label: f.remediation.key, detail: `due ${due}` });
  }
  return result('no_overdue_high', title, 'fail', `${overdue.length} high finding${overdue.length === 1 ? ' is' : 's are'} past the SLA`, evidence);
}

export interface GatePoint { value: number; measuredAt: string }

export interface GateKpi {
  id: string;
  key: string;
  name: string;
  unit: string | null;
  direction: 'lower' | 'higher';
  measures: 'outcome' | 'activity';
  /** The last measurement at or before the reference instant (else the first one after it). */
  reference: GatePoint | null;
  latest: GatePoint | null;
}

/**
 * The adverse share of the move from reference to latest (kpi-status.ts `worsening`): positive
 * when the KPI got worse (up for lower-is-better, down for higher-is-better), Infinity for a
 * worsening from 0.
 */
export function adverseMove(kpi: Pick<GateKpi, 'direction'>, reference: number, latest: number): number {
  return worsening(kpi.direction, reference, latest);
}

const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 1000) / 10} %` : 'from 0');

/**
 * No outcome KPI of the zone moved adversely by more than `threshold` (0.2 = 20 %) since the
 * zone's last launch (`since`; null: since its first measurement). Activity KPIs do not count.
 */
export function checkNoKpiRegression(kpis: GateKpi[], threshold: number, since: string | null): CheckResult {
  const title = 'No outcome-KPI regression';
  const outcome = kpis.filter((k) => k.measures === 'outcome');
  const from = since ? `since the last launch (${since.slice(0, 10)})` : 'since the first measurement';
  if (outcome.length === 0) return result('no_kpi_regression', title, 'pass', 'The zone has no outcome KPI');
  const regressed: Evidence[] = [];
  const measured = outcome.filter((k) => k.reference && k.latest && k.reference.measuredAt < k.latest.measuredAt);
  for (const k of measured) {
    const move = adverseMove(k, k.reference!.value, k.latest!.value);
    if (move > threshold) {
      const unit = k.unit ? ` ${k.unit}` : '';
      regressed.push({
        kind: 'kpi', id: k.id, label: k.name,
        detail: `${k.reference!.value}${unit} → ${k.latest!.value}${unit} (${pct(move)} worse; ${k.direction} is better)`,
      });
    }
  }
  const limit = `${Math.round(threshold * 1000) / 10} %`;
  if (regressed.length) {
    return result('no_kpi_regression', title, 'fail',
      `${regressed.length} outcome KPI${regressed.length === 1 ? '' : 's'} worse by more than ${limit} ${from}`, regressed);
  }
  const unmeasured = outcome.length - measured.length;
  return result('no_kpi_regression', title, 'pass',
    `${measured.length} outcome KPI${measured.length === 1 ? '' : 's'} within ${limit} ${from}${unmeasured ? `; ${unmeasured} without two measurements` : ''}`);
}

export interface GateAcceptance { id: string; status: 'draft' | 'approved' | 'expired' | 'revoked'; expiresOn: string; justification: string }

/**
 * Expired: marked so, or a draft or approved acceptance whose expiry date has come — the
 * register's rule (an entry lapses from 00:00 UTC of its expiry date), so a launch cannot pass
 * on the day the expiry sweep is about to lapse the acceptance.
 */
export function isExpiredAcceptance(a: GateAcceptance, today: string): boolean {
  return a.status === 'expired' || ((a.status === 'draft' || a.status === 'approved') && a.expiresOn <= today);
}

export function checkNoExpiredAcceptance(acceptances: GateAcceptance[], today: string): CheckResult {
  const title = 'No expired risk acceptance';
  const expired = acceptances.filter((a) => isExpiredAcceptance(a, today));
  if (expired.length === 0) return result('no_expired_acceptance', title, 'pass', 'No expired risk acceptance in the zone');
  return result('no_expired_acceptance', title, 'fail', `${expired.length} risk acceptance${expired.length === 1 ? ' has' : 's have'} expired`,
    expired.map((a) => ({ kind: 'risk_acceptance', id: a.id, label: a.justification.slice(0, 120), detail: `expired ${a.expiresOn}` })));
}

export interface GateInput {
  tier: Tier;
  prd: GatePrd | null;
  premortem: GatePremortem | null;
  openCritical: GateFinding[];
  openCriticalTotal: number;
  openHigh: GateHighFinding[];
  slaDaysHigh: number;
  kpis: GateKpi[];
  kpiThreshold: number;
  lastLaunchAt: string | null;
  acceptances: GateAcceptance[];
  now: Date;
}

export function evaluateGate(i: GateInput): GateEvaluation {
  const checks = [
    checkPrdApproved(i.prd),
    checkPremortemDone(i.tier, i.premortem),
    checkNoOpenCritical(i.openCritical, i.openCriticalTotal),
    checkNoOverdueHigh(i.openHigh, i.slaDaysHigh, i.now),
    checkNoKpiRegression(i.kpis, i.kpiThreshold, i.lastLaunchAt),
    checkNoExpiredAcceptance(i.acceptances, i.now.toISOString().slice(0, 10)),
  ];
  const failing = checks.filter((c) => c.status === 'fail').map((c) => c.key);
  return { passed: failing.length === 0, failing, checks };
}
