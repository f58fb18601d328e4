import { describe, expect, it } from 'vitest';
import { ConflictError, NotAllowedError } from './errors.ts';
import {
  allowedTransitions, authorizeMove, canManage, canMove, canValidate, checkTransition, requireMoveReason, stageOf,
  verificationBlockers, type RemediationParty,
} from './remediation-status.ts';

const party = (extra: Partial<RemediationParty>): RemediationParty => ({ role: 'contributor', zoneOwner: false, assignee: false, validator: false, ...extra });

describe('remediation status flow', () => {
  it('follows planned → in progress → fixed → verified, with obsolete and reopened', () => {
    expect(allowedTransitions('planned')).toEqual(['in_progress', 'obsolete']);
    expect(allowedTransitions('fixed')).toContain('verified');
    expect(allowedTransitions('verified')).toEqual(['reopened']);
    expect(allowedTransitions('reopened')).toEqual(['in_progress', 'fixed', 'obsolete']);
    expect(allowedTransitions('obsolete')).toEqual([]);
    expect(() => checkTransition('planned', 'verified')).toThrow(ConflictError);
    expect(() => checkTransition('planned', 'verified')).toThrow('An item that is planned cannot move to verified; it can move to in progress, obsolete');
    expect(() => checkTransition('obsolete', 'planned')).toThrow(/it is closed/);
    expect(() => checkTransition('fixed', 'fixed')).toThrow('The item is already fixed');
  });

  it('lets the assignee build the fix, and only the validator or an admin verify', () => {
    const assignee = party({ assignee: true });
    expect(canMove(assignee, 'planned', 'in_progress')).toBe(true);
    expect(canMove(assignee, 'in_progress', 'fixed')).toBe(true);
    expect(canMove(assignee, 'fixed', 'verified')).toBe(false);
    expect(canMove(assignee, 'planned', 'obsolete')).toBe(false);
    expect(() => authorizeMove(assignee, 'fixed', 'verified')).toThrow('Only the validator of this item or an admin may verify it');
    expect(canMove(party({ validator: true }), 'fixed', 'verified')).toBe(true);
    expect(canMove(party({ validator: true }), 'fixed', 'in_progress')).toBe(true);
    expect(canMove(party({ role: 'admin' }), 'fixed', 'verified')).toBe(true);
    // the zone's owner runs the item but does not verify it unless they are the validator
    const owner = party({ role: 'lead', zoneOwner: true });
    expect(canMove(owner, 'planned', 'obsolete')).toBe(true);
    expect(canMove(owner, 'fixed', 'verified')).toBe(false);
    expect(() => authorizeMove(party({}), 'planned', 'in_progress')).toThrow(NotAllowedError);
    expect(() => authorizeMove(party({ role: 'viewer', assignee: true }), 'planned', 'in_progress')).toThrow(/assignee, the zone's owner or an admin/);
  });

  it('lets admins anywhere and leads in their zones manage items', () => {
    expect(canManage(party({ role: 'admin' }))).toBe(true);
    expect(canManage(party({ role: 'lead', zoneOwner: true }))).toBe(true);
    expect(canManage(party({ role: 'lead' }))).toBe(false);
    expect(canManage(party({ role: 'contributor', zoneOwner: true }))).toBe(false);
    expect(canValidate(party({ role: 'viewer', validator: true }))).toBe(false);
  });

  it('wants a reason to close as obsolete, reopen, or send a fix back', () => {
    expect(() => requireMoveReason('planned', 'obsolete', ' ')).toThrow(/reason: moving an item to obsolete needs a written reason/);
    expect(() => requireMoveReason('verified', 'reopened', undefined)).toThrow(/reopened/);
    expect(() => requireMoveReason('fixed', 'in_progress', 'no')).toThrow(/in progress/);
    expect(requireMoveReason('planned', 'in_progress', undefined)).toBeNull();
    expect(requireMoveReason('planned', 'obsolete', ' superseded by REM-3 ')).toBe('superseded by REM-3');
  });

  it('says what still blocks verification', () => {
    expect(verificationBlockers({ criteriaTotal: 3, criteriaMet: 3, openToolFindings: 0 })).toEqual([]);
    expect(verificationBlockers({ criteriaTotal: 3, criteriaMet: 2, openToolFindings: 1 })).toEqual([
      '1 of 3 acceptance criteria is not met yet',
      '1 linked tool finding is still open: a later run must no longer reproduce it',
    ]);
  });

  it('puts an item in the stage of its first milestone not done', () => {
    expect(stageOf([])).toBeNull();
    expect(stageOf([{ stage: 'pilot', status: 'pending' }, { stage: 'prototype', status: 'done' }])).toBe('pilot');
    expect(stageOf([{ stage: 'prototype', status: 'missed' }])).toBe('prototype');
    expect(stageOf([{ stage: 'prototype', status: 'done' }, { stage: 'full_rollout', status: 'done' }])).toBe('done');
  });
});
