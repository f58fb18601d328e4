/**
 * The status flow of a remediation item, who may move it, what verification needs, and the
 * stage its milestones put it in (ADR 7).
 *
 *   planned → in_progress → fixed → verified
 *   planned | in_progress | fixed | reopened → obsolete (reason required)
 *   fixed → in_progress (the fix did not hold)
 *   fixed | verified → reopened (a linked finding regressed, or by hand with a reason) → in_progress | fixed
 */
import { ConflictError, InputError, NotAllowedError } from './errors.ts';
import { can, type Role } from './roles.ts';

export const REMEDIATION_STATUSES = ['planned', 'in_progress', 'fixed', 'verified', 'obsolete', 'reopened'] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

/** Open items count toward the SLA, debt and the backlog. */
export const OPEN_STATUSES: readonly RemediationStatus[] = ['planned', 'in_progress', 'reopened'];

export const MILESTONE_STAGES = ['prototype', 'pilot', 'full_rollout'] as const;
export type MilestoneStage = (typeof MILESTONE_STAGES)[number];
export const MILESTONE_STATUSES = ['pending', 'in_progress', 'done', 'missed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

const NEXT: Record<RemediationStatus, readonly RemediationStatus[]> = {
  planned: ['in_progress', 'obsolete'],
  in_progress: ['fixed', 'obsolete'],
  fixed: ['verified', 'in_progress', 'reopened', 'obsolete'],
  verified: ['reopened'],
  reopened: ['in_progress', 'fixed', 'obsolete'],
  obsolete: [],
};

const LABEL: Record<RemediationStatus, string> = {
  planned: 'planned', in_progress: 'in progress', fixed: 'fixed', verified: 'verified', obsolete: 'obsolete', reopened: 'reopened',
};

export function statusLabel(s: RemediationStatus): string {
  return LABEL[s];
}

export function allowedTransitions(from: RemediationStatus): readonly RemediationStatus[] {
  return NEXT[from];
}

/** Throws a ConflictError saying which moves are possible when `from → to` is not one of them. */
export function checkTransition(from: RemediationStatus, to: RemediationStatus): void {
  if (NEXT[from].includes(to)) return;
  const options = NEXT[from].map(statusLabel);
  throw new ConflictError(from === to
    ? `The item is already ${LABEL[from]}`
    : `An item that is ${LABEL[from]} cannot move to ${LABEL[to]}; ${options.length ? `it can move to ${options.join(', ')}` : 'it is closed'}`);
}

/** A transition that needs a written reason: closing as obsolete, reopening by hand, sending a fix back. */
export function needsReason(from: RemediationStatus, to: RemediationStatus): boolean {
  return to === 'obsolete' || to === 'reopened' || (from === 'fixed' && to === 'in_progress');
}

/** Who the caller is to one item. */
export interface RemediationParty {
  role: Role;
  /** Owns or deputizes the item's zone. */
  zoneOwner: boolean;
  assignee: boolean;
  validator: boolean;
}

/** Admins anywhere; leads in the zones they own or deputize. */
export function canManage(p: RemediationParty): boolean {
  return can(p.role, 'remediation.manage_any') || (p.zoneOwner && can(p.role, 'remediation.manage_own'));
}

/** Acceptance criteria are checked off by the validator (or an admin). */
export function canValidate(p: RemediationParty): boolean {
  return can(p.role, 'remediation.manage_any') || (p.validator && p.role !== 'viewer' && p.role !== 'reviewer');
}

/** The assignee builds the fix: they move planned → in progress → fixed (and a reopened item back to work). */
const ASSIGNEE_MOVES: readonly RemediationStatus[] = ['in_progress', 'fixed'];

export function canMove(p: RemediationParty, from: RemediationStatus, to: RemediationStatus): boolean {
  if (to === 'verified') return canValidate(p);
  if (canManage(p)) return true;
  if (p.assignee && p.role !== 'viewer' && p.role !== 'reviewer' && ASSIGNEE_MOVES.includes(to) && from !== 'fixed') return true;
  // The validator sends a fix that did not hold back to work.
  return from === 'fixed' && to === 'in_progress' && canValidate(p);
}

export function authorizeMove(p: RemediationParty, from: RemediationStatus, to: RemediationStatus): void {
  if (canMove(p, from, to)) return;
  if (to === 'verified') throw new NotAllowedError('Only the validator of this item or an admin may verify it');
  if (ASSIGNEE_MOVES.includes(to)) {
    throw new NotAllowedError(`Only the assignee, the zone's owner or an admin may move this item to ${LABEL[to]}`);
  }
  throw new NotAllowedError(`Only the zone's owner or an admin may move this item to ${LABEL[to]}`);
}

/** What still stands between a fixed item and `verified`; empty when it may be verified. */
export function verificationBlockers(input: { criteriaTotal: number; criteriaMet: number; openToolFindings: number }): string[] {
  const out: string[] = [];
  const unmet = input.criteriaTotal - input.criteriaMet;
  if (unmet > 0) out.push(`${unmet} of ${input.criteriaTotal} acceptance criteria ${unmet === 1 ? 'is' : 'are'} not met yet`);
  if (input.openToolFindings > 0) {
    out.push(`${input.openToolFindings} linked tool finding${input.openToolFindings === 1 ? ' is' : 's are'} still open: a later run must no longer reproduce ${input.openToolFindings === 1 ? 'it' : 'them'}`);
  }
  return out;
}

/** Throws when the written reason a move needs is missing. */
export function requireMoveReason(from: RemediationStatus, to: RemediationStatus, reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  if (needsReason(from, to) && text.length < 3) {
    throw InputError.field('reason', `moving an item to ${LABEL[to]} needs a written reason (at least 3 characters)`);
  }
  return text || null;
}

/** The stage an item is in: its first milestone not done, `done` when all are, null without milestones. */
export function stageOf(milestones: readonly { stage: MilestoneStage; status: MilestoneStatus }[]): MilestoneStage | 'done' | null {
  if (milestones.length === 0) return null;
  for (const stage of MILESTONE_STAGES) {
    const m = milestones.find((x) => x.stage === stage);
    if (m && m.status !== 'done') return stage;
  }
  return 'done';
}
