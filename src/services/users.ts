/**
 * Members of an organization: add, change role, deactivate, remove, set passwords. A person
 * who owns (or deputizes) active zones cannot be deactivated, removed or lose the lead role:
 * the refusal lists the zones to hand off first.
 */
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import { authorize, OWNER_ROLES, type Role } from '../domain/roles.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../domain/secrets.ts';
import type { Db, Queryable } from '../store/db.ts';
import { deleteSessionsOfUser } from '../store/credentials.ts';
import { appendEvents } from '../store/events.ts';
import * as usersRepo from '../store/users.ts';
import type { MemberFilter, MemberRecord, MembershipStatus } from '../store/users.ts';
import { zonesHeldBy } from '../store/zones.ts';
import type { Actor } from './actor.ts';

export interface NewMemberInput {
  email: string;
  name: string;
  role: Role;
  password?: string | undefined;
}

export interface MemberPatch {
  role?: Role | undefined;
  status?: MembershipStatus | undefined;
  name?: string | undefined;
}

export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw InputError.field(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export function createUserService(deps: { db: Db }) {
  const { db } = deps;

  async function load(q: Queryable, actor: Actor, userId: string, forUpdate = false): Promise<MemberRecord> {
    const m = await usersRepo.findMember(q, actor.orgId, userId, forUpdate);
    if (!m) throw new NotFoundError('Member', userId);
    return m;
  }

  /** Refuses a change that would leave zones owned or deputized by someone who cannot hold them. */
  async function refuseIfHoldingZones(q: Queryable, actor: Actor, m: MemberRecord, what: string, ownerOnly: boolean) {
    const held = (await zonesHeldBy(q, actor.orgId, m.id)).filter((z) => !ownerOnly || z.as === 'owner');
    if (held.length === 0) return;
    const list = held.map((z) => `${z.name} (${z.key}, ${z.as})`).join('; ');
    throw new ConflictError(
      `${m.name} cannot be ${what} while holding ${held.length} zone${held.length === 1 ? '' : 's'}; hand off first: ${list}`,
      held.map((z) => ({ field: 'zones', message: `${z.key}: ${z.as} of ${z.name}` })),
    );
  }

  const audit = (m: MemberRecord) => ({ email: m.email, name: m.name, role: m.role, status: m.status });

  return {
    async list(actor: Actor, filter: MemberFilter = {}): Promise<MemberRecord[]> {
      authorize(actor.role, 'org.read');
      return usersRepo.listMembers(db, actor.orgId, filter);
    },

    async get(actor: Actor, userId: string): Promise<MemberRecord> {
      authorize(actor.role, 'org.read');
      return load(db, actor, userId);
    },

    /** Adds a person to the organization, creating their account if the email is new. */
    async add(actor: Actor, input: NewMemberInput): Promise<MemberRecord> {
      authorize(actor.role, 'user.manage');
      const email = input.email.trim().toLowerCase();
      if (input.password !== undefined) checkPasswordStrength(input.password);
      const hash = input.password !== undefined ? await hashPassword(input.password) : null;
      return db.transaction(async (tx) => {
        let user = await usersRepo.findUserByEmail(tx, email);
        if (user && (await usersRepo.findMember(tx, actor.orgId, user.id))) {
          throw InputError.field('email', `${email} is already a member of this organization`);
        }
        if (!user) {
          const created = await usersRepo.insertUser(tx, email, input.name.trim(), hash);
          user = { ...created, passwordHash: hash };
        }
        await usersRepo.insertMembership(tx, actor.orgId, user.id, input.role);
        const m = await load(tx, actor, user.id);
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'member.added', entityType: 'user', entityId: m.id, after: audit(m) },
        ]);
        return m;
      });
    },

    async update(actor: Actor, userId: string, patch: MemberPatch): Promise<MemberRecord> {
      authorize(actor.role, 'user.manage');
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, userId, true);
        if (patch.role && patch.role !== before.role && !OWNER_ROLES.includes(patch.role)) {
          await refuseIfHoldingZones(tx, actor, before, `made a ${patch.role}`, true);
        }
        if (patch.status === 'deactivated' && before.status !== 'deactivated') {
          await refuseIfHoldingZones(tx, actor, before, 'deactivated', false);
        }
        if (userId === actor.userId && ((patch.role && patch.role !== 'admin') || patch.status === 'deactivated')) {
          throw InputError.field(patch.role ? 'role' : 'status', 'you cannot demote or deactivate yourself; ask another admin');
        }
        await usersRepo.updateMembership(tx, actor.orgId, userId, { ...(patch.role ? { role: patch.role } : {}), ...(patch.status ? { status: patch.status } : {}) });
        if (patch.name?.trim()) await usersRepo.updateUserName(tx, userId, patch.name.trim());
        if (patch.status === 'deactivated') await deleteSessionsOfUser(tx, userId);
        const after = await load(tx, actor, userId);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'member.updated', entityType: 'user', entityId: userId,
          before: audit(before), after: audit(after),
        }]);
        if (after.name !== before.name) {
          // The account is shared: its other organizations see the new name too, so their
          // trails record it (and their read caches move on).
          for (const m of await usersRepo.listMembershipsOfUser(tx, userId)) {
            if (m.orgId === actor.orgId) continue;
            await appendEvents(tx, m.orgId, [{
              actor: actor.label, action: 'member.renamed', entityType: 'user', entityId: userId,
              before: { name: before.name }, after: { name: after.name },
            }]);
          }
        }
        return after;
      });
    },

    /** Removes the membership (the account stays: it may belong to other organizations). */
    async remove(actor: Actor, userId: string): Promise<void> {
      authorize(actor.role, 'user.manage');
      await db.transaction(async (tx) => {
        const before = await load(tx, actor, userId, true);
        if (userId === actor.userId) throw InputError.field('userId', 'you cannot remove yourself; ask another admin');
        await refuseIfHoldingZones(tx, actor, before, 'removed', false);
        await usersRepo.deleteMembership(tx, actor.orgId, userId);
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'member.removed', entityType: 'user', entityId: userId, before: audit(before) },
        ]);
      });
    },

    /** An admin sets a member's password (first sign-in, or a reset). */
    async setPassword(actor: Actor, userId: string, password: string): Promise<void> {
      authorize(actor.role, 'user.manage');
      checkPasswordStrength(password);
      const hash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await load(tx, actor, userId, true);
        await usersRepo.setPasswordHash(tx, userId, hash);
        await deleteSessionsOfUser(tx, userId);
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'member.password_set', entityType: 'user', entityId: userId },
        ]);
      });
    },

    /** A signed-in person changes their own password, proving the current one. */
    async changeOwnPassword(actor: Actor, current: string, next: string): Promise<void> {
      if (!actor.userId) throw InputError.field('userId', 'only a signed-in person has a password');
      const userId = actor.userId;
      const stored = await usersRepo.passwordHashOf(db, userId);
      if (!stored || !(await verifyPassword(current, stored))) {
        throw InputError.field('currentPassword', 'is not your current password');
      }
      checkPasswordStrength(next, 'newPassword');
      const hash = await hashPassword(next);
      await db.transaction(async (tx) => {
        await usersRepo.setPasswordHash(tx, userId, hash);
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'member.password_changed', entityType: 'user', entityId: userId },
        ]);
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
