/**
 * The residual risk register: risk acceptances (RISK-<n> per organization), drafted at triage
 * or recorded directly, with their signatures. Lapsing (expiry, revocation) is in risk-lapse.ts.
 */
import type { RiskStatus, Signature, SignCapacity } from '../domain/risk-acceptance.ts';
import type { Severity } from '../domain/severity.ts';
import type { Queryable } from './db.ts';
import type { FindingStatus } from './findings.ts';
import { dateOnly, iso, isoOrNull } from './rows.ts';
import { isUuid } from '../domain/ids.ts';
import { updateById } from './update-by-id.ts';

export interface RiskAcceptanceWrite {
  zoneId: string | null;
  title?: string | undefined;
  justification: string;
  compensatingControls: string;
  residualSeverity?: Severity | null | undefined;
  exposureText?: string | undefined;
  exposureAmount?: number | null | undefined;
  exposureUnit?: string | null | undefined;
  reviewOn?: string | null | undefined;
  expiresOn: string;
  createdBy: string;
  at: string;
}

/**
 * Inserts a draft with the next number of the organization. The audit head is locked first
 * (appendEvents takes the same lock), so concurrent drafts number in turn.
 */
export async function insertRiskAcceptance(q: Queryable, orgId: string, w: RiskAcceptanceWrite): Promise<string> {
  await q.query('SELECT 1 FROM audit_heads WHERE org_id = $1 FOR UPDATE', [orgId]);
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO risk_acceptances (org_id, number, zone_id, title, justification, compensating_controls, residual_severity,
                                   exposure_text, exposure_amount, exposure_unit, review_on, expires_on, created_by, created_at, updated_at)
     SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11::date, $12, $13, $13
       FROM risk_acceptances WHERE org_id = $1
     RETURNING id`,
    [orgId, w.zoneId, w.title ?? '', w.justification, w.compensatingControls, w.residualSeverity ?? null, w.exposureText ?? '',
      w.exposureAmount ?? null, w.exposureUnit ?? null, w.reviewOn ?? null, w.expiresOn, w.createdBy, w.at]);
  return row!.id;
}

export interface RiskZone { id: string; key: string; name: string; ownerId: string; ownerName: string }

export interface RiskAcceptanceRecord {
  id: string;
  number: number;
  key: string;
  zone: RiskZone | null;
  status: RiskStatus;
  /** As written; blank drafts from triage read "Accepted risk: <first finding>". */
  title: string;
  justification: string;
  compensatingControls: string;
  residualSeverity: Severity | null;
  exposure: { text: string; amount: number | null; unit: string | null };
  reviewOn: string | null;
  expiresOn: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  expiredAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  lapsedFindings: number | null;
  findingCount: number;
  /** The worst severity among the linked findings. */
  worstFindingSeverity: Severity | null;
  signatures: (Signature & { name: string | null })[];
}

type Ts = Date | string;
interface Row {
  id: string; number: number; zone_id: string | null; zone_key: string | null; zone_name: string | null; owner_id: string | null;
  owner_name: string | null; status: RiskStatus; title: string; justification: string; compensating_controls: string;
  residual_severity: Severity | null; exposure_text: string; exposure_amount: number | string | null; exposure_unit: string | null;
  review_on: Ts | null; expires_on: Ts; created_by: string; created_at: Ts; updated_at: Ts; approved_at: Ts | null;
  expired_at: Ts | null; revoked_at: Ts | null; revoked_by: string | null; revoke_reason: string | null;
  lapsed_findings: number | null; finding_count: number; worst: number | null;
  signatures: { capacity: SignCapacity; signer: string; user_id: string | null; signed_at: string; name: string | null }[] | null; total?: number;
}

const SEVERITY_ARRAY = `ARRAY['critical','high','medium','low','info']`;
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

const COLUMNS = `r.id, r.number, r.zone_id, z.key AS zone_key, z.name AS zone_name, z.owner_id, o.name AS owner_name, r.status,
    coalesce(nullif(r.title, ''), (SELECT left('Accepted risk: ' || f.title, 300) FROM findings f WHERE f.risk_acceptance_id = r.id
                                    ORDER BY f.first_seen_at, f.id LIMIT 1), 'Accepted risk') AS title,
    r.justification, r.compensating_controls, r.residual_severity, r.exposure_text, r.exposure_amount, r.exposure_unit, r.review_on,
    r.expires_on, r.created_by, r.created_at, r.updated_at, r.approved_at, r.expired_at, r.revoked_at, r.revoked_by, r.revoke_reason,
    r.lapsed_findings,
    (SELECT count(*)::int FROM findings f WHERE f.risk_acceptance_id = r.id) AS finding_count,
    (SELECT min(array_position(${SEVERITY_ARRAY}, f.severity)) FROM findings f WHERE f.risk_acceptance_id = r.id) AS worst,
    (SELECT json_agg(json_build_object('capacity', a.capacity, 'signer', a.signer, 'user_id', a.user_id, 'signed_at', a.signed_at, 'name', u.name)
                     ORDER BY a.signed_at, a.capacity = 'admin')
       FROM risk_acceptance_approvals a LEFT JOIN users u ON u.id = a.user_id WHERE a.risk_acceptance_id = r.id) AS signatures`;
const FROM = 'FROM risk_acceptances r LEFT JOIN zones z ON z.id = r.zone_id LEFT JOIN users o ON o.id = z.owner_id';

const toRecord = (r: Row): RiskAcceptanceRecord => ({
  id: r.id, number: r.number, key: `RISK-${r.number}`,
  zone: r.zone_id ? { id: r.zone_id, key: r.zone_key!, name: r.zone_name!, ownerId: r.owner_id!, ownerName: r.owner_name! } : null,
  status: r.status, title: r.title, justification: r.justification, compensatingControls: r.compensating_controls,
  residualSeverity: r.residual_severity,
  exposure: { text: r.exposure_text, amount: r.exposure_amount === null ? null : Number(r.exposure_amount), unit: r.exposure_unit },
  reviewOn: dateOnly(r.review_on), expiresOn: dateOnly(r.expires_on)!, createdBy: r.created_by, createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at), approvedAt: isoOrNull(r.approved_at), expiredAt: isoOrNull(r.expired_at),
  revokedAt: isoOrNull(r.revoked_at), revokedBy: r.revoked_by, revokeReason: r.revoke_reason, lapsedFindings: r.lapsed_findings,
  findingCount: r.finding_count, worstFindingSeverity: r.worst === null ? null : SEVERITIES[r.worst - 1]!,
  signatures: (r.signatures ?? []).map((s) => ({ capacity: s.capacity, signer: s.signer, userId: s.user_id, signedAt: iso(s.signed_at), name: s.name })),
});

/** A uuid, or RISK-12 / 12. */
export function parseRiskRef(ref: string): { id: string } | { number: number } | null {
  if (isUuid(ref)) return { id: ref };
  const m = /^(?:risk-)?(\d{1,9})$/i.exec(ref.trim());
  return m ? { number: Number(m[1]) } : null;
}

export async function findRiskAcceptance(q: Queryable, orgId: string, ref: string, forUpdate = false): Promise<RiskAcceptanceRecord | null> {
  const parsed = parseRiskRef(ref);
  if (!parsed) return null;
  if (forUpdate) {
    await q.query(`SELECT 1 FROM risk_acceptances WHERE org_id = $1 AND ${'id' in parsed ? 'id = $2::uuid' : 'number = $2'} FOR UPDATE`,
      [orgId, 'id' in parsed ? parsed.id : parsed.number]);
  }
  const [row] = await q.query<Row>(
    `SELECT ${COLUMNS} ${FROM} WHERE r.org_id = $1 AND ${'id' in parsed ? 'r.id = $2::uuid' : 'r.number = $2'}`,
    [orgId, 'id' in parsed ? parsed.id : parsed.number]);
  return row ? toRecord(row) : null;
}

export interface RiskFilter {
  zoneId?: string | undefined;
  status?: RiskStatus[] | undefined;
  residualSeverity?: Severity[] | undefined;
  /** Live (draft or approved) entries whose expiry date is on or before this date. */
  expiringBy?: string | undefined;
  /** Entries whose expiry date falls in [from, to] (YYYY-MM-DD, inclusive), whatever their status. */
  expiresFrom?: string | undefined;
  expiresTo?: string | undefined;
}

function where(orgId: string, f: RiskFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [orgId];
  const parts = ['r.org_id = $1'];
  const add = (sql: (n: number) => string, v: unknown) => { params.push(v); parts.push(sql(params.length)); };
  if (f.zoneId) add((n) => `r.zone_id = $${n}`, f.zoneId);
  if (f.status?.length) add((n) => `r.status = ANY($${n}::text[])`, f.status);
  if (f.residualSeverity?.length) add((n) => `r.residual_severity = ANY($${n}::text[])`, f.residualSeverity);
  if (f.expiringBy) add((n) => `r.status IN ('draft', 'approved') AND r.expires_on <= $${n}::date`, f.expiringBy);
  if (f.expiresFrom) add((n) => `r.expires_on >= $${n}::date`, f.expiresFrom);
  if (f.expiresTo) add((n) => `r.expires_on <= $${n}::date`, f.expiresTo);
  return { sql: parts.join(' AND '), params };
}

/** A page of the register, soonest expiry first. */
export async function listRiskAcceptances(
  q: Queryable, orgId: string, f: RiskFilter, limit: number, offset: number,
): Promise<{ items: RiskAcceptanceRecord[]; total: number }> {
  const w = where(orgId, f);
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total ${FROM} WHERE ${w.sql}
      ORDER BY (r.status IN ('draft', 'approved')) DESC, r.expires_on, r.number LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`,
    [...w.params, limit, offset]);
  const total = rows[0]?.total ?? (offset > 0 ? (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM risk_acceptances r WHERE ${w.sql}`, w.params))[0]!.n : 0);
  return { items: rows.map(toRecord), total };
}

/**
 * What the review board reads: entries expiring in [from, to] while still live, and entries
 * that lapsed (expired) in that range. Dates are YYYY-MM-DD, inclusive.
 */
export async function acceptancesDueBetween(q: Queryable, orgId: string, from: string, to: string): Promise<{
  expiring: RiskAcceptanceRecord[]; expired: RiskAcceptanceRecord[];
}> {
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE r.org_id = $1 AND ((r.status IN ('draft', 'approved') AND r.expires_on BETWEEN $2::date AND $3::date)
         OR (r.status = 'expired' AND r.expired_at >= $2::date AND r.expired_at < $3::date + 1))
      ORDER BY r.expires_on, r.number`, [orgId, from, to]);
  const all = rows.map(toRecord);
  return { expiring: all.filter((r) => r.status !== 'expired'), expired: all.filter((r) => r.status === 'expired') };
}

