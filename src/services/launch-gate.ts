/** Evaluating a launch's gate: reads what the checks need about the zone, then domain/launch-gate.ts decides. */
import { evaluateGate, type GateEvaluation } from '../domain/launch-gate.ts';
import { slaDaysFor } from '../domain/policy.ts';
import type { Queryable } from '../store/db.ts';
import { lapsedAcceptances, openCriticalFindings, openHighFindings, zoneKpisSince } from '../store/gate-inputs.ts';
import { lastLaunchAt, type LaunchRecord } from '../store/launches.ts';
import { policyOf } from './policy.ts';

/** Evidence lists are capped; the check's summary still gives the full count. */
const EVIDENCE_LIMIT = 50;
/** Open high findings read to judge which are overdue. */
const HIGH_LIMIT = 5000;

export async function evaluateLaunchGate(q: Queryable, orgId: string, launch: LaunchRecord, now: Date): Promise<GateEvaluation> {
  const zoneId = launch.zone.id;
  // One after another: the caller may pass a transaction, which runs one statement at a time.
  const policy = await policyOf(q, orgId);
  const critical = await openCriticalFindings(q, orgId, zoneId, EVIDENCE_LIMIT);
  const high = await openHighFindings(q, orgId, zoneId, HIGH_LIMIT);
  const since = await lastLaunchAt(q, orgId, zoneId, launch.id);
  const kpis = await zoneKpisSince(q, orgId, zoneId, since);
  const acceptances = await lapsedAcceptances(q, orgId, zoneId, now.toISOString().slice(0, 10), EVIDENCE_LIMIT);
  const evaluation = evaluateGate({
    tier: launch.zone.tier,
    prd: launch.prd,
    premortem: launch.premortem,
    openCritical: critical.items,
    openCriticalTotal: critical.total,
    openHigh: high,
    slaDaysHigh: slaDaysFor(policy, 'high', launch.zone.tier),
    kpis,
    kpiThreshold: policy.kpiRegressionThreshold,
    lastLaunchAt: since,
    acceptances,
    now,
  });
  for (const c of evaluation.checks) c.evidence = c.evidence.slice(0, EVIDENCE_LIMIT);
  return evaluation;
}
