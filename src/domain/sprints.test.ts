import { describe, expect, it } from 'vitest';
import { checkSprints, splitPeriod } from './sprints.ts';

const q1 = { startsOn: '2026-01-05', endsOn: '2026-03-29' }; // 84 days

describe('sprints of a period', () => {
  it('splits a quarter into back-to-back sprints covering every day', () => {
    const s = splitPeriod(q1, 6);
    expect(s[0]).toEqual({ startsOn: '2026-01-05', endsOn: '2026-01-18' });
    expect(s[5]).toEqual({ startsOn: '2026-03-16', endsOn: '2026-03-29' });
    expect(splitPeriod({ startsOn: '2026-01-01', endsOn: '2026-01-10' }, 3)).toEqual([
      { startsOn: '2026-01-01', endsOn: '2026-01-03' }, { startsOn: '2026-01-04', endsOn: '2026-01-06' },
      { startsOn: '2026-01-07', endsOn: '2026-01-10' }]);
  });

  it('refuses more sprints than the days hold, naming the field', () => {
    expect(() => splitPeriod({ startsOn: '2026-01-01', endsOn: '2026-01-05' }, 3)).toThrow(/5 days cannot hold 3 sprints/);
    expect(() => splitPeriod(q1, 0)).toThrow(/at least one sprint/);
  });

  it('refuses explicit sprints outside the period, overlapping, or ending before they start', () => {
    expect(() => checkSprints(q1, [{ startsOn: '2026-01-05', endsOn: '2026-01-18' }, { startsOn: '2026-01-19', endsOn: '2026-02-01' }])).not.toThrow();
    expect(() => checkSprints(q1, [{ startsOn: '2026-01-01', endsOn: '2026-01-18' }])).toThrow(/outside the period/);
    expect(() => checkSprints(q1, [{ startsOn: '2026-01-05', endsOn: '2026-01-18' }, { startsOn: '2026-01-18', endsOn: '2026-02-01' }]))
      .toThrow(/sprint 2 starts before sprint 1 ends/);
    expect(() => checkSprints(q1, [{ startsOn: '2026-01-10', endsOn: '2026-01-10' }])).toThrow(/end after it starts/);
    expect(() => checkSprints({ startsOn: '2026-02-01', endsOn: '2026-01-01' }, [])).toThrow(/period must end after it starts/);
  });
});
