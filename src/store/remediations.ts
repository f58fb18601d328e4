/**
 * Remediation items: REM-<number> per organization, with their zone, people, links, triage
 * inputs, SLA clock and status timestamps. Criteria, milestones and decisions have their own
 * files; linking findings is in triage.ts.
 */
import type { RemediationStatus } from '../domain/remediation-status.ts';
import type { Severity } from '../domain/severity.ts';
import type { Tier } from '../domain/zones.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';
import { isUuid } from '../domain/ids.ts';
import { isOpenStatus } from './open-status-sql.ts';
import { updateById } from './update-by-id.ts';

export type SystemElementKind = 'service' | 'data_flow' | 'model' | 'other';

export interface PersonBrief { id: string; name: string; email: string }

export interface RemediationZone {
  id: string; key: string; name: string; tier: Tier; ownerId: string; ownerName: string; deputyId: string | null;
}

export interface RemediationRecord {
  id: string;
  number: number;
  key: string;
  zone: RemediationZone;
  title: string;
  description: string;
  status: RemediationStatus;
  severity: Severity;
  impact: number;
  feasibility: number;
  customerValue: number;
  priority: number;
  rationale: string;
  effort: number;
  assignee: PersonBrief | null;
  validator: PersonBrief | null;
  monitor: PersonBrief | null;
  retirer: PersonBrief | null;
  prdUrl: string | null;
  adrUrl: string | null;
  systemElement: string | null;
  systemElementKind: SystemElementKind | null;
  obsoleteReason: string | null;
  slaDays: number;
  dueAt: string;
  pausedAt: string | null;
  detectedAt: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  startedAt: string | null;
  fixedAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
  escalationReason: string | null;
  findingCount: number;
}

type Ts = Date | string;
interface Row {
  id: string; number: number; zone_id: string; zone_key: string; zone_name: string; zone_tier: Tier; owner_id: string;
  owner_name: string; deputy_id: string | null; title: string; description: string; status: RemediationStatus;
  severity: Severity; impact: number; feasibility: number; customer_value: number; priority: number | string;
  rationale: string; effort: number | string;
  assignee: PersonBrief | null; validator: PersonBrief | null; monitor: PersonBrief | null; retirer: PersonBrief | null;
  prd_url: string | null; adr_url: string | null; system_element: string | null; system_element_kind: SystemElementKind | null;
  obsolete_reason: string | null; sla_days: number; due_at: Ts; paused_at: Ts | null; detected_at: Ts; created_by: string;
  created_at: Ts; updated_at: Ts; last_activity_at: Ts; started_at: Ts | null; fixed_at: Ts | null; verified_at: Ts | null;
  closed_at: Ts | null; escalated_at: Ts | null; escalation_reason: string | null; finding_count: number; total?: number;
}

const person = (alias: string, col: string) =>
  `(SELECT json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email) FROM users ${alias} WHERE ${alias}.id = r.${col})`;

const COLUMNS = `r.*, z.key AS zone_key, z.name AS zone_name, z.tier AS zone_tier, z.owner_id, o.name AS owner_name, z.deputy_id,
    ${person('ua', 'assignee_id')} AS assignee, ${person('uv', 'validator_id')} AS validator,
    ${person('um', 'monitor_id')} AS monitor, ${person('ur', 'retirer_id')} AS retirer,
    (SELECT count(*)::int FROM findings f WHERE f.remediation_id = r.id) AS finding_count`;
const JOINS = 'JOIN zones z ON z.id = r.zone_id JOIN users o ON o.id = z.owner_id';
const SELECT = `SELECT ${COLUMNS} FROM remediations r ${JOINS}`;

const toRecord = (r: Row): RemediationRecord => ({
  id: r.id, number: r.number, key: `REM-${r.number}`,
  zone: { id: r.zone_id, key: r.zone_key, name: r.zone_name, tier: r.zone_tier, ownerId: r.owner_id, ownerName: r.owner_name, deputyId: r.deputy_id },
  title: r.title, description: r.description, status: r.status, severity: r.severity, impact: r.impact, feasibility: r.feasibility,
  customerValue: r.customer_value, priority: Number(r.priority), rationale: r.rationale, effort: Number(r.effort),
  assignee: r.assignee, validator: r.validator, monitor: r.monitor, retirer: r.retirer,
  prdUrl: r.prd_url, adrUrl: r.adr_url, systemElement: r.system_element, systemElementKind: r.system_element_kind,
  obsoleteReason: r.obsolete_reason, slaDays: r.sla_days, dueAt: iso(r.due_at), pausedAt: isoOrNull(r.paused_at),
  detectedAt: iso(r.detected_at), createdBy: r.created_by, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  lastActivityAt: iso(r.last_activity_at), startedAt: isoOrNull(r.started_at), fixedAt: isoOrNull(r.fixed_at),
  verifiedAt: isoOrNull(r.verified_at), closedAt: isoOrNull(r.closed_at), escalatedAt: isoOrNull(r.escalated_at),
  escalationReason: r.escalation_reason, findingCount: r.finding_count,
});

