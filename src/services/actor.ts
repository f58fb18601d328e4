/**
 * The actor of a service call: who acts, in which organization, with which role. The HTTP
 * edge builds it from a session or API token; the local CLI acts as the operator of the
 * embedded database, with admin rights, recorded in the audit trail as `system:cli`.
 */
import type { Role } from '../domain/roles.ts';

export interface Actor {
  orgId: string;
  /** null for the local operator (CLI on the embedded database). */
  userId: string | null;
  role: Role;
  /** Recorded in the audit trail: `user:<uuid>` or `system:<name>`. */
  label: string;
  /**
   * The organization's audit sequence when the caller was authenticated, read in the same
   * query. Every change moves it, so read caches keyed by it need no round trip of their own.
   */
  orgSeq?: number | undefined;
}

export function userActor(orgId: string, userId: string, role: Role, orgSeq?: number): Actor {
  return { orgId, userId, role, label: `user:${userId}`, orgSeq };
}

export function systemActor(orgId: string, name = 'cli'): Actor {
  return { orgId, userId: null, role: 'admin', label: `system:${name}` };
}
