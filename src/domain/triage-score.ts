/**
 * The triage score of a remediation item (ADR 7).
 *
 * Inputs: severity (critical 5, high 4, medium 3, low 2, info 1), impact 1–5, feasibility 1–5
 * (5 = easy to fix) and customer value 1–5. Each is normalised to 0–1 as (x − 1) / 4, and
 *
 *     priority = 100 × Σ wᵢ·xᵢ / Σ wᵢ          rounded to one decimal
 *
 * with the organization's weights w (default severity 0.4, impact 0.3, feasibility 0.15,
 * customer value 0.15). critical/5/5/5 scores 100, info/1/1/1 scores 0. Items sort by
 * priority descending, then due date ascending.
 */
import type { PriorityWeights } from './policy.ts';
import type { Severity } from './severity.ts';

export interface PriorityInputs {
  severity: Severity;
  impact: number;
  feasibility: number;
  customerValue: number;
}

export const SEVERITY_POINTS: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

const normalised = (x: number) => (x - 1) / 4;

export function priorityScore(inputs: PriorityInputs, weights: PriorityWeights): number {
  const sum = weights.severity + weights.impact + weights.feasibility + weights.customerValue;
  if (sum <= 0) return 0;
  const weighted = weights.severity * normalised(SEVERITY_POINTS[inputs.severity])
    + weights.impact * normalised(inputs.impact)
    + weights.feasibility * normalised(inputs.feasibility)
    + weights.customerValue * normalised(inputs.customerValue);
  return Math.round((1000 * weighted) / sum) / 10;
}

/** Priority descending, then the earlier due date first. */
export function comparePriority(a: { priority: number; dueAt: string }, b: { priority: number; dueAt: string }): number {
  return b.priority - a.priority || a.dueAt.localeCompare(b.dueAt);
}

/** True when the score is 1–5 whole. */
export function isRubricValue(x: number): boolean {
  return Number.isInteger(x) && x >= 1 && x <= 5;
}

/** A written rationale: at least 3 characters after trimming. */
export function hasRationale(text: string | null | undefined): boolean {
  return (text ?? '').trim().length >= 3;
}
