/**
 * People named on the command line: by email, as colleagues know each other, or by user id (and
 * `me` where the API takes it). An email is looked up among the organization's members.
 */
import { InputError } from '../domain/errors.ts';
import type { KeelClient } from './client.ts';

/** The user id for `ref` (an email or an id), or undefined without one; an unknown email names its option. */
export async function userIdOf(c: KeelClient, option: string, ref: string | undefined): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  const wanted = ref.trim().toLowerCase();
  if (!wanted.includes('@')) return ref.trim();
  const member = (await c.listUsers({})).find((m) => m.email.toLowerCase() === wanted);
  if (!member) throw InputError.field(option, `no member of this organization has the email ${ref.trim()}`);
  return member.id;
}
