/** The organization's policy row (org_policies); absent until the first change. */
import type { Policy } from '../domain/policy.ts';
import type { Queryable } from './db.ts';

interface PolicyRow {
  priority_weights: Policy['priorityWeights']; sla_days: Policy['slaDays'];
  safety_share_min: number | string; safety_share_max: number | string; safety_share_default: number | string;
  sprint_days: number; debt_interest_rate: number | string; escalate_after_sprints: number;
  zone_debt_threshold: number | string; stale_after_days: number;
  board_cadence_days: number; kpi_regression_threshold: number | string;
}

/** The stored policy, or null when the organization still uses the defaults. */
export async function findPolicy(q: Queryable, orgId: string): Promise<Policy | null> {
  const [r] = await q.query<PolicyRow>('SELECT * FROM org_policies WHERE org_id = $1', [orgId], 'find-policy');
  if (!r) return null;
  return {
    priorityWeights: r.priority_weights, slaDays: r.sla_days,
    safetyShare: { default: Number(r.safety_share_default), min: Number(r.safety_share_min), max: Number(r.safety_share_max) },
    sprintDays: r.sprint_days, debtInterestRate: Number(r.debt_interest_rate), escalateAfterSprints: r.escalate_after_sprints,
    zoneDebtThreshold: Number(r.zone_debt_threshold), staleAfterDays: r.stale_after_days,
    boardCadenceDays: r.board_cadence_days, kpiRegressionThreshold: Number(r.kpi_regression_threshold),
  };
}

export async function savePolicy(q: Queryable, orgId: string, p: Policy, by: string, at: string): Promise<void> {
  await q.query(
    `INSERT INTO org_policies (org_id, priority_weights, sla_days, safety_share_min, safety_share_max, safety_share_default,
                               sprint_days, debt_interest_rate, escalate_after_sprints, zone_debt_threshold, stale_after_days,
                               updated_at, updated_by, board_cadence_days, kpi_regression_threshold)
     VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (org_id) DO UPDATE SET
       priority_weights = excluded.priority_weights, sla_days = excluded.sla_days, safety_share_min = excluded.safety_share_min,
       safety_share_max = excluded.safety_share_max, safety_share_default = excluded.safety_share_default,
       sprint_days = excluded.sprint_days, debt_interest_rate = excluded.debt_interest_rate,
       escalate_after_sprints = excluded.escalate_after_sprints, zone_debt_threshold = excluded.zone_debt_threshold,
       stale_after_days = excluded.stale_after_days, board_cadence_days = excluded.board_cadence_days,
       kpi_regression_threshold = excluded.kpi_regression_threshold, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [orgId, JSON.stringify(p.priorityWeights), JSON.stringify(p.slaDays), p.safetyShare.min, p.safetyShare.max, p.safetyShare.default,
      p.sprintDays, p.debtInterestRate, p.escalateAfterSprints, p.zoneDebtThreshold, p.staleAfterDays, at, by, p.boardCadenceDays, p.kpiRegressionThreshold]);
}
