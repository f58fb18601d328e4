/**
 * A sprint's safety capacity: the reserve is capacity × the period's safety share; the items
 * scheduled into it, in priority order, fill the reserve, and those past it are beyond the
 * reserve. Warnings say when safety work is squeezed out, and what a newly scheduled item
 * displaced.
 */
import { round } from './debt.ts';
import { comparePriority } from './triage-score.ts';

export interface PlanItem {
  id: string;
  priority: number;
  /** ISO timestamp of the SLA due date. */
  dueAt: string;
  effort: number;
}

export interface ShareRange {
  min: number;
  max: number;
}

export type PlanWarningCode = 'share_out_of_range' | 'safety_squeezed' | 'over_reserve';

export interface PlanWarning {
  code: PlanWarningCode;
  message: string;
}

export interface SprintCapacity<T extends PlanItem> {
  capacity: number;
  reserve: number;
  /** Effort of the safety items scheduled into the sprint. */
  used: number;
  items: (T & { withinReserve: boolean })[];
  warnings: PlanWarning[];
}

const EPSILON = 1e-9;
const pct = (share: number) => `${round(share * 100)}%`;

/** Priority descending, then the earlier due date, then id (a stable order). */
export function byPriority(a: PlanItem, b: PlanItem): number {
  return comparePriority(a, b) || a.id.localeCompare(b.id);
}

export function reserveOf(capacity: number, share: number): number {
  return round(capacity * share);
}

/** The ids of the items that fit in the reserve: a prefix of the priority order. */
function withinReserve(items: readonly PlanItem[], reserve: number): Set<string> {
  const fit = new Set<string>();
  let sum = 0;
  for (const item of [...items].sort(byPriority)) {
    sum += item.effort;
    if (sum > reserve + EPSILON) break;
    fit.add(item.id);
  }
  return fit;
}

/** A warning when the period's share is outside the range the organization allows. */
export function shareWarnings(share: number, range: ShareRange): PlanWarning[] {
  if (share >= range.min - EPSILON && share <= range.max + EPSILON) return [];
  return [{
    code: 'share_out_of_range',
    message: `The safety share of ${pct(share)} is outside the ${pct(range.min)}–${pct(range.max)} the organization allows`,
  }];
}

/**
 * One sprint's plan. `waitingSafety` is how many open safety items no sprint holds: when some
 * wait while the reserve is not used up, safety work is being squeezed out.
 */
export function planSprint<T extends PlanItem>(
  input: { capacity: number; share: number; items: readonly T[] }, waitingSafety: number,
): SprintCapacity<T> {
  const reserve = reserveOf(input.capacity, input.share);
  const sorted = [...input.items].sort(byPriority);
  const fit = withinReserve(sorted, reserve);
  const used = round(sorted.reduce((s, i) => s + i.effort, 0));
  const warnings: PlanWarning[] = [];
  if (used < reserve - EPSILON && waitingSafety > 0) {
    warnings.push({
      code: 'safety_squeezed',
      message: `Only ${used} of the ${reserve} effort reserved for safety work is scheduled while ${waitingSafety} safety ${
        waitingSafety === 1 ? 'item waits' : 'items wait'} unscheduled`,
    });
  }
  const beyond = sorted.length - fit.size;
  if (beyond > 0) {
    warnings.push({
      code: 'over_reserve',
      message: `${beyond} ${beyond === 1 ? 'item is' : 'items are'} beyond the safety reserve of ${reserve} (${used} scheduled)`,
    });
  }
  return { capacity: input.capacity, reserve, used, items: sorted.map((i) => ({ ...i, withinReserve: fit.has(i.id) })), warnings };
}

/**
 * What scheduling `added` into a sprint displaced: the items that fit in the reserve before
 * and no longer fit after, in priority order.
 */
export function displacedBy<T extends PlanItem>(before: readonly T[], added: PlanItem, reserve: number): T[] {
  const fitBefore = withinReserve(before, reserve);
  const fitAfter = withinReserve([...before.filter((i) => i.id !== added.id), added], reserve);
  return [...before].sort(byPriority).filter((i) => i.id !== added.id && fitBefore.has(i.id) && !fitAfter.has(i.id));
}
