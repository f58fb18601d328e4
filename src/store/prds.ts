/** PRD reviews and the failure modes of their Safety Implications section. */
import type { Likelihood, PrdStatus } from '../domain/prd-review.ts';
import type { Severity } from '../domain/severity.ts';
import type { Bucket } from '../domain/zones.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';
import { personColumn, zoneBriefColumn, type PersonBrief, type ZoneBrief } from './zone-brief.ts';
import { updateById } from './update-by-id.ts';

export interface FailureModeRecord {
  id: string;
  position: number;
  harm: string;
  bucket: Bucket;
  severity: Severity;
  likelihood: Likelihood;
  mitigation: string | null;
  owner: PersonBrief | null;
  findingId: string | null;
  remediation: { id: string; key: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface PrdSummaryRecord {
  id: string;
  zone: ZoneBrief;
  title: string;
  url: string | null;
  author: PersonBrief | null;
  status: PrdStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  failureModeCount: number;
}

export interface PrdRecord extends PrdSummaryRecord {
  failureModes: FailureModeRecord[];
}

type Ts = Date | string;
interface PrdRow {
  id: string; zone: ZoneBrief; title: string; url: string | null; author: PersonBrief | null; status: PrdStatus;
  submitted_at: Ts | null; approved_at: Ts | null; approved_by: string | null; created_by: string; created_at: Ts; updated_at: Ts;
  failure_mode_count: number;
}

const COLUMNS = `p.id, ${zoneBriefColumn('p')} AS zone, p.title, p.url, ${personColumn('p.author_id')} AS author, p.status,
  p.submitted_at, p.approved_at, p.approved_by, p.created_by, p.created_at, p.updated_at,
  (SELECT count(*)::int FROM prd_failure_modes m WHERE m.prd_id = p.id) AS failure_mode_count`;

const toSummary = (r: PrdRow): PrdSummaryRecord => ({
  id: r.id, zone: r.zone, title: r.title, url: r.url, author: r.author, status: r.status, submittedAt: isoOrNull(r.submitted_at),
  approvedAt: isoOrNull(r.approved_at), approvedBy: r.approved_by, createdBy: r.created_by, createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at), failureModeCount: r.failure_mode_count,
});

interface ModeRow {
  id: string; position: number; harm: string; bucket: Bucket; severity: Severity; likelihood: Likelihood; mitigation: string | null;
  owner: PersonBrief | null; finding_id: string | null; remediation_id: string | null; remediation_number: number | null;
  created_at: Ts; updated_at: Ts;
}

export async function listFailureModes(q: Queryable, prdId: string): Promise<FailureModeRecord[]> {
  const rows = await q.query<ModeRow>(
    `SELECT m.*, ${personColumn('m.owner_id')} AS owner, r.number AS remediation_number
       FROM prd_failure_modes m LEFT JOIN remediations r ON r.id = m.remediation_id
      WHERE m.prd_id = $1 ORDER BY m.position`, [prdId]);
  return rows.map((r) => ({
    id: r.id, position: r.position, harm: r.harm, bucket: r.bucket, severity: r.severity, likelihood: r.likelihood,
    mitigation: r.mitigation, owner: r.owner, findingId: r.finding_id,
    remediation: r.remediation_id ? { id: r.remediation_id, key: `REM-${r.remediation_number}` } : null,
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  }));
}

export async function findPrd(q: Queryable, orgId: string, id: string, forUpdate = false): Promise<PrdRecord | null> {
  if (forUpdate) await q.query('SELECT 1 FROM prds WHERE org_id = $1 AND id = $2 FOR UPDATE', [orgId, id]);
  const [row] = await q.query<PrdRow>(`SELECT ${COLUMNS} FROM prds p WHERE p.org_id = $1 AND p.id = $2`, [orgId, id]);
  if (!row) return null;
  return { ...toSummary(row), failureModes: await listFailureModes(q, row.id) };
}

export interface PrdFilter { zoneId?: string | undefined; status?: PrdStatus | undefined }

export async function listPrds(q: Queryable, orgId: string, f: PrdFilter, limit: number): Promise<PrdSummaryRecord[]> {
  const rows = await q.query<PrdRow>(
    `SELECT ${COLUMNS} FROM prds p
      WHERE p.org_id = $1 AND ($2::uuid IS NULL OR p.zone_id = $2) AND ($3::text IS NULL OR p.status = $3)
      ORDER BY p.updated_at DESC, p.id LIMIT $4`, [orgId, f.zoneId ?? null, f.status ?? null, limit]);
  return rows.map(toSummary);
}

export interface PrdWrite { zoneId: string; title: string; url: string | null; authorId: string | null; createdBy: string; at: string }

export async function insertPrd(q: Queryable, orgId: string, w: PrdWrite): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO prds (org_id, zone_id, title, url, author_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [orgId, w.zoneId, w.title, w.url, w.authorId, w.createdBy, w.at]);
  return row!.id;
}

