import type { Member } from '../../../../src/contracts/users.ts';
import { usersApi } from '../../api/users.ts';
import { useResource, type Resource } from '../../api/use-resource.ts';

/** Every member of the current organization (for owner and deputy pickers, names in history). */
export function useMembers(): Resource<{ items: Member[] }> {
  return useResource(() => usersApi.list(), []);
}

/** Who may own a zone: active leads and admins. */
export function ownerCandidates(members: readonly Member[]): Member[] {
  return members
    .filter((m) => m.status === 'active' && (m.role === 'lead' || m.role === 'admin'))
    .sort(byName);
}

/** Who may be a deputy: any active member. */
export function deputyCandidates(members: readonly Member[]): Member[] {
  return members.filter((m) => m.status === 'active').sort(byName);
}

export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}
