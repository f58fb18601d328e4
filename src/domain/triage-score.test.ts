import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.ts';
import { comparePriority, hasRationale, priorityScore } from './triage-score.ts';

const w = DEFAULT_POLICY.priorityWeights;

describe('triage score', () => {
  it('scores the extremes 100 and 0', () => {
    expect(priorityScore({ severity: 'critical', impact: 5, feasibility: 5, customerValue: 5 }, w)).toBe(100);
    expect(priorityScore({ severity: 'info', impact: 1, feasibility: 1, customerValue: 1 }, w)).toBe(0);
  });

  it('weighs each input as the policy says, rounded to one decimal', () => {
    // high = 4 → 0.75; impact 3 → 0.5; feasibility 2 → 0.25; value 4 → 0.75
    // 100 × (0.4×0.75 + 0.3×0.5 + 0.15×0.25 + 0.15×0.75) / 1 = 60
    expect(priorityScore({ severity: 'high', impact: 3, feasibility: 2, customerValue: 4 }, w)).toBe(60);
    // medium 0.5, impact 4 0.75, feasibility 1 0, value 1 0 → 100 × (0.2 + 0.225) = 42.5
    expect(priorityScore({ severity: 'medium', impact: 4, feasibility: 1, customerValue: 1 }, w)).toBe(42.5);
    // weights not summing to 1 are normalised: only severity counts
    expect(priorityScore({ severity: 'low', impact: 5, feasibility: 5, customerValue: 5 }, { severity: 2, impact: 0, feasibility: 0, customerValue: 0 })).toBe(25);
    // 1/3 rounds to one decimal
    expect(priorityScore({ severity: 'info', impact: 5, feasibility: 1, customerValue: 1 }, { severity: 1, impact: 1, feasibility: 1, customerValue: 0 })).toBe(33.3);
  });

  it('sorts by priority, then the earlier due date', () => {
    const items = [
      { id: 'a', priority: 50, dueAt: '2026-03-01T00:00:00.000Z' },
      { id: 'b', priority: 80, dueAt: '2026-05-01T00:00:00.000Z' },
      { id: 'c', priority: 50, dueAt: '2026-02-01T00:00:00.000Z' },
    ];
    expect(items.sort(comparePriority).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });

  it('wants a rationale of at least three characters', () => {
    expect(hasRationale('  ok ')).toBe(false);
    expect(hasRationale('why')).toBe(true);
    expect(hasRationale(undefined)).toBe(false);
  });
});
