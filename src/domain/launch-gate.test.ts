import { describe, expect, it } from 'vitest';
import {
  adverseMove, checkNoExpiredAcceptance, checkNoKpiRegression, checkNoOpenCritical, checkNoOverdueHigh, checkPremortemDone,
  checkPrdApproved, evaluateGate, type GateKpi,
} from './launch-gate.ts';

const NOW = new Date('2026-05-10T12:00:00.000Z');

describe('launch gate: PRD approved', () => {
  it('fails without a PRD, fails while in review, passes when approved, with the PRD as evidence', () => {
    expect(checkPrdApproved(null)).toMatchObject({ status: 'fail', summary: 'No PRD is linked to this launch', evidence: [] });
    expect(checkPrdApproved({ id: 'p1', title: 'Voice mode', status: 'in_review', approvedAt: null }))
      .toMatchObject({ status: 'fail', summary: 'The PRD is in review, not approved', evidence: [{ kind: 'prd', id: 'p1', label: 'Voice mode', detail: 'in review' }] });
    expect(checkPrdApproved({ id: 'p1', title: 'Voice mode', status: 'approved', approvedAt: '2026-05-01T08:00:00.000Z' }))
      .toMatchObject({ status: 'pass', summary: 'Approved on 2026-05-01', evidence: [{ kind: 'prd', id: 'p1' }] });
  });
});

describe('launch gate: pre-mortem done', () => {
  const open = { id: 'm1', release: 'v4.2', heldOn: '2026-05-02', completedAt: null };
  it('requires a completed pre-mortem in tier-1 and tier-2 zones', () => {
    expect(checkPremortemDone('tier1', null)).toMatchObject({ status: 'fail', summary: 'A tier1 zone needs a pre-mortem; none is linked' });
    expect(checkPremortemDone('tier2', open)).toMatchObject({ status: 'fail', summary: 'The pre-mortem is not marked complete', evidence: [{ id: 'm1', detail: 'not complete' }] });
    expect(checkPremortemDone('tier1', { ...open, completedAt: '2026-05-03T10:00:00.000Z' })).toMatchObject({ status: 'pass', summary: 'Completed on 2026-05-03' });
  });
  it('says "not required" for tier 3 and 4, with or without one', () => {
    expect(checkPremortemDone('tier3', null)).toMatchObject({ status: 'not_required', summary: 'Not required for a tier3 zone' });
    expect(checkPremortemDone('tier4', open).status).toBe('not_required');
  });
});

describe('launch gate: open critical findings', () => {
  it('fails on any, listing each as evidence and counting beyond the list', () => {
    expect(checkNoOpenCritical([])).toMatchObject({ status: 'pass', evidence: [] });
    const c = checkNoOpenCritical([{ id: 'f1', title: 'Key leak', firstSeenAt: '2026-04-01T00:00:00.000Z' }], 3);
    expect(c).toMatchObject({ status: 'fail', summary: '3 open critical findings in the zone', evidence: [{ kind: 'finding', id: 'f1', label: 'Key leak', detail: 'open since 2026-04-01' }] });
  });
});

describe('launch gate: overdue high findings', () => {
  const base = { id: 'f1', title: 'Jailbreak', firstSeenAt: '2026-04-01T00:00:00.000Z' };
  it('uses the item\'s due date when the finding has an open item', () => {
    const ok = { ...base, remediation: { id: 'r1', key: 'REM-4', dueAt: '2026-05-11T00:00:00.000Z', pausedAt: null } };
    expect(checkNoOverdueHigh([ok], 30, NOW)).toMatchObject({ status: 'pass', summary: '1 open high finding, none overdue' });
    const late = { ...base, remediation: { id: 'r1', key: 'REM-4', dueAt: '2026-05-09T00:00:00.000Z', pausedAt: null } };
    expect(checkNoOverdueHigh([late], 30, NOW)).toMatchObject({
      status: 'fail', summary: '1 high finding is past the SLA',
      evidence: [{ kind: 'finding', id: 'f1', detail: 'REM-4 was due 2026-05-09' }, { kind: 'remediation', id: 'r1', label: 'REM-4' }],
    });
    // a clock paused before the due date is not overdue
    const paused = { ...late, remediation: { ...late.remediation, pausedAt: '2026-05-08T00:00:00.000Z' } };
    expect(checkNoOverdueHigh([paused], 30, NOW).status).toBe('pass');
  });
  it('without an item, counts the SLA days for high from first seen', () => {
    const f = { ...base, remediation: null };
    expect(checkNoOverdueHigh([f], 60, NOW).status).toBe('pass');
    expect(checkNoOverdueHigh([f], 30, NOW)).toMatchObject({ status: 'fail', evidence: [{ detail: 'no remediation item; due 2026-05-01 (30-day SLA)' }] });
  });
});