/** A uuid, or REM-12 / 12. */
export function parseRemediationRef(ref: string): { id: string } | { number: number } | null {
  if (isUuid(ref)) return { id: ref };
  const m = /^(?:rem-)?(\d{1,9})$/i.exec(ref.trim());
  return m ? { number: Number(m[1]) } : null;
}

export async function findRemediation(q: Queryable, orgId: string, ref: string, forUpdate = false): Promise<RemediationRecord | null> {
  const parsed = parseRemediationRef(ref);
  if (!parsed) return null;
  const [row] = await q.query<Row>(
    `${SELECT} WHERE r.org_id = $1 AND ${'id' in parsed ? 'r.id = $2::uuid' : 'r.number = $2'}${forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [orgId, 'id' in parsed ? parsed.id : parsed.number]);
  return row ? toRecord(row) : null;
}

export interface RemediationWrite {
  zoneId: string; title: string; description: string; severity: Severity; impact: number; feasibility: number;
  customerValue: number; priority: number; rationale: string; effort: number;
  assigneeId: string | null; validatorId: string | null; monitorId: string | null; retirerId: string | null;
  prdUrl: string | null; adrUrl: string | null; systemElement: string | null; systemElementKind: SystemElementKind | null;
  slaDays: number; dueAt: string; detectedAt: string; createdBy: string; at: string;
}

/**
 * Inserts an item with the next number of the organization. The organization's audit head is
 * locked first (appendEvents takes the same lock), so concurrent creations number in turn.
 */
export async function insertRemediation(q: Queryable, orgId: string, w: RemediationWrite): Promise<{ id: string; number: number }> {
  await q.query('SELECT 1 FROM audit_heads WHERE org_id = $1 FOR UPDATE', [orgId]);
  const [row] = await q.query<{ id: string; number: number }>(
    `INSERT INTO remediations (org_id, number, zone_id, title, description, severity, impact, feasibility, customer_value, priority,
                               rationale, effort, assignee_id, validator_id, monitor_id, retirer_id, prd_url, adr_url,
                               system_element, system_element_kind, sla_days, due_at, detected_at, created_by, created_at,
                               updated_at, last_activity_at)
     SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
            $20, $21, $22, $23, $24, $24, $24
       FROM remediations WHERE org_id = $1
     RETURNING id, number`,
    [orgId, w.zoneId, w.title, w.description, w.severity, w.impact, w.feasibility, w.customerValue, w.priority, w.rationale,
      w.effort, w.assigneeId, w.validatorId, w.monitorId, w.retirerId, w.prdUrl, w.adrUrl, w.systemElement,
      w.systemElementKind, w.slaDays, w.dueAt, w.detectedAt, w.createdBy, w.at]);
  return row!;
}

/** Columns a service may set on an item; each write also marks activity. */
const SETTABLE = {
  title: 'title', description: 'description', status: 'status', severity: 'severity', impact: 'impact',
  feasibility: 'feasibility', customerValue: 'customer_value', priority: 'priority', rationale: 'rationale', effort: 'effort',
  assigneeId: 'assignee_id', validatorId: 'validator_id', monitorId: 'monitor_id', retirerId: 'retirer_id',
  prdUrl: 'prd_url', adrUrl: 'adr_url', systemElement: 'system_element', systemElementKind: 'system_element_kind',
  obsoleteReason: 'obsolete_reason', slaDays: 'sla_days', dueAt: 'due_at', pausedAt: 'paused_at', detectedAt: 'detected_at',
  startedAt: 'started_at', fixedAt: 'fixed_at', verifiedAt: 'verified_at', closedAt: 'closed_at',
} as const;

export type RemediationSet = Partial<Record<keyof typeof SETTABLE, string | number | null>>;

export async function updateRemediation(q: Queryable, orgId: string, id: string, set: RemediationSet, at: string): Promise<void> {
  await updateById(q, { table: 'remediations', columns: SETTABLE, touch: ['last_activity_at'] }, orgId, id, set, at);
}

export type RemediationSort = 'priority' | 'due' | 'created' | '-created' | 'number';

const ORDER: Record<RemediationSort, string> = {
  priority: 'r.priority DESC, r.due_at, r.number',
  due: 'r.due_at, r.priority DESC, r.number',
  created: 'r.created_at, r.number',
  '-created': 'r.created_at DESC, r.number DESC',
  number: 'r.number',
};

export interface RemediationFilter {
  zoneId?: string | undefined;
  status?: RemediationStatus[] | undefined;
  severity?: Severity[] | undefined;
  assigneeId?: string | undefined;
  /** Past due and open, at this instant (ISO). */
  overdueAt?: string | undefined;
  text?: string | undefined;
}

export async function listRemediations(
  q: Queryable, orgId: string, f: RemediationFilter, sort: RemediationSort, limit: number, offset: number,
): Promise<{ items: RemediationRecord[]; total: number }> {
  const params: unknown[] = [orgId];
  const where = ['r.org_id = $1'];
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (f.zoneId) add((p) => `r.zone_id = ${p}`, f.zoneId);
  if (f.status?.length) add((p) => `r.status = ANY(${p}::text[])`, f.status);
  if (f.severity?.length) add((p) => `r.severity = ANY(${p}::text[])`, f.severity);
  if (f.assigneeId) add((p) => `r.assignee_id = ${p}`, f.assigneeId);
  if (f.overdueAt) {
    add((p) => `${isOpenStatus('r.status')} AND coalesce(r.paused_at, ${p}::timestamptz) > r.due_at`, f.overdueAt);
  }
  if (f.text?.trim()) {
    add((p) => `(r.title ILIKE ${p} OR r.description ILIKE ${p})`, `%${f.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  params.push(limit, offset);
  const rows = await q.query<Row>(
    `WITH page AS (SELECT r.id, count(*) OVER ()::int AS total, row_number() OVER (ORDER BY ${ORDER[sort]}) AS n
                     FROM remediations r WHERE ${where.join(' AND ')}
                    ORDER BY ${ORDER[sort]} LIMIT $${params.length - 1} OFFSET $${params.length})
     SELECT ${COLUMNS}, page.total FROM page JOIN remediations r ON r.id = page.id ${JOINS} ORDER BY page.n`, params);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM remediations r WHERE ${where.join(' AND ')}`, params.slice(0, -2));
    total = c!.n;
  }
  return { items: rows.map(toRecord), total };
}

export interface LinkedFinding {
  id: string; title: string; severity: Severity; status: 'open' | 'fixed_unverified' | 'verified'; source: string;
  regressed: boolean; zoneId: string | null; firstSeenAt: string;
}

export async function linkedFindings(q: Queryable, remediationId: string, limit = 500): Promise<LinkedFinding[]> {
  const rows = await q.query<{ id: string; title: string; severity: Severity; status: LinkedFinding['status']; source: string;
    regressed: boolean; zone_id: string | null; first_seen_at: Ts }>(
    `SELECT id, title, severity, status, source, regressed, zone_id, first_seen_at FROM findings
      WHERE remediation_id = $1 ORDER BY array_position(ARRAY['critical','high','medium','low','info'], severity), first_seen_at, id
      LIMIT $2`, [remediationId, limit]);
  return rows.map((r) => ({
    id: r.id, title: r.title, severity: r.severity, status: r.status, source: r.source, regressed: r.regressed, zoneId: r.zone_id,
    firstSeenAt: iso(r.first_seen_at),
  }));
}

/** Linked findings from tool imports that are still open (they block verification). */
export async function countOpenToolFindings(q: Queryable, remediationId: string): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM findings WHERE remediation_id = $1 AND source = 'import' AND status = 'open'`, [remediationId]);
  return r!.n;
}

/** Verifying an item verifies its findings that were no longer reproduced. */
export async function verifyLinkedFindings(q: Queryable, remediationId: string, at: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `UPDATE findings SET status = 'verified', status_changed_at = $2
      WHERE remediation_id = $1 AND status = 'fixed_unverified' RETURNING id`, [remediationId, at]);
  return rows.map((r) => r.id);
}
