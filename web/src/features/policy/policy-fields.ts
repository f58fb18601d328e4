/** The policy form's rows: labels, units and how a stored value shows in the form (shares as percent). */
import type { Policy } from '../../../../src/contracts/policy.ts';

export type ScalarKey = 'sprintDays' | 'debtInterestRate' | 'escalateAfterSprints' | 'zoneDebtThreshold' | 'staleAfterDays' | 'boardCadenceDays'
  | 'kpiRegressionThreshold';

export interface ScalarField {
  key: ScalarKey;
  label: string;
  hint: string;
  unit: string;
  /** Stored as a fraction, shown as a percentage. */
  percent?: boolean;
  step: number;
}

export const SCALAR_FIELDS: readonly ScalarField[] = [
  { key: 'debtInterestRate', label: 'Debt interest rate', hint: 'Compounds per sprint on open items past their SLA (default 25%)', unit: '% per sprint', percent: true, step: 1 },
  { key: 'escalateAfterSprints', label: 'Escalate after', hint: 'An item overdue for more sprints than this goes to the review board', unit: 'sprints', step: 1 },
  { key: 'zoneDebtThreshold', label: 'Zone debt threshold', hint: 'A zone whose safety debt passes this is escalated', unit: 'points', step: 1 },
  { key: 'staleAfterDays', label: 'Stale after', hint: 'Items without activity this long need re-scoping', unit: 'days', step: 1 },
  { key: 'sprintDays', label: 'Sprint length', hint: 'Used for debt interest and escalation', unit: 'days', step: 1 },
  { key: 'boardCadenceDays', label: 'Review board cadence', hint: 'Days between review board sessions', unit: 'days', step: 1 },
  { key: 'kpiRegressionThreshold', label: 'Launch gate: KPI regression', hint: 'An outcome KPI that moved adversely by more than this since the last launch fails the gate (default 20%)', unit: '% adverse move', percent: true, step: 1 },
];

export const WEIGHT_FIELDS = [
  { key: 'severity', label: 'Severity' },
  { key: 'impact', label: 'Impact' },
  { key: 'feasibility', label: 'Feasibility' },
  { key: 'customerValue', label: 'Customer value' },
] as const satisfies readonly { key: keyof Policy['priorityWeights']; label: string }[];

export const SHARE_FIELDS = [
  { key: 'min', label: 'Minimum' },
  { key: 'default', label: 'Default' },
  { key: 'max', label: 'Maximum' },
] as const satisfies readonly { key: keyof Policy['safetyShare']; label: string }[];

/** A fraction as the percentage the form shows: 0.15 → "15". */
export const toPercent = (v: number) => String(Math.round(v * 10_000) / 100);
export const fromPercent = (s: string) => Number(s) / 100;

/** The scalar settings this server's policy has (a newer field shows only when the server sends it). */
export function presentScalars(policy: Policy): ScalarField[] {
  return SCALAR_FIELDS.filter((f) => typeof (policy as Record<string, unknown>)[f.key] === 'number');
}
