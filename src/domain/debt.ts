/**
 * Safety debt (ADR 0007): an open item past its SLA accrues interest compounding per sprint;
 * zone and owner debt are sums; items overdue too long, or in a zone whose debt passes the
 * threshold, are escalated.
 */

const DAY_MS = 86_400_000;

/** The policy settings safety debt reads (a subset of the organization's policy). */
export interface DebtRules {
  sprintDays: number;
  debtInterestRate: number;
  escalateAfterSprints: number;
  zoneDebtThreshold: number;
}

/** Whole sprints an item is past due, counting a started sprint: 0 when not overdue. */
export function sprintsOverdue(dueAt: Date, now: Date, sprintDays: number): number {
  const overdueMs = now.getTime() - dueAt.getTime();
  if (overdueMs <= 0) return 0;
  return Math.ceil(overdueMs / (sprintDays * DAY_MS));
}

/** (1 + rate) ^ sprints overdue: 1 for an item not overdue. */
export function interestFactor(sprints: number, rate: number): number {
  return (1 + rate) ** sprints;
}

export interface ItemDebt {
  sprintsOverdue: number;
  factor: number;
  debt: number;
}

/** An item's debt: effort × interest factor once past due, else nothing. */
export function itemDebt(effort: number, dueAt: Date, now: Date, rules: Pick<DebtRules, 'sprintDays' | 'debtInterestRate'>): ItemDebt {
  const sprints = sprintsOverdue(dueAt, now, rules.sprintDays);
  if (sprints === 0) return { sprintsOverdue: 0, factor: 1, debt: 0 };
  const factor = interestFactor(sprints, rules.debtInterestRate);
  return { sprintsOverdue: sprints, factor, debt: round(effort * factor) };
}

/** Debt figures are shown to two decimals; sums are taken of the rounded figures so they add up. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Sums debt by a key (zone, owner), largest first. */
export function debtBy<T>(items: readonly T[], key: (item: T) => string, debt: (item: T) => number): { key: string; debt: number; items: number }[] {
  const sums = new Map<string, { debt: number; items: number }>();
  for (const item of items) {
    const d = debt(item);
    if (d <= 0) continue;
    const k = key(item);
    const s = sums.get(k) ?? { debt: 0, items: 0 };
    s.debt += d;
    s.items += 1;
    sums.set(k, s);
  }
  return [...sums].map(([k, s]) => ({ key: k, debt: round(s.debt), items: s.items }))
    .sort((a, b) => b.debt - a.debt || a.key.localeCompare(b.key));
}

/**
 * Why an item must be escalated, or null: overdue for more than `escalateAfterSprints`
 * sprints, or its zone's debt passes the threshold (only items that carry debt are escalated
 * for their zone).
 */
export function escalationReason(
  item: { sprintsOverdue: number; debt: number },
  zoneDebt: number,
  rules: Pick<DebtRules, 'escalateAfterSprints' | 'zoneDebtThreshold'>,
): string | null {
  if (item.sprintsOverdue > rules.escalateAfterSprints) {
    return `overdue for ${item.sprintsOverdue} sprints (more than the ${rules.escalateAfterSprints} the policy allows)`;
  }
  if (item.debt > 0 && zoneDebt > rules.zoneDebtThreshold) {
    return `its zone's safety debt is ${round(zoneDebt)}, above the threshold of ${rules.zoneDebtThreshold}`;
  }
  return null;
}
