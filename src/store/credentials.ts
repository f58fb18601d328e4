/** Sessions (web app cookies) and personal API tokens; both stored only as SHA-256 hashes. */
import type { Role } from '../domain/roles.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';
import type { MembershipStatus } from './users.ts';

/** Who a presented credential belongs to, in which organization, with which role. */
export interface PrincipalRecord {
  userId: string;
  email: string;
  name: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
  status: MembershipStatus;
  tokenId: string | null;
  /** For API tokens: when the token was last recorded as used. */
  tokenLastUsedAt: Date | null;
  /** The organization's audit sequence now: it moves with every change (see read caches). */
  orgSeq: number;
  /** When the session or token stops working, if ever. */
  expiresAt: Date | null;
}

const PRINCIPAL_COLUMNS = `u.id AS "userId", u.email, u.name, o.id AS "orgId", o.slug AS "orgSlug",
  o.name AS "orgName", m.role, m.status, h.seq AS "orgSeq"`;

export async function insertSession(q: Queryable, tokenHash: string, userId: string, orgId: string, expiresAt: Date): Promise<void> {
  await q.query('INSERT INTO sessions (token_hash, user_id, org_id, expires_at) VALUES ($1, $2, $3, $4)',
    [tokenHash, userId, orgId, expiresAt]);
}

export async function findSessionPrincipal(q: Queryable, tokenHash: string): Promise<PrincipalRecord | null> {
  const [row] = await q.query<PrincipalRecord>(
    `SELECT ${PRINCIPAL_COLUMNS}, NULL AS "tokenId", NULL AS "tokenLastUsedAt", s.expires_at AS "expiresAt"
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN orgs o ON o.id = s.org_id
       JOIN audit_heads h ON h.org_id = s.org_id
       JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`, [tokenHash], 'keel_session_principal');
  return row ?? null;
}

export async function setSessionOrg(q: Queryable, tokenHash: string, orgId: string): Promise<void> {
  await q.query('UPDATE sessions SET org_id = $2 WHERE token_hash = $1', [tokenHash, orgId]);
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOfUser(q: Queryable, userId: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function deleteExpiredSessions(q: Queryable): Promise<void> {
  await q.query('DELETE FROM sessions WHERE expires_at <= now()');
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  orgId: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface TokenRow {
  id: string; name: string; org_id: string; created_at: Date; expires_at: Date | null;
  last_used_at: Date | null; revoked_at: Date | null;
}

const toToken = (r: TokenRow): ApiTokenRecord => ({
  id: r.id, name: r.name, orgId: r.org_id, createdAt: iso(r.created_at), expiresAt: isoOrNull(r.expires_at),
  lastUsedAt: isoOrNull(r.last_used_at), revokedAt: isoOrNull(r.revoked_at),
});

export async function insertApiToken(
  q: Queryable, t: { tokenHash: string; userId: string; orgId: string; name: string; expiresAt: Date | null },
): Promise<ApiTokenRecord> {
  const [row] = await q.query<TokenRow>(
    `INSERT INTO api_tokens (token_hash, user_id, org_id, name, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [t.tokenHash, t.userId, t.orgId, t.name, t.expiresAt]);
  return toToken(row!);
}

export async function listApiTokens(q: Queryable, userId: string, orgId: string): Promise<ApiTokenRecord[]> {
  return (await q.query<TokenRow>(
    'SELECT * FROM api_tokens WHERE user_id = $1 AND org_id = $2 ORDER BY created_at DESC', [userId, orgId])).map(toToken);
}

export async function revokeApiToken(q: Queryable, userId: string, tokenId: string): Promise<ApiTokenRecord | null> {
  const [row] = await q.query<TokenRow>(
    `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2 RETURNING *`,
    [tokenId, userId]);
  return row ? toToken(row) : null;
}

export async function findTokenPrincipal(q: Queryable, tokenHash: string): Promise<PrincipalRecord | null> {
  const [row] = await q.query<PrincipalRecord>(
    `SELECT ${PRINCIPAL_COLUMNS}, t.id AS "tokenId", t.last_used_at AS "tokenLastUsedAt", t.expires_at AS "expiresAt"
       FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN orgs o ON o.id = t.org_id
       JOIN audit_heads h ON h.org_id = t.org_id
       JOIN memberships m ON m.org_id = t.org_id AND m.user_id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [tokenHash], 'keel_token_principal');
  return row ?? null;
}

export async function touchApiToken(q: Queryable, tokenId: string): Promise<void> {
  await q.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [tokenId]);
}
