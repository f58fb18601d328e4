import type { Outcome } from '../../api/runs.ts';

export const OUTCOMES: readonly Outcome[] = ['new', 'still_present', 'not_reproduced', 'regressed', 'verified'];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  new: 'New', still_present: 'Still present', not_reproduced: 'Not reproduced', regressed: 'Regressed', verified: 'Verified',
};

export const OUTCOME_MEANINGS: Record<Outcome, string> = {
  new: 'Seen for the first time in this run',
  still_present: 'Already known, and seen again',
  not_reproduced: 'Known and open, but absent from this run',
  regressed: 'Was fixed or verified, and came back',
  verified: 'Absent for enough clean runs to count as verified',
};

export const OUTCOME_COLORS: Record<Outcome, string> = {
  new: '#2563eb', still_present: '#b54708', not_reproduced: '#067647', regressed: '#b42318', verified: '#0e7490',
};

export function isOutcome(v: string | null): v is Outcome {
  return v !== null && OUTCOMES.includes(v as Outcome);
}
