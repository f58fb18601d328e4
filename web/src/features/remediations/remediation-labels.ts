/** Words for the remediation area's enums: statuses, milestone stages and their statuses, system elements. */
import type { MilestoneStage, MilestoneStatus, RemediationStatus, SystemElementKind } from '../../../../src/contracts/remediations.ts';

export const REMEDIATION_STATUSES: readonly RemediationStatus[] = ['planned', 'in_progress', 'fixed', 'verified', 'reopened', 'obsolete'];

export const STATUS_LABELS: Record<RemediationStatus, string> = {
  planned: 'Planned', in_progress: 'In progress', fixed: 'Fixed', verified: 'Verified', obsolete: 'Obsolete', reopened: 'Reopened',
};

export const STATUS_MEANINGS: Record<RemediationStatus, string> = {
  planned: 'Triaged and waiting for work',
  in_progress: 'The fix is being built',
  fixed: 'The fix shipped; awaiting verification',
  verified: 'Acceptance criteria met and the red team no longer reproduces it',
  obsolete: 'Closed without a fix, with a reason',
  reopened: 'A linked finding came back, or it was reopened by hand',
};

/** The label of a move's button: what the person does, not where the item lands. */
export const MOVE_LABELS: Record<RemediationStatus, string> = {
  planned: 'Back to planned', in_progress: 'Start work', fixed: 'Mark fixed', verified: 'Verify',
  obsolete: 'Close as obsolete', reopened: 'Reopen',
};

export const STAGES: readonly MilestoneStage[] = ['prototype', 'pilot', 'full_rollout'];
export const STAGE_LABELS: Record<MilestoneStage, string> = { prototype: 'Prototype', pilot: 'Pilot', full_rollout: 'Full rollout' };

export const MILESTONE_STATUSES: readonly MilestoneStatus[] = ['pending', 'in_progress', 'done', 'missed'];
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  pending: 'Pending', in_progress: 'In progress', done: 'Done', missed: 'Missed',
};

export const ELEMENT_KINDS: readonly SystemElementKind[] = ['service', 'data_flow', 'model', 'other'];
export const ELEMENT_KIND_LABELS: Record<SystemElementKind, string> = {
  service: 'Service', data_flow: 'Data flow', model: 'Model', other: 'Other',
};

export function isRemediationStatus(v: string): v is RemediationStatus {
  return REMEDIATION_STATUSES.includes(v as RemediationStatus);
}

export function isStage(v: unknown): v is MilestoneStage {
  return STAGES.includes(v as MilestoneStage);
}

export function isMilestoneStatus(v: unknown): v is MilestoneStatus {
  return MILESTONE_STATUSES.includes(v as MilestoneStatus);
}

/** The moves that need a written reason (as the server's status flow requires). */
export function moveNeedsReason(from: RemediationStatus, to: RemediationStatus): boolean {
  return to === 'obsolete' || to === 'reopened' || (from === 'fixed' && to === 'in_progress');
}
