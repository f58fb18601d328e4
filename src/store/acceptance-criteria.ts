/** The acceptance criteria of a remediation item, in order, each met (with evidence) or not. */
import type { Queryable } from './db.ts';
import { isoOrNull } from './rows.ts';

export interface CriterionRecord {
  id: string;
  position: number;
  text: string;
  metric: string | null;
  threshold: string | null;
  metAt: string | null;
  metBy: string | null;
  evidence: string | null;
}

export interface CriterionWrite { text: string; metric: string | null; threshold: string | null }

interface Row {
  id: string; position: number; text: string; metric: string | null; threshold: string | null; met_at: Date | null;
  met_by: string | null; evidence: string | null;
}

const toCriterion = (r: Row): CriterionRecord => ({
  id: r.id, position: r.position, text: r.text, metric: r.metric, threshold: r.threshold, metAt: isoOrNull(r.met_at),
  metBy: r.met_by, evidence: r.evidence,
});

export async function listCriteria(q: Queryable, remediationId: string): Promise<CriterionRecord[]> {
  const rows = await q.query<Row>('SELECT * FROM acceptance_criteria WHERE remediation_id = $1 ORDER BY position', [remediationId]);
  return rows.map(toCriterion);
}

/** Appends criteria after the last one; returns their ids in order. */
export async function insertCriteria(q: Queryable, remediationId: string, items: CriterionWrite[]): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `INSERT INTO acceptance_criteria (remediation_id, position, text, metric, threshold)
     SELECT $1, coalesce((SELECT max(position) FROM acceptance_criteria WHERE remediation_id = $1), 0) + u.n, u.text, u.metric, u.threshold
       FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(text, metric, threshold, n)
     ORDER BY u.n
     RETURNING id`,
    [remediationId, items.map((i) => i.text), items.map((i) => i.metric), items.map((i) => i.threshold)]);
  return rows.map((r) => r.id);
}

export async function findCriterion(q: Queryable, remediationId: string, id: string): Promise<CriterionRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await q.query<Row>('SELECT * FROM acceptance_criteria WHERE remediation_id = $1 AND id = $2::uuid', [remediationId, id]);
  return row ? toCriterion(row) : null;
}

/** Checks a criterion off (met, by whom, with what evidence) or unchecks it (all null). */
export async function setCriterionMet(
  q: Queryable, id: string, met: { at: string; by: string; evidence: string } | null,
): Promise<void> {
  await q.query('UPDATE acceptance_criteria SET met_at = $2, met_by = $3, evidence = $4 WHERE id = $1',
    [id, met?.at ?? null, met?.by ?? null, met?.evidence ?? null]);
}
