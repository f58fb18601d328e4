import { describe, expect, it } from 'vitest';
import {
  adverseMove, formatChange, formatNumber, kpiStatus, linearProjection, meets, periodBounds, periodOf,
  type KpiPoint, type KpiTarget,
} from './kpi-status.ts';

const lowerRelative: KpiTarget = {
  direction: 'lower', cadence: 'weekly', baseline: null, targetKind: 'relative', targetValue: -0.15, targetPeriod: 'quarter',
};

/**
 * The fixture: a jailbreak success rate (%, lower is better) measured weekly. Last quarter
 * (2026 Q1) it averaged 4.1; this quarter (7 weeks so far, to 14 May) it starts at 4.0 and
 * moves by `slope` a week. The quarter has 91 days (13 weeks) to its end on 1 July.
 */
const lastQuarter: KpiPoint[] = [4.3, 4.0, 4.2, 3.9, 4.1].map((value, i) => ({ at: new Date(Date.UTC(2026, 0, 5 + i * 14)).toISOString(), value }));
const thisQuarter = (slope: number, start = 4.0): KpiPoint[] =>
  [0, 1, 2, 3, 4, 5, 6].map((i) => ({ at: new Date(Date.UTC(2026, 3, 1 + i * 7)).toISOString(), value: start + slope * i }));
const at = new Date('2026-05-14T12:00:00Z');
const mirror = (ps: KpiPoint[]) => ps.map((p) => ({ ...p, value: 10 - p.value }));
const higherRelative: KpiTarget = { ...lowerRelative, direction: 'higher', targetValue: 0.15 };

describe('periods', () => {
  it('are calendar months, quarters and years in UTC, and step back and forth', () => {
    const d = new Date('2026-05-14T12:00:00Z');
    expect(periodBounds('quarter', d)).toEqual({ start: new Date('2026-04-01T00:00:00Z'), end: new Date('2026-07-01T00:00:00Z') });
    expect(periodBounds('quarter', d, -1)).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') });
    expect(periodBounds('quarter', new Date('2026-02-01T00:00:00Z'), -1).start).toEqual(new Date('2025-10-01T00:00:00Z'));
    expect(periodBounds('month', new Date('2026-12-31T23:59:59Z'))).toEqual({ start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    expect(periodBounds('year', d)).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
  });

  it('come from the target, or else from the cadence', () => {
    expect(periodOf({ cadence: 'daily', targetPeriod: 'year' })).toBe('year');
    expect(periodOf({ cadence: 'daily', targetPeriod: null })).toBe('month');
    expect(periodOf({ cadence: 'weekly', targetPeriod: null })).toBe('quarter');
    expect(periodOf({ cadence: 'monthly', targetPeriod: null })).toBe('quarter');
    expect(periodOf({ cadence: 'quarterly', targetPeriod: null })).toBe('year');
  });
});

describe('arithmetic', () => {
  it('fits a least-squares line and reads it anywhere; one instant gives the mean', () => {
    expect(linearProjection([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }], 10)).toBeCloseTo(21);
    expect(linearProjection([{ x: 0, y: 2 }, { x: 1, y: 2 }, { x: 2, y: 2 }], 50)).toBe(2);
    expect(linearProjection([{ x: 3, y: 2 }, { x: 3, y: 4 }], 9)).toBe(3);
    expect(linearProjection([], 1)).toBeNull();
  });

  it('knows which way is better', () => {
    expect(meets('lower', 3, 3.5)).toBe(true);
    expect(meets('lower', 4, 3.5)).toBe(false);
    expect(meets('higher', 4, 3.5)).toBe(true);
    expect(meets('higher', 3.5, 3.5)).toBe(true);
  });

  it('measures adverse moves in the KPI\'s direction only', () => {
    expect(adverseMove('lower', 4, 5)).toBeCloseTo(0.25);
    expect(adverseMove('lower', 4, 3)).toBe(0);
    expect(adverseMove('higher', 80, 60)).toBeCloseTo(0.25);
    expect(adverseMove('higher', 80, 90)).toBe(0);
    expect(adverseMove('higher', -10, -15)).toBeCloseTo(0.5);
    expect(adverseMove('lower', 0, 1)).toBeNull();
    expect(adverseMove('lower', 0, 0)).toBe(0);
  });

  it('formats numbers and changes the way the rule reads them', () => {
    expect(formatNumber(4.1)).toBe('4.1');
    expect(formatNumber(3.4849999)).toBe('3.48');
    expect(formatNumber(-0.1234)).toBe('−0.123');
    expect(formatNumber(1234.56)).toBe('1235');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatChange(-0.0731)).toBe('−7 %');
    expect(formatChange(0.12)).toBe('+12 %');
    expect(formatChange(0.001)).toBe('0 %');
  });
});

