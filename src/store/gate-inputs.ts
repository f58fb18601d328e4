/**
 * What the launch gate reads about a zone: its open critical and high findings, its outcome
 * KPIs around the last launch, and its risk acceptances past expiry. The rules themselves are
 * in domain/launch-gate.ts; these queries only narrow the rows.
 */
import type { GateAcceptance, GateFinding, GateHighFinding, GateKpi, GatePoint } from '../domain/launch-gate.ts';
import type { Queryable } from './db.ts';
import { isOpenStatus } from './open-status-sql.ts';
import { dateOnly, iso, isoOrNull } from './rows.ts';

type Ts = Date | string;

/** Open, and not set aside by triage (duplicate, false positive, accepted risk). */
const OPEN = `f.org_id = $1 AND f.zone_id = $2 AND f.status = 'open'
  AND f.triage NOT IN ('duplicate', 'false_positive', 'accepted_risk')`;

export async function openCriticalFindings(q: Queryable, orgId: string, zoneId: string, limit: number): Promise<{ items: GateFinding[]; total: number }> {
  const rows = await q.query<{ id: string; title: string; first_seen_at: Ts; total: number }>(
    `SELECT f.id, f.title, f.first_seen_at, count(*) OVER ()::int AS total FROM findings f
      WHERE ${OPEN} AND f.severity = 'critical' ORDER BY f.first_seen_at, f.id LIMIT $3`, [orgId, zoneId, limit]);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, firstSeenAt: iso(r.first_seen_at) })), total: rows[0]?.total ?? 0 };
}

/** Open high findings with the open remediation item each is linked to (its SLA clock). */
export async function openHighFindings(q: Queryable, orgId: string, zoneId: string, limit: number): Promise<GateHighFinding[]> {
  const rows = await q.query<{
    id: string; title: string; first_seen_at: Ts; rem_id: string | null; rem_number: number | null; due_at: Ts | null; paused_at: Ts | null;
  }>(
    `SELECT f.id, f.title, f.first_seen_at, r.id AS rem_id, r.number AS rem_number, r.due_at, r.paused_at
       FROM findings f
       LEFT JOIN remediations r ON r.id = f.remediation_id AND ${isOpenStatus('r.status')}
      WHERE ${OPEN} AND f.severity = 'high' ORDER BY f.first_seen_at, f.id LIMIT $3`, [orgId, zoneId, limit]);
  return rows.map((r) => ({
    id: r.id, title: r.title, firstSeenAt: iso(r.first_seen_at),
    remediation: r.rem_id ? { id: r.rem_id, key: `REM-${r.rem_number}`, dueAt: iso(r.due_at!), pausedAt: isoOrNull(r.paused_at) } : null,
  }));
}

const point = (alias: string, where: string, order: 'ASC' | 'DESC') =>
  `(SELECT json_build_object('value', m.value, 'measuredAt', m.measured_at) FROM kpi_measurements m
     WHERE m.kpi_id = k.id ${where} ORDER BY m.measured_at ${order} LIMIT 1) AS ${alias}`;

interface RawPoint { value: number; measuredAt: string }
const toPoint = (p: RawPoint | null): GatePoint | null => (p ? { value: Number(p.value), measuredAt: iso(p.measuredAt) } : null);

/**
 * The zone's KPIs (not archived) with, for each, the reference point — the last measurement
 * at or before `since`, else the first one after it (the first one at all when `since` is
 * null) — and the latest measurement.
 */
export async function zoneKpisSince(q: Queryable, orgId: string, zoneId: string, since: string | null): Promise<GateKpi[]> {
  const rows = await q.query<{
    id: string; key: string; name: string; unit: string; direction: 'lower' | 'higher'; measures: 'outcome' | 'activity';
    before_ref: RawPoint | null; after_ref: RawPoint | null; latest: RawPoint | null;
  }>(
    `SELECT k.id, k.key, k.name, k.unit, k.direction, k.measures,
            ${point('before_ref', 'AND $3::timestamptz IS NOT NULL AND m.measured_at <= $3::timestamptz', 'DESC')},
            ${point('after_ref', 'AND ($3::timestamptz IS NULL OR m.measured_at > $3::timestamptz)', 'ASC')},
            ${point('latest', '', 'DESC')}
       FROM kpis k WHERE k.org_id = $1 AND k.zone_id = $2 AND k.archived_at IS NULL ORDER BY k.name, k.id`,
    [orgId, zoneId, since]);
  return rows.map((r) => ({
    id: r.id, key: r.key, name: r.name, unit: r.unit || null, direction: r.direction, measures: r.measures,
    reference: toPoint(r.before_ref ?? r.after_ref), latest: toPoint(r.latest),
  }));
}

/** The zone's acceptances that are expired, or draft/approved on or past their expiry date (they lapse that day). */
export async function lapsedAcceptances(q: Queryable, orgId: string, zoneId: string, today: string, limit: number): Promise<GateAcceptance[]> {
  const rows = await q.query<{ id: string; status: GateAcceptance['status']; expires_on: Date | string; justification: string }>(
    `SELECT id, status, expires_on, justification FROM risk_acceptances
      WHERE org_id = $1 AND zone_id = $2
        AND (status = 'expired' OR (status IN ('draft', 'approved') AND expires_on <= $3::date))
      ORDER BY expires_on, id LIMIT $4`, [orgId, zoneId, today, limit]);
  return rows.map((r) => ({ id: r.id, status: r.status, expiresOn: dateOnly(r.expires_on)!, justification: r.justification }));
}
