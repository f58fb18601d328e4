/** The milestones of a remediation item: prototype, pilot, full rollout. */
import type { MilestoneStage, MilestoneStatus } from '../domain/remediation-status.ts';
import type { Queryable } from './db.ts';
import { dateOnly, isoOrNull } from './rows.ts';

export interface MilestoneRecord {
  stage: MilestoneStage;
  successMetric: string;
  targetDate: string | null;
  status: MilestoneStatus;
  doneAt: string | null;
}

export interface MilestoneWrite { stage: MilestoneStage; successMetric: string; targetDate: string | null; status: MilestoneStatus }

interface Row { stage: MilestoneStage; success_metric: string; target_date: Date | string | null; status: MilestoneStatus; done_at: Date | null }

export async function listMilestones(q: Queryable, remediationId: string): Promise<MilestoneRecord[]> {
  const rows = await q.query<Row>(
    `SELECT stage, success_metric, target_date, status, done_at FROM milestones WHERE remediation_id = $1
      ORDER BY array_position(ARRAY['prototype','pilot','full_rollout'], stage)`, [remediationId]);
  return rows.map((r) => ({
    stage: r.stage, successMetric: r.success_metric, targetDate: dateOnly(r.target_date), status: r.status, doneAt: isoOrNull(r.done_at),
  }));
}

/** Writes one milestone; `done_at` is set when it becomes done and cleared when it no longer is. */
export async function upsertMilestone(q: Queryable, remediationId: string, m: MilestoneWrite, at: string): Promise<void> {
  await q.query(
    `INSERT INTO milestones (remediation_id, stage, success_metric, target_date, status, done_at)
     VALUES ($1, $2, $3, $4::date, $5, CASE WHEN $5 = 'done' THEN $6::timestamptz END)
     ON CONFLICT (remediation_id, stage) DO UPDATE SET
       success_metric = excluded.success_metric, target_date = excluded.target_date, status = excluded.status,
       done_at = CASE WHEN excluded.status <> 'done' THEN NULL ELSE coalesce(milestones.done_at, excluded.done_at) END`,
    [remediationId, m.stage, m.successMetric, m.targetDate, m.status, at]);
}
