import type { Member } from '../../../../src/contracts/users.ts';

/** Finds a person's name from an id or an email, as audit records carry either. */
export interface PeopleIndex {
  name: (idOrEmail: string | null | undefined) => string | null;
}

export function buildPeopleIndex(members: readonly Member[] | undefined): PeopleIndex {
  const map = new Map<string, string>();
  for (const m of members ?? []) {
    map.set(m.id, m.name);
    map.set(m.email.toLowerCase(), m.name);
  }
  return {
    name: (ref) => (ref ? map.get(ref) ?? map.get(ref.toLowerCase()) ?? null : null),
  };
}
