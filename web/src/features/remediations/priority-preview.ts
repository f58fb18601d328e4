/**
 * The priority score as the server computes it (src/domain/triage-score.ts, ADR 7), to show it
 * while the rubric is being filled in. The server's figure is the one stored; a test
 * (test/web/priority-preview.test.ts) holds this copy to the domain's for every input.
 *
 *     priority = 100 × Σ wᵢ·(xᵢ − 1)/4 ÷ Σ wᵢ      rounded to one decimal
 */
import type { Policy } from '../../../../src/contracts/policy.ts';
import type { Severity } from '../../../../src/contracts/findings.ts';

export interface Rubric {
  impact: number;
  feasibility: number;
  customerValue: number;
}

const SEVERITY_POINTS: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };
const normalised = (x: number) => (x - 1) / 4;

export function previewPriority(severity: Severity, r: Rubric, w: Policy['priorityWeights']): number {
  const sum = w.severity + w.impact + w.feasibility + w.customerValue;
  if (sum <= 0) return 0;
  const weighted = w.severity * normalised(SEVERITY_POINTS[severity]) + w.impact * normalised(r.impact)
    + w.feasibility * normalised(r.feasibility) + w.customerValue * normalised(r.customerValue);
  return Math.round((1000 * weighted) / sum) / 10;
}

export const RUBRIC_FIELDS = [
  { key: 'impact', label: 'Impact', hint: '5 = severe harm to users or the business' },
  { key: 'feasibility', label: 'Feasibility', hint: '5 = easy to fix' },
  { key: 'customerValue', label: 'Customer value', hint: '5 = customers notice the fix most' },
] as const satisfies readonly { key: keyof Rubric; label: string; hint: string }[];

export const RUBRIC_VALUES = [1, 2, 3, 4, 5] as const;
