/**
 * Signing in and out, sessions, the organization a session works in, and personal API
 * tokens. Tokens are shown once, at creation, and stored only as hashes.
 */
import { InputError, NotFoundError, UnauthenticatedError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import { DUMMY_PASSWORD_HASH, newToken, tokenHash, verifyPassword } from '../domain/secrets.ts';
import * as creds from '../store/credentials.ts';
import type { ApiTokenRecord, PrincipalRecord } from '../store/credentials.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { findOrgBySlug } from '../store/orgs.ts';
import { findUserByEmail, listMembershipsOfUser, type MembershipSummary } from '../store/users.ts';
import { userActor, type Actor } from './actor.ts';
import { PrincipalCache } from './principal-cache.ts';

export const SESSION_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;
const TOKEN_TOUCH_MS = 60 * 1000;

export interface Principal extends PrincipalRecord {
  actor: Actor;
}

export interface Me {
  user: { id: string; email: string; name: string };
  org: { id: string; slug: string; name: string };
  role: PrincipalRecord['role'];
  memberships: MembershipSummary[];
}

function toPrincipal(p: PrincipalRecord | null): Principal {
  if (!p || p.status !== 'active') throw new UnauthenticatedError('Your session has ended or your access was revoked; sign in again');
  return { ...p, actor: userActor(p.orgId, p.userId, p.role, p.orgSeq) };
}

export function createAuthService(deps: { db: Db }) {
  const { db } = deps;
  const principals = new PrincipalCache(db);

  async function me(p: Principal): Promise<Me> {
    return {
      user: { id: p.userId, email: p.email, name: p.name },
      org: { id: p.orgId, slug: p.orgSlug, name: p.orgName },
      role: p.role,
      memberships: (await listMembershipsOfUser(db, p.userId)).filter((m) => m.status === 'active'),
    };
  }

  return {
    me,

    /** Checks email and password; opens a session in the requested (or first) organization. */
    async login(email: string, password: string, orgSlug?: string): Promise<{ token: string; expiresAt: Date; me: Me }> {
      const user = await findUserByEmail(db, email.trim());
      // Compare against a dummy hash when there is no such user, so timing does not reveal accounts.
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!user || !user.passwordHash || !ok) throw new UnauthenticatedError('Wrong email or password');
      const memberships = (await listMembershipsOfUser(db, user.id)).filter((m) => m.status === 'active');
      const chosen = orgSlug ? memberships.find((m) => m.slug === orgSlug) : memberships[0];
      if (!chosen) {
        throw orgSlug
          ? InputError.field('org', `you are not an active member of ${JSON.stringify(orgSlug)}`)
          : new UnauthenticatedError('Your account is not an active member of any organization');
      }
      const token = newToken('session');
      const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY);
      await db.transaction(async (tx) => {
        await creds.insertSession(tx, tokenHash(token), user.id, chosen.orgId, expiresAt);
        await appendEvents(tx, chosen.orgId, [
          { actor: `user:${user.id}`, action: 'session.signed_in', entityType: 'user', entityId: user.id },
        ]);
      });
      await creds.deleteExpiredSessions(db);
      const principal = toPrincipal(await creds.findSessionPrincipal(db, tokenHash(token)));
      return { token, expiresAt, me: await me(principal) };
    },

    async logout(token: string): Promise<void> {
      // In a transaction like every change of credentials, so cached principals are dropped.
      await db.transaction((tx) => creds.deleteSession(tx, tokenHash(token)));
    },

    async fromSession(token: string): Promise<Principal> {
      const hash = tokenHash(token);
      return toPrincipal(await principals.get(hash, () => creds.findSessionPrincipal(db, hash)));
    },

    async fromApiToken(token: string): Promise<Principal> {
      const hash = tokenHash(token);
      const record = await principals.get(hash, () => creds.findTokenPrincipal(db, hash));
      const p = toPrincipal(record);
      // Record use at most once a minute, so a busy client does not write on every call.
      const now = Date.now();
      if (record && now - (record.tokenLastUsedAt?.getTime() ?? 0) > TOKEN_TOUCH_MS) {
        await creds.touchApiToken(db, p.tokenId!);
        record.tokenLastUsedAt = new Date(now);
      }
      return p;
    },

    /** The org switcher: moves the session to another organization the person belongs to. */
    async switchOrg(token: string, principal: Principal, orgSlug: string): Promise<Me> {
      const org = await findOrgBySlug(db, orgSlug);
      const memberships = await listMembershipsOfUser(db, principal.userId);
      const m = org && memberships.find((x) => x.orgId === org.id && x.status === 'active');
      if (!org || !m) throw InputError.field('org', `you are not an active member of ${JSON.stringify(orgSlug)}`);
      await db.transaction((tx) => creds.setSessionOrg(tx, tokenHash(token), org.id));
      return me(toPrincipal(await creds.findSessionPrincipal(db, tokenHash(token))));
    },

    async createApiToken(
      actor: Actor, name: string, expiresInDays?: number,
    ): Promise<{ token: string; record: ApiTokenRecord }> {
      authorize(actor.role, 'org.read');
      if (!actor.userId) throw InputError.field('userId', 'API tokens belong to a person; sign in first');
      const userId = actor.userId;
      const token = newToken('api');
      const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * DAY) : null;
      const record = await db.transaction(async (tx) => {
        const r = await creds.insertApiToken(tx, { tokenHash: tokenHash(token), userId, orgId: actor.orgId, name: name.trim(), expiresAt });
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'api_token.created', entityType: 'user', entityId: userId, after: { tokenId: r.id, name: r.name } },
        ]);
        return r;
      });
      return { token, record };
    },

    async listApiTokens(actor: Actor): Promise<ApiTokenRecord[]> {
      if (!actor.userId) return [];
      return creds.listApiTokens(db, actor.userId, actor.orgId);
    },

    async revokeApiToken(actor: Actor, tokenId: string): Promise<ApiTokenRecord> {
      if (!actor.userId) throw new NotFoundError('API token', tokenId);
      const userId = actor.userId;
      return db.transaction(async (tx) => {
        const r = await creds.revokeApiToken(tx, userId, tokenId);
        if (!r) throw new NotFoundError('API token', tokenId);
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'api_token.revoked', entityType: 'user', entityId: userId, after: { tokenId, name: r.name } },
        ]);
        return r;
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
