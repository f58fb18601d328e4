/**
 * The facts a board agenda is built from that no other service hands out: findings first seen
 * or regressed in a period, risk acceptances nearing expiry, launches awaiting their decision.
 * Each comes with its zone and the zone's accountable owner as of now.
 */
import type { AcceptanceFact, FindingFact, LaunchFact } from '../domain/board-agenda.ts';
import type { Severity } from '../domain/severity.ts';
import type { Queryable } from './db.ts';
import { dateOnly, iso, isoOrNull } from './rows.ts';

type Ts = Date | string;

interface OwnedRow {
  zone_id: string | null; zone_key: string | null; zone_name: string | null;
  owner_id: string | null; owner_name: string | null; owner_email: string | null;
}

const OWNED = `z.id AS zone_id, z.key AS zone_key, z.name AS zone_name, o.id AS owner_id, o.name AS owner_name, o.email AS owner_email`;
const OWNED_JOIN = (alias: string) => `LEFT JOIN zones z ON z.id = ${alias}.zone_id LEFT JOIN users o ON o.id = z.owner_id`;

const owned = (r: OwnedRow) => ({
  zone: r.zone_id ? { id: r.zone_id, key: r.zone_key!, name: r.zone_name! } : null,
  owner: r.owner_id ? { id: r.owner_id, name: r.owner_name!, email: r.owner_email! } : null,
});

/**
 * Findings of the organization's zones that are critical or high and first seen in (since, at],
 * or that regressed in an import of that period (with the latest such import).
 */
export async function findingsOfPeriod(q: Queryable, orgId: string, since: string, at: string): Promise<FindingFact[]> {
  const rows = await q.query<OwnedRow & {
    id: string; title: string; severity: Severity; first_seen_at: Ts; regressed_at: Ts | null; run_file: string | null;
  }>(
    `WITH reg AS (
       SELECT DISTINCT ON (rf.finding_id) rf.finding_id, r.imported_at, r.file_name
         FROM run_findings rf JOIN runs r ON r.id = rf.run_id
        WHERE r.org_id = $1 AND rf.outcome = 'regressed' AND r.imported_at > $2 AND r.imported_at <= $3
        ORDER BY rf.finding_id, r.imported_at DESC)
     SELECT f.id, f.title, f.severity, f.first_seen_at, reg.imported_at AS regressed_at, reg.file_name AS run_file, ${OWNED}
       FROM findings f LEFT JOIN reg ON reg.finding_id = f.id ${OWNED_JOIN('f')}
      WHERE f.org_id = $1 AND f.zone_id IS NOT NULL
        AND (reg.finding_id IS NOT NULL
             OR (f.severity IN ('critical', 'high') AND f.first_seen_at > $2 AND f.first_seen_at <= $3))
      ORDER BY f.first_seen_at, f.id`, [orgId, since, at]);
  return rows.map((r) => ({
    id: r.id, title: r.title, severity: r.severity, firstSeenAt: iso(r.first_seen_at), regressedAt: isoOrNull(r.regressed_at),
    regressedInRun: r.run_file, ...owned(r),
  }));
}

/** Approved risk acceptances expiring from `from` to `to` (dates, inclusive). */
export async function acceptancesExpiring(q: Queryable, orgId: string, from: string, to: string): Promise<AcceptanceFact[]> {
  const rows = await q.query<OwnedRow & { id: string; number: number | null; title: string; justification: string; status: string; expires_on: Ts }>(
    `SELECT a.id, a.number, a.title, a.justification, a.status, a.expires_on, ${OWNED}
       FROM risk_acceptances a ${OWNED_JOIN('a')}
      WHERE a.org_id = $1 AND a.status = 'approved' AND a.expires_on >= $2::date AND a.expires_on <= $3::date
      ORDER BY a.expires_on, a.id`, [orgId, from, to]);
  return rows.map((r) => ({
    id: r.id, title: r.title || r.justification, status: r.status, expiresOn: dateOnly(r.expires_on)!,
    key: r.number ? `RISK-${r.number}` : null, ...owned(r),
  }));
}

/** Launches still waiting for their go / pause decision (or for the admin's co-sign of an override). */
export async function launchesAwaitingDecision(q: Queryable, orgId: string): Promise<LaunchFact[]> {
  const rows = await q.query<OwnedRow & { id: string; name: string; planned_on: Ts; status: string }>(
    `SELECT l.id, l.name, l.planned_on, l.status, ${OWNED}
       FROM launches l ${OWNED_JOIN('l')}
      WHERE l.org_id = $1 AND l.status IN ('planned', 'awaiting_cosign')
      ORDER BY l.planned_on, l.id`, [orgId]);
  return rows.map((r) => ({ id: r.id, name: r.name, plannedOn: dateOnly(r.planned_on)!, status: r.status, ...owned(r) }));
}
