/**
 * Framework mappings (010): framework item ↔ zone, finding, remediation item or a free-text
 * control; and the evidence each item has, from explicit mappings and from the category ids
 * findings carry (automatic: never copied into the table).
 */
import type { FrameworkId, ItemEvidence, MappingTarget } from '../domain/frameworks.ts';
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';

export interface MappingWrite {
  framework: FrameworkId;
  itemId: string;
  targetType: MappingTarget;
  zoneId?: string | null;
  findingId?: string | null;
  remediationId?: string | null;
  controlTitle?: string | null;
  controlEvidence?: string;
  note?: string;
  createdBy: string;
  at: string;
}

export async function insertMapping(q: Queryable, orgId: string, w: MappingWrite): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO framework_mappings (org_id, framework, item_id, target_type, zone_id, finding_id, remediation_id, control_title,
                                     control_evidence, note, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [orgId, w.framework, w.itemId, w.targetType, w.zoneId ?? null, w.findingId ?? null, w.remediationId ?? null, w.controlTitle ?? null,
      w.controlEvidence ?? '', w.note ?? '', w.createdBy, w.at]);
  return row!.id;
}

export interface MappingRecord {
  id: string;
  framework: FrameworkId;
  itemId: string;
  targetType: MappingTarget;
  /** What the mapping points at, for people: a zone key, a finding title, REM-12, the control's title. */
  target: { id: string | null; key: string | null; label: string; state: string | null };
  controlEvidence: string;
  note: string;
  createdBy: string;
  createdAt: string;
}

interface Row {
  id: string; framework: FrameworkId; item_id: string; target_type: MappingTarget; zone_id: string | null; zone_key: string | null;
  zone_name: string | null; finding_id: string | null; finding_title: string | null; finding_status: string | null;
  remediation_id: string | null; rem_number: number | null; rem_title: string | null; rem_status: string | null;
  control_title: string | null; control_evidence: string; note: string; created_by: string; created_at: Date;
}

const SELECT = `SELECT m.*, z.key AS zone_key, z.name AS zone_name, f.title AS finding_title, f.status AS finding_status,
    r.number AS rem_number, r.title AS rem_title, r.status AS rem_status
  FROM framework_mappings m LEFT JOIN zones z ON z.id = m.zone_id LEFT JOIN findings f ON f.id = m.finding_id
  LEFT JOIN remediations r ON r.id = m.remediation_id`;

function targetOf(r: Row): MappingRecord['target'] {
  switch (r.target_type) {
    case 'zone': return { id: r.zone_id, key: r.zone_key, label: r.zone_name ?? '', state: null };
    case 'finding': return { id: r.finding_id, key: null, label: r.finding_title ?? '', state: r.finding_status };
    case 'remediation': return { id: r.remediation_id, key: `REM-${r.rem_number}`, label: r.rem_title ?? '', state: r.rem_status };
    case 'control': return { id: null, key: null, label: r.control_title ?? '', state: r.control_evidence ? 'evidenced' : 'no evidence' };
  }
}

const toRecord = (r: Row): MappingRecord => ({
  id: r.id, framework: r.framework, itemId: r.item_id, targetType: r.target_type, target: targetOf(r),
  controlEvidence: r.control_evidence, note: r.note, createdBy: r.created_by, createdAt: iso(r.created_at),
});

export async function findMapping(q: Queryable, orgId: string, id: string): Promise<MappingRecord | null> {
  const [row] = await q.query<Row>(`${SELECT} WHERE m.org_id = $1 AND m.id = $2`, [orgId, id]);
  return row ? toRecord(row) : null;
}

export async function deleteMapping(q: Queryable, orgId: string, id: string): Promise<boolean> {
  return (await q.query('DELETE FROM framework_mappings WHERE org_id = $1 AND id = $2 RETURNING id', [orgId, id])).length > 0;
}