export interface RiskLinkedFinding {
  id: string; title: string; severity: Severity; status: FindingStatus; triage: string; zoneId: string | null; firstSeenAt: string;
}

export async function riskFindings(q: Queryable, orgId: string, id: string, limit = 500): Promise<RiskLinkedFinding[]> {
  const rows = await q.query<{ id: string; title: string; severity: Severity; status: FindingStatus; triage: string; zone_id: string | null; first_seen_at: Ts }>(
    `SELECT id, title, severity, status, triage, zone_id, first_seen_at FROM findings
      WHERE org_id = $1 AND risk_acceptance_id = $2
      ORDER BY array_position(${SEVERITY_ARRAY}, severity), first_seen_at, id LIMIT $3`, [orgId, id, limit]);
  return rows.map((r) => ({ id: r.id, title: r.title, severity: r.severity, status: r.status, triage: r.triage, zoneId: r.zone_id, firstSeenAt: iso(r.first_seen_at) }));
}

/** Columns a service may set on an entry. */
const SETTABLE = {
  zoneId: 'zone_id', title: 'title', justification: 'justification', compensatingControls: 'compensating_controls',
  residualSeverity: 'residual_severity', exposureText: 'exposure_text', exposureAmount: 'exposure_amount', exposureUnit: 'exposure_unit',
  reviewOn: 'review_on', expiresOn: 'expires_on', status: 'status', approvedAt: 'approved_at', revokedAt: 'revoked_at',
  revokedBy: 'revoked_by', revokeReason: 'revoke_reason', lapsedFindings: 'lapsed_findings',
} as const;

export type RiskSet = Partial<Record<keyof typeof SETTABLE, string | number | null>>;

export async function updateRiskAcceptance(q: Queryable, orgId: string, id: string, set: RiskSet, at: string): Promise<void> {
  await updateById(q, { table: 'risk_acceptances', columns: SETTABLE }, orgId, id, set, at);
}

export async function insertSignature(q: Queryable, orgId: string, id: string, s: Signature): Promise<void> {
  await q.query(
    `INSERT INTO risk_acceptance_approvals (risk_acceptance_id, org_id, capacity, signer, user_id, signed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, orgId, s.capacity, s.signer, s.userId, s.signedAt]);
}

/** Drops the signatures of a draft whose content changed: what was signed is no longer what it says. */
export async function clearSignatures(q: Queryable, id: string): Promise<number> {
  return (await q.query('DELETE FROM risk_acceptance_approvals WHERE risk_acceptance_id = $1 RETURNING capacity', [id])).length;
}