export interface PrdSet {
  title?: string | undefined; url?: string | null | undefined; authorId?: string | null | undefined; status?: PrdStatus | undefined;
  submittedAt?: string | null | undefined; approvedAt?: string | null | undefined; approvedBy?: string | null | undefined;
}

const PRD_COLUMNS: Record<keyof PrdSet, string> = {
  title: 'title', url: 'url', authorId: 'author_id', status: 'status', submittedAt: 'submitted_at', approvedAt: 'approved_at',
  approvedBy: 'approved_by',
};

export async function updatePrd(q: Queryable, orgId: string, id: string, set: PrdSet, at: string): Promise<void> {
  await updateById(q, { table: 'prds', columns: PRD_COLUMNS }, orgId, id, set, at);
}

export interface FailureModeWrite {
  harm: string; bucket: Bucket; severity: Severity; likelihood: Likelihood; mitigation: string | null; ownerId: string | null;
}

export async function insertFailureMode(q: Queryable, orgId: string, prdId: string, w: FailureModeWrite, at: string): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO prd_failure_modes (org_id, prd_id, position, harm, bucket, severity, likelihood, mitigation, owner_id, created_at, updated_at)
     SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $9 FROM prd_failure_modes WHERE prd_id = $2
     RETURNING id`,
    [orgId, prdId, w.harm, w.bucket, w.severity, w.likelihood, w.mitigation, w.ownerId, at]);
  return row!.id;
}

export async function updateFailureMode(q: Queryable, prdId: string, id: string, w: FailureModeWrite, at: string): Promise<void> {
  await q.query(
    `UPDATE prd_failure_modes SET harm = $3, bucket = $4, severity = $5, likelihood = $6, mitigation = $7, owner_id = $8, updated_at = $9
      WHERE prd_id = $1 AND id = $2`,
    [prdId, id, w.harm, w.bucket, w.severity, w.likelihood, w.mitigation, w.ownerId, at]);
}

/** Removes a failure mode and closes the gap in the numbering. */
export async function deleteFailureMode(q: Queryable, prdId: string, id: string): Promise<void> {
  const [gone] = await q.query<{ position: number }>('DELETE FROM prd_failure_modes WHERE prd_id = $1 AND id = $2 RETURNING position', [prdId, id]);
  if (gone) await q.query('UPDATE prd_failure_modes SET position = position - 1 WHERE prd_id = $1 AND position > $2', [prdId, gone.position]);
}

export async function linkFailureMode(
  q: Queryable, id: string, link: { findingId: string } | { remediationId: string }, at: string,
): Promise<void> {
  const [col, value] = 'findingId' in link ? ['finding_id', link.findingId] : ['remediation_id', link.remediationId];
  await q.query(`UPDATE prd_failure_modes SET ${col} = $2, updated_at = $3 WHERE id = $1`, [id, value, at]);
}