/** The explicit mappings of one item (or of a whole framework), newest first. */
export async function listMappings(q: Queryable, orgId: string, framework: FrameworkId, itemId?: string, limit = 500): Promise<MappingRecord[]> {
  const rows = await q.query<Row>(
    `${SELECT} WHERE m.org_id = $1 AND m.framework = $2 AND ($3::text IS NULL OR m.item_id = $3)
      ORDER BY m.created_at DESC, m.id LIMIT $4`, [orgId, framework, itemId ?? null, limit]);
  return rows.map(toRecord);
}

interface EvidenceRow {
  item: string; zones: number; findings: number; findings_open: number; findings_verified: number; rems: number; rems_open: number;
  rems_verified: number; controls: number; controls_evidenced: number;
}

const toEvidence = (r: EvidenceRow): ItemEvidence => ({
  zones: r.zones, findings: { total: r.findings, open: r.findings_open, verified: r.findings_verified },
  remediations: { total: r.rems, open: r.rems_open, verified: r.rems_verified },
  controls: { total: r.controls, evidenced: r.controls_evidenced },
});

const OPEN_REM = `('planned', 'in_progress', 'reopened', 'fixed')`;

/** Evidence per item from explicit mappings. */
export async function mappedEvidence(q: Queryable, orgId: string, framework: FrameworkId): Promise<Map<string, ItemEvidence>> {
  const rows = await q.query<EvidenceRow>(
    `SELECT m.item_id AS item,
            count(*) FILTER (WHERE m.target_type = 'zone')::int AS zones,
            count(*) FILTER (WHERE m.target_type = 'finding')::int AS findings,
            count(*) FILTER (WHERE f.status = 'open')::int AS findings_open,
            count(*) FILTER (WHERE f.status = 'verified')::int AS findings_verified,
            count(*) FILTER (WHERE m.target_type = 'remediation')::int AS rems,
            count(*) FILTER (WHERE r.status IN ${OPEN_REM})::int AS rems_open,
            count(*) FILTER (WHERE r.status = 'verified')::int AS rems_verified,
            count(*) FILTER (WHERE m.target_type = 'control')::int AS controls,
            count(*) FILTER (WHERE m.target_type = 'control' AND m.control_evidence <> '')::int AS controls_evidenced
       FROM framework_mappings m LEFT JOIN findings f ON f.id = m.finding_id LEFT JOIN remediations r ON r.id = m.remediation_id
      WHERE m.org_id = $1 AND m.framework = $2 GROUP BY m.item_id`, [orgId, framework]);
  return new Map(rows.map((r) => [r.item, toEvidence(r)]));
}

/**
 * Evidence per item from the category ids of findings (`<prefix>:<item>`), and the remediation
 * items those findings are linked to. Duplicates and false positives are no evidence.
 * Reads the organization's findings once (a group-by over their categories).
 */
export async function categoryEvidence(q: Queryable, orgId: string, prefix: string): Promise<Map<string, ItemEvidence>> {
  const rows = await q.query<EvidenceRow>(
    `SELECT substr(c.id, length($2) + 2) AS item, 0 AS zones, count(*)::int AS findings,
            count(*) FILTER (WHERE f.status = 'open')::int AS findings_open,
            count(*) FILTER (WHERE f.status = 'verified')::int AS findings_verified,
            count(DISTINCT f.remediation_id)::int AS rems,
            count(DISTINCT f.remediation_id) FILTER (WHERE r.status IN ${OPEN_REM})::int AS rems_open,
            count(DISTINCT f.remediation_id) FILTER (WHERE r.status = 'verified')::int AS rems_verified,
            0 AS controls, 0 AS controls_evidenced
       FROM findings f CROSS JOIN LATERAL unnest(f.categories) AS c(id) LEFT JOIN remediations r ON r.id = f.remediation_id
      WHERE f.org_id = $1 AND c.id LIKE $2 || ':%' AND f.triage NOT IN ('duplicate', 'false_positive')
      GROUP BY c.id`, [orgId, prefix]);
  return new Map(rows.map((r) => [r.item, toEvidence(r)]));
}
