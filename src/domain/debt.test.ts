import { describe, expect, it } from 'vitest';
import { debtBy, escalationReason, interestFactor, itemDebt, sprintsOverdue } from './debt.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const rules = { sprintDays: 14, debtInterestRate: 0.25, escalateAfterSprints: 2, zoneDebtThreshold: 40 };

describe('safety debt', () => {
  it('counts a started sprint past due as a whole sprint, and nothing before the due date', () => {
    expect(sprintsOverdue(day(10), day(5), 14)).toBe(0);
    expect(sprintsOverdue(day(10), day(10), 14)).toBe(0);
    expect(sprintsOverdue(day(10), new Date(day(10).getTime() + 1000), 14)).toBe(1);
    expect(sprintsOverdue(day(10), day(24), 14)).toBe(1);
    expect(sprintsOverdue(day(10), day(25), 14)).toBe(2);
    expect(sprintsOverdue(day(0), day(42), 14)).toBe(3);
    expect(sprintsOverdue(day(0), day(8), 7)).toBe(2);
  });

  it('compounds interest per sprint: effort × 1.25^n', () => {
    expect(interestFactor(0, 0.25)).toBe(1);
    expect(interestFactor(3, 0.25)).toBeCloseTo(1.953125, 10);
    expect(itemDebt(8, day(0), day(-1), rules)).toEqual({ sprintsOverdue: 0, factor: 1, debt: 0 });
    expect(itemDebt(8, day(0), day(1), rules)).toEqual({ sprintsOverdue: 1, factor: 1.25, debt: 10 });
    expect(itemDebt(8, day(0), day(28), rules)).toEqual({ sprintsOverdue: 2, factor: 1.5625, debt: 12.5 });
    expect(itemDebt(3, day(0), day(40), rules).debt).toBe(5.86);
    expect(itemDebt(8, day(0), day(1), { sprintDays: 14, debtInterestRate: 1 }).debt).toBe(16);
  });

  it('sums debt per key, largest first, leaving out items that carry none', () => {
    const items = [{ z: 'a', d: 10 }, { z: 'b', d: 12.5 }, { z: 'a', d: 5 }, { z: 'c', d: 0 }];
    expect(debtBy(items, (i) => i.z, (i) => i.d)).toEqual([{ key: 'a', debt: 15, items: 2 }, { key: 'b', debt: 12.5, items: 1 }]);
  });

  it('escalates after more than N sprints overdue, or when the zone debt passes the threshold', () => {
    expect(escalationReason({ sprintsOverdue: 2, debt: 3 }, 3, rules)).toBeNull();
    expect(escalationReason({ sprintsOverdue: 3, debt: 3 }, 3, rules)).toMatch(/overdue for 3 sprints/);
    expect(escalationReason({ sprintsOverdue: 1, debt: 10 }, 40, rules)).toBeNull();
    expect(escalationReason({ sprintsOverdue: 1, debt: 10 }, 40.5, rules)).toMatch(/zone's safety debt is 40.5, above the threshold of 40/);
    // An item not yet overdue is not escalated for its zone's debt.
    expect(escalationReason({ sprintsOverdue: 0, debt: 0 }, 100, rules)).toBeNull();
    expect(escalationReason({ sprintsOverdue: 1, debt: 1 }, 1, { ...rules, escalateAfterSprints: 0 })).toMatch(/more than the 0/);
  });
});
