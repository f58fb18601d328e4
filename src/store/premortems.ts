/** Pre-mortems: "assume the launch failed" — scenarios, their causes, and mitigations. */
import type { Queryable } from './db.ts';
import { dateOnly, iso, isoOrNull } from './rows.ts';
import { zoneBriefColumn, type ZoneBrief } from './zone-brief.ts';

export interface MitigationRecord {
  id: string;
  position: number;
  text: string;
  findingId: string | null;
  remediation: { id: string; key: string } | null;
}

export interface ScenarioRecord {
  id: string;
  position: number;
  scenario: string;
  causes: string;
  mitigations: MitigationRecord[];
}

export interface PremortemSummaryRecord {
  id: string;
  zone: ZoneBrief;
  release: string;
  heldOn: string;
  participants: string[];
  completedAt: string | null;
  completedBy: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  scenarioCount: number;
}

export interface PremortemRecord extends PremortemSummaryRecord {
  scenarios: ScenarioRecord[];
}

type Ts = Date | string;
interface Row {
  id: string; zone: ZoneBrief; release: string; held_on: Date | string; participants: string[]; completed_at: Ts | null;
  completed_by: string | null; created_by: string; created_at: Ts; updated_at: Ts; scenario_count: number;
}

const COLUMNS = `p.id, ${zoneBriefColumn('p')} AS zone, p.release, p.held_on, p.participants, p.completed_at, p.completed_by,
  p.created_by, p.created_at, p.updated_at, (SELECT count(*)::int FROM premortem_scenarios s WHERE s.premortem_id = p.id) AS scenario_count`;

const toSummary = (r: Row): PremortemSummaryRecord => ({
  id: r.id, zone: r.zone, release: r.release, heldOn: dateOnly(r.held_on)!, participants: r.participants,
  completedAt: isoOrNull(r.completed_at), completedBy: r.completed_by, createdBy: r.created_by, createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at), scenarioCount: r.scenario_count,
});

async function scenariosOf(q: Queryable, premortemId: string): Promise<ScenarioRecord[]> {
  const scenarios = await q.query<{ id: string; position: number; scenario: string; causes: string }>(
    'SELECT id, position, scenario, causes FROM premortem_scenarios WHERE premortem_id = $1 ORDER BY position', [premortemId]);
  const mitigations = await q.query<{
    id: string; scenario_id: string; position: number; text: string; finding_id: string | null; remediation_id: string | null; number: number | null;
  }>(
    `SELECT m.id, m.scenario_id, m.position, m.text, m.finding_id, m.remediation_id, r.number
       FROM premortem_mitigations m JOIN premortem_scenarios s ON s.id = m.scenario_id
       LEFT JOIN remediations r ON r.id = m.remediation_id
      WHERE s.premortem_id = $1 ORDER BY m.position`, [premortemId]);
  return scenarios.map((s) => ({
    ...s,
    mitigations: mitigations.filter((m) => m.scenario_id === s.id).map((m) => ({
      id: m.id, position: m.position, text: m.text, findingId: m.finding_id,
      remediation: m.remediation_id ? { id: m.remediation_id, key: `REM-${m.number}` } : null,
    })),
  }));
}

export async function findPremortem(q: Queryable, orgId: string, id: string, forUpdate = false): Promise<PremortemRecord | null> {
  if (forUpdate) await q.query('SELECT 1 FROM premortems WHERE org_id = $1 AND id = $2 FOR UPDATE', [orgId, id]);
  const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM premortems p WHERE p.org_id = $1 AND p.id = $2`, [orgId, id]);
  return row ? { ...toSummary(row), scenarios: await scenariosOf(q, row.id) } : null;
}

export async function listPremortems(q: Queryable, orgId: string, zoneId: string | null, limit: number): Promise<PremortemSummaryRecord[]> {
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS} FROM premortems p WHERE p.org_id = $1 AND ($2::uuid IS NULL OR p.zone_id = $2)
      ORDER BY p.held_on DESC, p.created_at DESC LIMIT $3`, [orgId, zoneId, limit]);
  return rows.map(toSummary);
}

export interface PremortemWrite { zoneId: string; release: string; heldOn: string; participants: string[]; createdBy: string; at: string }

export async function insertPremortem(q: Queryable, orgId: string, w: PremortemWrite): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO premortems (org_id, zone_id, release, held_on, participants, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4::date, $5::text[], $6, $7, $7) RETURNING id`,
    [orgId, w.zoneId, w.release, w.heldOn, w.participants, w.createdBy, w.at]);
  return row!.id;
}

export async function setPremortemCompleted(q: Queryable, id: string, by: string | null, at: string): Promise<void> {
  await q.query('UPDATE premortems SET completed_at = $2, completed_by = $3, updated_at = $4 WHERE id = $1',
    [id, by === null ? null : at, by, at]);
}

export async function touchPremortem(q: Queryable, id: string, at: string): Promise<void> {
  await q.query('UPDATE premortems SET updated_at = $2 WHERE id = $1', [id, at]);
}

export async function insertScenario(q: Queryable, orgId: string, premortemId: string, scenario: string, causes: string, at: string): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO premortem_scenarios (org_id, premortem_id, position, scenario, causes, created_at)
     SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5 FROM premortem_scenarios WHERE premortem_id = $2
     RETURNING id`, [orgId, premortemId, scenario, causes, at]);
  return row!.id;
}

export async function insertMitigation(q: Queryable, orgId: string, scenarioId: string, text: string, at: string): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO premortem_mitigations (org_id, scenario_id, position, text, created_at)
     SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4 FROM premortem_mitigations WHERE scenario_id = $2
     RETURNING id`, [orgId, scenarioId, text, at]);
  return row!.id;
}

export async function linkMitigation(q: Queryable, id: string, link: { findingId: string } | { remediationId: string }): Promise<void> {
  const [col, value] = 'findingId' in link ? ['finding_id', link.findingId] : ['remediation_id', link.remediationId];
  await q.query(`UPDATE premortem_mitigations SET ${col} = $2 WHERE id = $1`, [id, value]);
}
