/**
 * Triage: the queue of findings waiting for a decision, and decisions applied to many findings
 * at once, set-based (one UPDATE for the findings, whatever their number).
 */
import { severityRank, type Severity } from '../domain/severity.ts';
import type { Tier } from '../domain/zones.ts';
import type { Queryable } from './db.ts';
import { SUMMARY_COLUMNS, toSummary, type FindingSummaryRecord, type FindingSummaryRow } from './findings.ts';
import { iso, isoOrNull } from './rows.ts';

export type TriageState = 'untriaged' | 'remediate' | 'duplicate' | 'false_positive' | 'accepted_risk';

export interface TriageQueueRecord extends FindingSummaryRecord {
  zoneTier: Tier;
  owner: { id: string; name: string };
  triage: TriageState;
  triagedAt: string | null;
}

/**
 * Waiting for triage: untriaged, or regressed and open after its last decision. Unrouted
 * findings wait in the unrouted queue instead.
 */
const WAITING = `(f.triage = 'untriaged' OR (f.regressed AND f.status = 'open' AND (f.triaged_at IS NULL OR f.triaged_at < f.status_changed_at)))`;

// Tier-1 critical first, then severity, then zone tier, then the oldest first.
const ORDER = `(z.tier = 'tier1' AND f.severity = 'critical') DESC,
  array_position(ARRAY['critical','high','medium','low','info'], f.severity), z.tier, f.first_seen_at, f.id`;

export interface TriageScope {
  /** Only zones this person owns or deputizes; null: every zone. */
  holderId: string | null;
  zoneId?: string | undefined;
}

export async function triageQueue(
  q: Queryable, orgId: string, scope: TriageScope, limit: number, offset: number,
): Promise<{ items: TriageQueueRecord[]; total: number }> {
  const params: unknown[] = [orgId];
  const where = ['f.org_id = $1', WAITING];
  if (scope.holderId) {
    params.push(scope.holderId);
    where.push(`(z.owner_id = $${params.length} OR z.deputy_id = $${params.length})`);
  }
  if (scope.zoneId) {
    params.push(scope.zoneId);
    where.push(`f.zone_id = $${params.length}`);
  }
  const filter = `FROM findings f JOIN zones z ON z.id = f.zone_id WHERE ${where.join(' AND ')}`;
  const rows = await q.query<FindingSummaryRow & { tier: Tier; owner_id: string; owner_name: string; triage: TriageState; triaged_at: Date | null }>(
    `WITH page AS (SELECT f.id, row_number() OVER (ORDER BY ${ORDER}) AS n ${filter} ORDER BY ${ORDER}
                    LIMIT $${params.length + 1} OFFSET $${params.length + 2})
     SELECT ${SUMMARY_COLUMNS}, z.tier, z.owner_id, o.name AS owner_name, f.triage, f.triaged_at
       FROM page JOIN findings f ON f.id = page.id JOIN zones z ON z.id = f.zone_id JOIN users o ON o.id = z.owner_id
      ORDER BY page.n`, [...params, limit, offset]);
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${filter}`, params);
  return {
    items: rows.map((r) => ({
      ...toSummary(r), zoneTier: r.tier, owner: { id: r.owner_id, name: r.owner_name }, triage: r.triage, triagedAt: isoOrNull(r.triaged_at),
    })),
    total: c!.n,
  };
}

/** The zones a set of findings sit in, with counts: what a decision on them must be allowed in. */
export interface FindingGroup {
  zoneId: string | null;
  ownerId: string | null;
  deputyId: string | null;
  findings: number;
  highest: Severity;
  firstSeenAt: string;
}

/** A finding about to be decided, as it was before: read and locked by `lockForTriage`. */
export interface FindingBeforeTriage {
  id: string;
  zoneId: string | null;
  ownerId: string | null;
  deputyId: string | null;
  severity: Severity;
  firstSeenAt: string;
  triage: TriageState;
  remediationId: string | null;
}

/**
 * The findings of the organization among these ids, with their zone's holders and their triage
 * state, locked until the transaction ends: the state read is the state the decision replaces.
 */
export async function lockForTriage(q: Queryable, orgId: string, ids: string[]): Promise<FindingBeforeTriage[]> {
  const rows = await q.query<{
    id: string; zone_id: string | null; owner_id: string | null; deputy_id: string | null; severity: Severity;
    first_seen_at: Date; triage: TriageState; remediation_id: string | null;
  }>(
    `SELECT f.id, f.zone_id, z.owner_id, z.deputy_id, f.severity, f.first_seen_at, f.triage, f.remediation_id
       FROM findings f LEFT JOIN zones z ON z.id = f.zone_id
      WHERE f.org_id = $1 AND f.id = ANY($2::uuid[])
        FOR UPDATE OF f`, [orgId, ids]);
  return rows.map((r) => ({
    id: r.id, zoneId: r.zone_id, ownerId: r.owner_id, deputyId: r.deputy_id, severity: r.severity,
    firstSeenAt: iso(r.first_seen_at), triage: r.triage, remediationId: r.remediation_id,
  }));
}

/** The findings by zone, with count, highest severity and first sighting per zone. */
export function groupByZone(findings: FindingBeforeTriage[]): FindingGroup[] {
  const groups = new Map<string | null, FindingGroup>();
  for (const f of findings) {
    const g = groups.get(f.zoneId);
    if (!g) {
      groups.set(f.zoneId, { zoneId: f.zoneId, ownerId: f.ownerId, deputyId: f.deputyId, findings: 1, highest: f.severity, firstSeenAt: f.firstSeenAt });
      continue;
    }
    g.findings += 1;
    if (severityRank(f.severity) < severityRank(g.highest)) g.highest = f.severity;
    if (f.firstSeenAt < g.firstSeenAt) g.firstSeenAt = f.firstSeenAt;
  }
  return [...groups.values()];
}

/** Which of these ids are not findings of the organization (at most `limit`). */
export async function missingFindings(q: Queryable, orgId: string, ids: string[], limit = 5): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT u.id::text AS id FROM unnest($2::uuid[]) AS u(id)
      WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.org_id = $1 AND f.id = u.id) LIMIT $3`, [orgId, ids, limit]);
  return rows.map((r) => r.id);
}

export interface TriageWrite {
  triage: Exclude<TriageState, 'untriaged'>;
  reason: string;
  by: string;
  at: string;
  duplicateOf: string | null;
  remediationId: string | null;
  riskAcceptanceId: string | null;
}

/** One decision on many findings, in one statement; returns each finding with its state before. */
/** Writes one decision on the findings (already locked by `lockForTriage`). */
export async function applyTriage(q: Queryable, orgId: string, ids: string[], w: TriageWrite): Promise<void> {
  await q.query(
    `UPDATE findings SET triage = $3, triage_reason = $4, triaged_by = $5, triaged_at = $6, duplicate_of = $7,
            remediation_id = $8, risk_acceptance_id = $9
      WHERE org_id = $1 AND id = ANY($2::uuid[])`,
    [orgId, ids, w.triage, w.reason, w.by, w.at, w.duplicateOf, w.remediationId, w.riskAcceptanceId]);
}
