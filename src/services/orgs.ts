/** Organizations: creation with a first admin (an operator task: CLI or first start). */
import { InputError } from '../domain/errors.ts';
import { hashPassword } from '../domain/secrets.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { findOrgBySlug, insertOrg, listOrgs, type OrgRecord } from '../store/orgs.ts';
import { findUserByEmail, insertMembership, insertUser, setPasswordHash } from '../store/users.ts';
import { checkPasswordStrength } from './users.ts';

export interface NewOrgInput {
  slug: string;
  name: string;
  admin: { email: string; name: string; password?: string | undefined };
}

export function createOrgService(deps: { db: Db }) {
  const { db } = deps;
  return {
    list: (): Promise<OrgRecord[]> => listOrgs(db),

    async find(slug: string): Promise<OrgRecord | null> {
      return findOrgBySlug(db, slug);
    },

    async create(input: NewOrgInput): Promise<OrgRecord> {
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.slug)) {
        throw InputError.field('slug', 'use lower-case letters, digits and dashes (at most 63)');
      }
      if (input.admin.password !== undefined) checkPasswordStrength(input.admin.password, 'admin.password');
      const hash = input.admin.password !== undefined ? await hashPassword(input.admin.password) : null;
      return db.transaction(async (tx) => {
        if (await findOrgBySlug(tx, input.slug)) throw InputError.field('slug', `an organization ${JSON.stringify(input.slug)} already exists`);
        const org = await insertOrg(tx, input.slug, input.name);
        const email = input.admin.email.trim().toLowerCase();
        let user = await findUserByEmail(tx, email);
        if (!user) user = { ...(await insertUser(tx, email, input.admin.name, hash)), passwordHash: hash };
        else if (hash) await setPasswordHash(tx, user.id, hash);
        await insertMembership(tx, org.id, user.id, 'admin');
        await appendEvents(tx, org.id, [
          { actor: 'system:setup', action: 'org.created', entityType: 'org', entityId: org.id, after: { slug: org.slug, name: org.name } },
          { actor: 'system:setup', action: 'member.added', entityType: 'user', entityId: user.id,
            after: { email, name: user.name, role: 'admin', status: 'active' } },
        ]);
        return org;
      });
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