describe('kpiStatus, relative target −15 % quarter over quarter, lower is better', () => {
  it('is on track when the trend reaches the goal by quarter end', () => {
    const s = kpiStatus(lowerRelative, [...lastQuarter, ...thisQuarter(-0.05)], at);
    expect(s).toMatchObject({
      status: 'on_track', points: 7, comparison: 4.1,
      period: { kind: 'quarter', start: '2026-04-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
    });
    expect(s.current).toBeCloseTo(3.85);
    expect(s.goal).toBeCloseTo(3.485);
    // 4.0 − 0.05 × 13 weeks = 3.35 on 1 July
    expect(s.projected).toBeCloseTo(3.35, 6);
    expect(s.rule).toBe('target −15 % quarter over quarter: last quarter mean 4.1, this quarter so far 3.85 (−6 %); '
      + 'the linear trend reaches 3.35 (−18 %) by quarter end, meeting the goal of 3.48: on track');
  });

  it('is at risk when more than half of the required move is made', () => {
    const s = kpiStatus(lowerRelative, [...lastQuarter, ...thisQuarter(-0.02)], at);
    expect(s.status).toBe('at_risk');
    expect(s.projected).toBeCloseTo(3.74, 6);
    expect(s.rule).toBe('target −15 % quarter over quarter: last quarter mean 4.1, this quarter so far 3.94 (−4 %); '
      + 'the linear trend reaches 3.74 (−9 %) by quarter end, short of the goal of 3.48 with 59 % of the required move made: at risk');
  });

  it('is off track when less than half is made, or it moves the wrong way', () => {
    const slow = kpiStatus(lowerRelative, [...lastQuarter, ...thisQuarter(-0.01)], at);
    expect(slow.status).toBe('off_track');
    expect(slow.rule).toMatch(/reaches 3\.87 \(−6 %\) by quarter end, short of the goal of 3\.48 with only 37 % of the required move made: off track$/);
    const worse = kpiStatus(lowerRelative, [...lastQuarter, ...thisQuarter(0.03)], at);
    expect(worse.status).toBe('off_track');
    expect(worse.rule).toMatch(/reaches 4\.39 \(\+7 %\) by quarter end, short of the goal of 3\.48 moving the wrong way or not at all: off track$/);
  });

  it('reads a flat series as flat: the projection is the level', () => {
    const flat = kpiStatus(lowerRelative, [...lastQuarter, ...thisQuarter(0, 4.1)], at);
    expect(flat.status).toBe('off_track');
    expect(flat.current).toBeCloseTo(4.1, 9);
    expect(flat.projected).toBeCloseTo(4.1, 9);
    expect(flat.rule).toContain('moving the wrong way or not at all');
    const flatLow = kpiStatus(lowerRelative, [...lastQuarter, ...thisQuarter(0, 3.4)], at);
    expect(flatLow.status).toBe('on_track');
    expect(flatLow.projected).toBeCloseTo(3.4, 9);
  });

  it('ignores measurements after the instant asked about', () => {
    const early = kpiStatus(lowerRelative, [...lastQuarter, ...thisQuarter(-0.05)], new Date('2026-04-01T12:00:00Z'));
    expect(early).toMatchObject({ points: 1, current: 4, projected: 4, status: 'off_track' });
    expect(early.rule).toBe('target −15 % quarter over quarter: last quarter mean 4.1, one measurement this quarter, 4 (−2 %), so no trend yet, '
      + 'short of the goal of 3.48 with only 16 % of the required move made: off track');
  });

  it('compares with the baseline when last quarter has no measurement, and says so', () => {
    const s = kpiStatus({ ...lowerRelative, baseline: 5 }, thisQuarter(-0.05), at);
    expect(s).toMatchObject({ status: 'on_track', comparison: 5, goal: 4.25 });
    expect(s.rule).toContain('no measurement last quarter, so the baseline 5, this quarter so far 3.85 (−23 %)');
  });

  it('has no data without a comparison, without a measurement this period, or with a comparison of 0', () => {
    const none = kpiStatus(lowerRelative, thisQuarter(-0.05), at);
    expect(none).toMatchObject({ status: 'no_data', points: 7, projected: null });
    expect(none.rule).toBe('target −15 % quarter over quarter: no measurement last quarter and no baseline to compare with: no data');
    const quiet = kpiStatus(lowerRelative, lastQuarter, at);
    expect(quiet).toMatchObject({ status: 'no_data', comparison: 4.1, points: 0 });
    expect(quiet.rule).toBe('target −15 % quarter over quarter: no measurement this quarter yet: no data');
    const zero = kpiStatus({ ...lowerRelative, baseline: 0 }, thisQuarter(-0.05), at);
    expect(zero.status).toBe('no_data');
    expect(zero.rule).toContain('the comparison value is 0');
    expect(kpiStatus(lowerRelative, [], at)).toMatchObject({ status: 'no_data', points: 0 });
    expect(kpiStatus({ ...lowerRelative, targetKind: null, targetValue: null }, thisQuarter(0), at))
      .toMatchObject({ status: 'no_data', rule: 'no target set', period: null });
  });

  it('takes the measurements in any order', () => {
    const shuffled = [...thisQuarter(-0.02)].reverse().concat(lastQuarter);
    expect(kpiStatus(lowerRelative, shuffled, at)).toEqual(kpiStatus(lowerRelative, [...lastQuarter, ...thisQuarter(-0.02)], at));
  });
});

describe('kpiStatus, relative target +15 %, higher is better (the mirror image)', () => {
  // 10 − x: last quarter mean 5.9, the goal 5.9 × 1.15 = 6.785; this quarter 6 + slope × week, 6 + 13 × slope by 1 July
  it('reads rising as good and falling as bad', () => {
    const cases: [number, string][] = [
      [0.1, 'on_track'], // 7.3
      [0.04, 'at_risk'], // 6.52: 70 % of the move from 5.9
      [0.01, 'at_risk'], // 6.13: 14 % of the move, but within 10 % of 6.785
      [-0.03, 'off_track'], // 5.61: the wrong way
    ];
    for (const [slope, status] of cases) {
      const s = kpiStatus(higherRelative, mirror([...lastQuarter, ...thisQuarter(-slope)]), at);
      expect([slope, s.status]).toEqual([slope, status]);
      expect(s.goal).toBeCloseTo(6.785);
    }
    expect(kpiStatus(higherRelative, mirror([...lastQuarter, ...thisQuarter(-0.1)]), at).rule)
      .toMatch(/^target \+15 % quarter over quarter: last quarter mean 5\.9, .*meeting the goal of 6\.79: on track$/);
  });
});

describe('kpiStatus, absolute targets', () => {
  const lowerAbsolute: KpiTarget = { direction: 'lower', cadence: 'weekly', baseline: 4.2, targetKind: 'absolute', targetValue: 3.5, targetPeriod: null };

  it('judges by the period of the cadence and projects to its end', () => {
    const on = kpiStatus(lowerAbsolute, thisQuarter(-0.05), at);
    expect(on).toMatchObject({ status: 'on_track', goal: 3.5, comparison: null, period: { kind: 'quarter' } });
    expect(on.rule).toBe('target ≤ 3.5 by quarter end: this quarter so far 3.85; the linear trend reaches 3.35 by quarter end, meeting the goal of 3.5: on track');
  });

  it('measures progress from the baseline, else from the period\'s first value', () => {
    // 3.74 from the baseline 4.2 toward 3.5: 66 % of the move
    expect(kpiStatus(lowerAbsolute, thisQuarter(-0.02), at).rule).toMatch(/with 66 % of the required move made: at risk$/);
    // without a baseline: from 4.0, 3.74 is 52 % of the way to 3.5
    expect(kpiStatus({ ...lowerAbsolute, baseline: null }, thisQuarter(-0.02), at).status).toBe('at_risk');
    // from 4.0, 3.87 is 26 % of the way, but within 10 % of 3.5 (3.87 is 10.6 % above): off track
    expect(kpiStatus({ ...lowerAbsolute, baseline: null }, thisQuarter(-0.01), at).status).toBe('off_track');
  });

  it('is at risk when the miss is under 10 % of the goal, even without progress', () => {
    const s = kpiStatus({ ...lowerAbsolute, baseline: null, targetValue: 3.7 }, thisQuarter(0, 3.9), at);
    expect(s.status).toBe('at_risk');
    expect(s.rule).toBe('target ≤ 3.7 by quarter end: this quarter so far 3.9; the linear trend reaches 3.9 by quarter end, short of the goal of 3.7 by 5 %: at risk');
  });

  it('is off track when it started within the goal and the trend takes it out', () => {
    const s = kpiStatus({ ...lowerAbsolute, baseline: 2, targetValue: 3 }, thisQuarter(0.1, 3), at);
    expect(s.status).toBe('off_track');
    expect(s.rule).toContain('short of the goal of 3 though it started within it at 2: off track');
  });

  it('works the other way round for higher-is-better', () => {
    const higher: KpiTarget = { direction: 'higher', cadence: 'daily', baseline: 80, targetKind: 'absolute', targetValue: 90, targetPeriod: 'quarter' };
    const rising = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ at: new Date(Date.UTC(2026, 3, 1 + i * 7)).toISOString(), value: 82 + i }));
    expect(kpiStatus(higher, rising, at)).toMatchObject({ status: 'on_track' });
    const falling = rising.map((p) => ({ ...p, value: 164 - p.value }));
    const s = kpiStatus(higher, falling, at);
    expect(s.status).toBe('off_track');
    expect(s.rule).toMatch(/^target ≥ 90 by quarter end: .*moving the wrong way or not at all: off track$/);
  });

  it('handles one point and a goal of 0', () => {
    const one = kpiStatus({ ...lowerAbsolute, targetValue: 0, baseline: 2, targetPeriod: 'month' }, [{ at: '2026-05-02T00:00:00Z', value: 0.5 }], at);
    expect(one).toMatchObject({ status: 'at_risk', points: 1, projected: 0.5, period: { kind: 'month', start: '2026-05-01T00:00:00.000Z' } });
    expect(one.rule).toBe('target ≤ 0 by month end: one measurement this month, 0.5, so no trend yet, short of the goal of 0 with 75 % of the required move made: at risk');
    expect(kpiStatus({ ...lowerAbsolute, targetValue: 0, baseline: null }, [{ at: '2026-05-02T00:00:00Z', value: 0.5 }], at).status).toBe('off_track');
    expect(kpiStatus(lowerAbsolute, [], at)).toMatchObject({ status: 'no_data', rule: 'target ≤ 3.5 by quarter end: no measurement this quarter yet: no data' });
  });
});
