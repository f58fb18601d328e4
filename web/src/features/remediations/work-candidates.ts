import type { Member } from '../../../../src/contracts/users.ts';
import { byName } from '../users/use-members.ts';

/** Who can build or validate a fix: active admins, leads and contributors (the server refuses readers). */
export function workCandidates(members: readonly Member[]): Member[] {
  return members.filter((m) => m.status === 'active' && m.role !== 'viewer' && m.role !== 'reviewer').sort(byName);
}

/** Who can monitor an item or retire its assumptions: any active member. */
export function anyActive(members: readonly Member[]): Member[] {
  return members.filter((m) => m.status === 'active').sort(byName);
}
