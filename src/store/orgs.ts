/** Organizations (tenants). */
import type { Queryable } from './db.ts';
import { GENESIS_HASH } from '../domain/audit-chain.ts';
import { iso } from './rows.ts';

export interface OrgRecord {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

interface OrgRow { id: string; slug: string; name: string; created_at: Date }

const toOrg = (r: OrgRow): OrgRecord => ({ id: r.id, slug: r.slug, name: r.name, createdAt: iso(r.created_at) });

export async function insertOrg(q: Queryable, slug: string, name: string): Promise<OrgRecord> {
  const [row] = await q.query<OrgRow>('INSERT INTO orgs (slug, name) VALUES ($1, $2) RETURNING *', [slug, name]);
  await q.query(`INSERT INTO audit_heads (org_id, seq, hash) VALUES ($1, 0, $2)`, [row!.id, GENESIS_HASH]);
  return toOrg(row!);
}

export async function findOrgBySlug(q: Queryable, slug: string): Promise<OrgRecord | null> {
  const [row] = await q.query<OrgRow>('SELECT * FROM orgs WHERE slug = $1', [slug]);
  return row ? toOrg(row) : null;
}

export async function listOrgs(q: Queryable): Promise<OrgRecord[]> {
  return (await q.query<OrgRow>('SELECT * FROM orgs ORDER BY name')).map(toOrg);
}

/** Clean runs in a row after which a finding that is no longer reproduced counts as verified. */
export async function verifyAfterCleanRuns(q: Queryable, orgId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT verify_after_clean_runs AS n FROM orgs WHERE id = $1', [orgId]);
  return row?.n ?? 2;
}
