/**
 * PRD reviews: the status flow (draft → in review → approved) and the rule that gates
 * approval — the Safety Implications section has at least one failure mode, and every high or
 * critical failure mode has a planned mitigation.
 */
import type { Issue } from './errors.ts';
import type { Severity } from './severity.ts';

export const PRD_STATUSES = ['draft', 'in_review', 'approved'] as const;
export type PrdStatus = (typeof PRD_STATUSES)[number];

export const LIKELIHOODS = ['rare', 'unlikely', 'possible', 'likely', 'almost_certain'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export interface FailureModeForReview {
  position: number;
  harm: string;
  severity: Severity;
  mitigation: string | null;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** Why the PRD cannot be approved yet, one issue per failure mode; empty when it can. */
export function approvalProblems(failureModes: readonly FailureModeForReview[]): Issue[] {
  if (failureModes.length === 0) {
    return [{ field: 'failureModes', message: 'the Safety Implications section is empty: list at least one failure mode' }];
  }
  return failureModes
    .filter((f) => (f.severity === 'critical' || f.severity === 'high') && !f.mitigation?.trim())
    .map((f) => ({
      field: `failureModes.${f.position}.mitigation`,
      message: `failure mode ${f.position} "${short(f.harm)}" is ${f.severity} and has no planned mitigation`,
    }));
}

/** The moves a PRD may make from each status. */
const MOVES: Record<PrdStatus, readonly PrdStatus[]> = {
  draft: ['in_review'],
  in_review: ['approved', 'draft'],
  approved: ['draft'],
};

export function canMovePrd(from: PrdStatus, to: PrdStatus): boolean {
  return MOVES[from].includes(to);
}
