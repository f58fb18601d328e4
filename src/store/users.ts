/** Users and their memberships (role and status per organization). */
import type { Role } from '../domain/roles.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';

export type MembershipStatus = 'active' | 'deactivated';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  hasPassword: boolean;
  createdAt: string;
}

export interface MemberRecord extends UserRecord {
  orgId: string;
  role: Role;
  status: MembershipStatus;
  joinedAt: string;
  deactivatedAt: string | null;
  zonesOwned: number;
}

interface UserRow { id: string; email: string; name: string; password_hash: string | null; created_at: Date }
interface MemberRow extends UserRow {
  org_id: string; role: Role; status: MembershipStatus; joined_at: Date; deactivated_at: Date | null; zones_owned: number;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id, email: r.email, name: r.name, hasPassword: r.password_hash !== null, createdAt: iso(r.created_at),
});

const toMember = (r: MemberRow): MemberRecord => ({
  ...toUser(r), orgId: r.org_id, role: r.role, status: r.status, joinedAt: iso(r.joined_at),
  deactivatedAt: isoOrNull(r.deactivated_at), zonesOwned: r.zones_owned,
});

export async function insertUser(q: Queryable, email: string, name: string, passwordHash: string | null): Promise<UserRecord> {
  const [row] = await q.query<UserRow>(
    'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING *', [email, name, passwordHash]);
  return toUser(row!);
}

export async function findUserByEmail(q: Queryable, email: string): Promise<(UserRecord & { passwordHash: string | null }) | null> {
  const [row] = await q.query<UserRow>('SELECT * FROM users WHERE email = $1', [email.toLowerCase()]);
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function setPasswordHash(q: Queryable, userId: string, hash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, hash]);
}

export async function updateUserName(q: Queryable, userId: string, name: string): Promise<void> {
  await q.query('UPDATE users SET name = $2 WHERE id = $1', [userId, name]);
}

export async function insertMembership(q: Queryable, orgId: string, userId: string, role: Role): Promise<void> {
  await q.query('INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, $3)', [orgId, userId, role]);
}

const MEMBER_SELECT = `
  SELECT u.*, m.org_id, m.role, m.status, m.created_at AS joined_at, m.deactivated_at,
         (SELECT count(*)::int FROM zones z
           WHERE z.org_id = m.org_id AND z.owner_id = u.id AND z.archived_at IS NULL) AS zones_owned
    FROM memberships m JOIN users u ON u.id = m.user_id`;

export async function findMember(q: Queryable, orgId: string, userId: string, forUpdate = false): Promise<MemberRecord | null> {
  const [row] = await q.query<MemberRow>(
    `${MEMBER_SELECT} WHERE m.org_id = $1 AND m.user_id = $2${forUpdate ? ' FOR UPDATE OF m' : ''}`, [orgId, userId]);
  return row ? toMember(row) : null;
}

export interface MemberFilter {
  role?: Role | undefined;
  status?: MembershipStatus | undefined;
  q?: string | undefined;
}

export async function listMembers(q: Queryable, orgId: string, filter: MemberFilter = {}): Promise<MemberRecord[]> {
  const where = ['m.org_id = $1'];
  const params: unknown[] = [orgId];
  if (filter.role) { params.push(filter.role); where.push(`m.role = $${params.length}`); }
  if (filter.status) { params.push(filter.status); where.push(`m.status = $${params.length}`); }
  if (filter.q) {
    params.push(`%${filter.q.toLowerCase()}%`);
    where.push(`(lower(u.name) LIKE $${params.length} OR u.email LIKE $${params.length})`);
  }
  return (await q.query<MemberRow>(`${MEMBER_SELECT} WHERE ${where.join(' AND ')} ORDER BY lower(u.name)`, params)).map(toMember);
}

export async function updateMembership(
  q: Queryable, orgId: string, userId: string, change: { role?: Role; status?: MembershipStatus },
): Promise<void> {
  if (change.role) {
    await q.query('UPDATE memberships SET role = $3 WHERE org_id = $1 AND user_id = $2', [orgId, userId, change.role]);
  }
  if (change.status) {
    await q.query(
      `UPDATE memberships SET status = $3, deactivated_at = CASE WHEN $3 = 'active' THEN NULL ELSE now() END
        WHERE org_id = $1 AND user_id = $2`, [orgId, userId, change.status]);
  }
}

export async function deleteMembership(q: Queryable, orgId: string, userId: string): Promise<void> {
  await q.query('DELETE FROM memberships WHERE org_id = $1 AND user_id = $2', [orgId, userId]);
}

export interface MembershipSummary { orgId: string; slug: string; name: string; role: Role; status: MembershipStatus }

export async function listMembershipsOfUser(q: Queryable, userId: string): Promise<MembershipSummary[]> {
  return q.query<MembershipSummary>(
    `SELECT o.id AS "orgId", o.slug, o.name, m.role, m.status
       FROM memberships m JOIN orgs o ON o.id = m.org_id
      WHERE m.user_id = $1 ORDER BY o.name`, [userId]);
}

export async function passwordHashOf(q: Queryable, userId: string): Promise<string | null> {
  const [row] = await q.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [userId]);
  return row?.password_hash ?? null;
}