describe('launch gate: KPI regression', () => {
  const kpi = (over: Partial<GateKpi>): GateKpi => ({
    id: 'k1', key: 'harm-rate', name: 'Harmful reply rate', unit: '%', direction: 'lower', measures: 'outcome',
    reference: { value: 1, measuredAt: '2026-04-01T00:00:00.000Z' }, latest: { value: 1.1, measuredAt: '2026-05-01T00:00:00.000Z' }, ...over,
  });
  it('measures the adverse move by direction', () => {
    expect(adverseMove({ direction: 'lower' }, 10, 13)).toBeCloseTo(0.3);
    expect(adverseMove({ direction: 'lower' }, 10, 7)).toBeCloseTo(-0.3);
    expect(adverseMove({ direction: 'higher' }, 80, 60)).toBeCloseTo(0.25);
    expect(adverseMove({ direction: 'higher' }, 0, 5)).toBe(0);
    expect(adverseMove({ direction: 'lower' }, 0, 5)).toBe(Number.POSITIVE_INFINITY);
  });
  it('passes within the threshold and fails beyond it, naming the KPI and the move', () => {
    expect(checkNoKpiRegression([kpi({})], 0.2, '2026-04-02T00:00:00.000Z'))
      .toMatchObject({ status: 'pass', summary: '1 outcome KPI within 20 % since the last launch (2026-04-02)' });
    const worse = checkNoKpiRegression([kpi({ latest: { value: 1.25, measuredAt: '2026-05-01T00:00:00.000Z' } })], 0.2, null);
    expect(worse).toMatchObject({
      status: 'fail', summary: '1 outcome KPI worse by more than 20 % since the first measurement',
      evidence: [{ kind: 'kpi', id: 'k1', label: 'Harmful reply rate', detail: '1 % → 1.25 % (25 % worse; lower is better)' }],
    });
    // an improvement of any size passes; a stricter org threshold fails a 10 % move
    expect(checkNoKpiRegression([kpi({ latest: { value: 0.2, measuredAt: '2026-05-01T00:00:00.000Z' } })], 0.2, null).status).toBe('pass');
    expect(checkNoKpiRegression([kpi({})], 0.05, null).status).toBe('fail');
  });
  it('leaves activity KPIs out, and says when a KPI has too few measurements', () => {
    const activity = kpi({ measures: 'activity', latest: { value: 9, measuredAt: '2026-05-01T00:00:00.000Z' } });
    expect(checkNoKpiRegression([activity], 0.2, null)).toMatchObject({ status: 'pass', summary: 'The zone has no outcome KPI' });
    const single = kpi({ id: 'k2', reference: { value: 1, measuredAt: '2026-05-01T00:00:00.000Z' } });
    expect(checkNoKpiRegression([kpi({}), single, activity], 0.2, null).summary)
      .toBe('1 outcome KPI within 20 % since the first measurement; 1 without two measurements');
  });
});

describe('launch gate: expired risk acceptances', () => {
  it('counts expired ones and draft/approved ones on or past their date; not revoked ones or future dates', () => {
    const a = (id: string, status: 'draft' | 'approved' | 'expired' | 'revoked', expiresOn: string) => ({ id, status, expiresOn, justification: `Accepted ${id}` });
    const c = checkNoExpiredAcceptance([
      a('a1', 'expired', '2026-06-01'), a('a2', 'approved', '2026-05-09'), a('a3', 'draft', '2026-05-10'), a('a4', 'revoked', '2026-01-01'),
    ], '2026-05-10');
    expect(c).toMatchObject({ status: 'fail', summary: '3 risk acceptances have expired' });
    expect(c.evidence.map((e) => e.id)).toEqual(['a1', 'a2', 'a3']);
    // The register lapses an entry from 00:00 UTC of its expiry date: the gate agrees.
    expect(checkNoExpiredAcceptance([a('a3', 'approved', '2026-05-10')], '2026-05-10').status).toBe('fail');
    expect(checkNoExpiredAcceptance([a('a3', 'approved', '2026-05-11')], '2026-05-10').status).toBe('pass');
  });
});

describe('evaluateGate', () => {
  it('passes when no check fails and lists the failing keys otherwise', () => {
    const input = {
      tier: 'tier3' as const, prd: { id: 'p', title: 'T', status: 'approved' as const, approvedAt: '2026-05-01T00:00:00.000Z' }, premortem: null,
      openCritical: [], openCriticalTotal: 0, openHigh: [], slaDaysHigh: 30, kpis: [], kpiThreshold: 0.2, lastLaunchAt: null, acceptances: [], now: NOW,
    };
    const ok = evaluateGate(input);
    expect(ok).toMatchObject({ passed: true, failing: [] });
    expect(ok.checks.map((c) => [c.key, c.status])).toEqual([
      ['prd_approved', 'pass'], ['premortem_done', 'not_required'], ['no_open_critical', 'pass'], ['no_overdue_high', 'pass'],
      ['no_kpi_regression', 'pass'], ['no_expired_acceptance', 'pass'],
    ]);
    expect(evaluateGate({ ...input, tier: 'tier1', prd: null })).toMatchObject({ passed: false, failing: ['prd_approved', 'premortem_done'] });
  });
});
