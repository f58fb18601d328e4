import { describe, expect, it } from 'vitest';
import { byPriority, displacedBy, planSprint, reserveOf, shareWarnings } from './capacity.ts';

const item = (id: string, priority: number, effort: number, dueAt = '2026-02-01T00:00:00.000Z') => ({ id, priority, effort, dueAt });

describe('sprint capacity', () => {
  it('reserves capacity × share for safety work', () => {
    expect(reserveOf(40, 0.15)).toBe(6);
    expect(reserveOf(33, 0.1)).toBe(3.3);
  });

  it('orders items by priority, then the earlier due date', () => {
    const items = [item('a', 50, 1, '2026-03-01T00:00:00.000Z'), item('b', 80, 1), item('c', 50, 1, '2026-02-01T00:00:00.000Z')];
    expect(items.sort(byPriority).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });

  it('fills the reserve in priority order and flags the items beyond it', () => {
    const plan = planSprint({ capacity: 40, share: 0.15, items: [item('low', 20, 2), item('top', 90, 3), item('mid', 60, 2)] }, 0);
    expect(plan).toMatchObject({ capacity: 40, reserve: 6, used: 7 });
    expect(plan.items.map((i) => [i.id, i.withinReserve])).toEqual([['top', true], ['mid', true], ['low', false]]);
    expect(plan.warnings).toEqual([{ code: 'over_reserve', message: '1 item is beyond the safety reserve of 6 (7 scheduled)' }]);
  });

  it('warns that safety work is squeezed out when the reserve is not used while safety items wait', () => {
    const plan = planSprint({ capacity: 40, share: 0.15, items: [item('a', 50, 2)] }, 3);
    expect(plan.warnings).toEqual([{ code: 'safety_squeezed',
      message: 'Only 2 of the 6 effort reserved for safety work is scheduled while 3 safety items wait unscheduled' }]);
    expect(planSprint({ capacity: 40, share: 0.15, items: [item('a', 50, 2)] }, 0).warnings).toEqual([]);
    expect(planSprint({ capacity: 40, share: 0.15, items: [item('a', 50, 6)] }, 3).warnings).toEqual([]);
  });

  it("warns when a period's share is outside the organization's range", () => {
    const range = { min: 0.1, max: 0.2 };
    expect(shareWarnings(0.1, range)).toEqual([]);
    expect(shareWarnings(0.2, range)).toEqual([]);
    expect(shareWarnings(0.05, range)).toEqual([{ code: 'share_out_of_range',
      message: 'The safety share of 5% is outside the 10%–20% the organization allows' }]);
    expect(shareWarnings(0.25, range)[0]?.code).toBe('share_out_of_range');
  });

  it('says which items a new high-priority item pushed out of the reserve', () => {
    const before = [item('a', 70, 2), item('b', 50, 2), item('c', 30, 2)];
    // reserve 6: a, b, c all fit; a critical item of effort 3 jumps the queue and pushes out c, then b.
    expect(displacedBy(before, item('crit', 100, 3), 6).map((i) => i.id)).toEqual(['b', 'c']);
    expect(displacedBy(before, item('crit', 100, 2), 6).map((i) => i.id)).toEqual(['c']);
    // A low-priority item displaces nothing: it lands beyond the reserve itself.
    expect(displacedBy(before, item('late', 10, 3), 6)).toEqual([]);
    // Items already beyond the reserve are not displaced again.
    expect(displacedBy([...before, item('d', 20, 1)], item('crit', 100, 1), 6).map((i) => i.id)).toEqual(['c']);
  });
});
