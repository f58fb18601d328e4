/**
 * People named on the command line: by email, as colleagues know each other, or by user id (and
 * `me` where the API takes it). An email is looked up among the organization's members, read
 * once per command however many options name someone.
 */
import { InputError } from '../domain/errors.ts';
import type { Member } from '../contracts/users.ts';
import type { KeelClient } from './client.ts';

/** Resolves `ref` (an email or an id) to a user id, or undefined without one; an unknown email names its option. */
export type UserIdOf = (option: string, ref: string | undefined) => Promise<string | undefined>;

export function userIds(c: KeelClient): UserIdOf {
  let members: Promise<Member[]> | undefined;
  return async (option, ref) => {
    if (ref === undefined) return undefined;
    const wanted = ref.trim().toLowerCase();
    if (!wanted.includes('@')) return ref.trim();
    members ??= c.listUsers({});
    const member = (await members).find((m) => m.email.toLowerCase() === wanted);
    if (!member) throw InputError.field(option, `no member of this organization has the email ${ref.trim()}`);
    return member.id;
  };
}
