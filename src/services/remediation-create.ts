/**
 * Creating a remediation item inside the caller's transaction (from the remediations page, or
 * from triage with the findings it remediates): score, SLA from the policy, criteria,
 * milestones, linked findings, the `created` decision, events and the assignee's queue item.
 */
import { isCalendarDate } from '../domain/calendar-date.ts';
import { InputError } from '../domain/errors.ts';
import { slaDaysFor } from '../domain/policy.ts';
import type { MilestoneStage } from '../domain/remediation-status.ts';
import { severityRank, type Severity } from '../domain/severity.ts';
import { dueAt } from '../domain/sla.ts';
import { isRubricValue, priorityScore } from '../domain/triage-score.ts';
import type { Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { insertCriteria } from '../store/acceptance-criteria.ts';
import { upsertMilestone } from '../store/milestones.ts';
import { queueRemediation } from '../store/queue.ts';
import { insertDecisions } from '../store/remediation-decisions.ts';
import { insertRemediation, type SystemElementKind } from '../store/remediations.ts';
import type { FindingGroup } from '../store/triage.ts';
import type { Actor } from './actor.ts';
import { policyOf } from './policy.ts';
import { authorizeManage, itemZone, requirePeople, requireRationale } from './remediation-access.ts';
import { selectForTriage, writeTriage, type TriageSelection } from './triage-apply.ts';
import { resolveZone } from './zone-ref.ts';

export interface CriterionInput { text: string; metric?: string | undefined; threshold?: string | undefined }

export interface MilestoneInput {
  stage: MilestoneStage;
  successMetric?: string | undefined;
  targetDate?: string | undefined;
}

export interface RemediationCreateInput {
  /** Zone key or id. */
  zone: string;
  title: string;
  description?: string | undefined;
  /** Default: the highest severity of the linked findings; required without findings. */
  severity?: Severity | undefined;
  impact: number;
  feasibility: number;
  customerValue: number;
  rationale: string;
  /** Effort in points (default 1). */
  effort?: number | undefined;
  findingIds?: string[] | undefined;
  assigneeId?: string | undefined;
  validatorId?: string | undefined;
  monitorId?: string | undefined;
  retirerId?: string | undefined;
  prdUrl?: string | undefined;
  adrUrl?: string | undefined;
  systemElement?: string | undefined;
  systemElementKind?: SystemElementKind | undefined;
  criteria?: CriterionInput[] | undefined;
  milestones?: MilestoneInput[] | undefined;
}

const blank = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v.trim());

export function checkRubric(input: { impact?: number | undefined; feasibility?: number | undefined; customerValue?: number | undefined }): void {
  for (const field of ['impact', 'feasibility', 'customerValue'] as const) {
    const v = input[field];
    if (v !== undefined && !isRubricValue(v)) throw InputError.field(field, 'score it as a whole number from 1 to 5');
  }
}

function highest(groups: FindingGroup[]): Severity | null {
  let best: Severity | null = null;
  for (const g of groups) if (best === null || severityRank(g.highest) < severityRank(best)) best = g.highest;
  return best;
}

/**
 * Creates the item and returns its id. A caller that has already locked the findings (triage)
 * hands over its `selection` of `input.findingIds`, so they are not read and locked again.
 */
export async function createRemediationIn(
  q: Queryable, actor: Actor, input: RemediationCreateInput, at: Date, locked?: TriageSelection,
): Promise<string> {
  const zone = await resolveZone(q, actor.orgId, input.zone, 'zone');
  authorizeManage(actor, { zone: itemZone(zone), assignee: null, validator: null });
  const title = input.title.trim();
  if (!title) throw InputError.field('title', 'a remediation item needs a title');
  const rationale = requireRationale(input.rationale);
  checkRubric(input);
  const effort = input.effort ?? 1;
  if (!(effort > 0)) throw InputError.field('effort', 'effort must be above 0 points');
  const findingIds = [...new Set(input.findingIds ?? [])];
  const selection = locked ?? (findingIds.length ? await selectForTriage(q, actor, findingIds) : null);
  const groups = selection?.groups ?? [];
  const severity = input.severity ?? highest(groups);
  if (!severity) throw InputError.field('severity', 'give a severity: the item has no linked findings to take it from');
  await requirePeople(q, actor.orgId, {
    assigneeId: input.assigneeId, validatorId: input.validatorId, monitorId: input.monitorId, retirerId: input.retirerId,
  });
  const policy = await policyOf(q, actor.orgId);
  const when = at.toISOString();
  const days = slaDaysFor(policy, severity, zone.tier);
  const firstSeen = groups.map((g) => g.firstSeenAt).sort()[0];
  const priority = priorityScore({ severity, impact: input.impact, feasibility: input.feasibility, customerValue: input.customerValue }, policy.priorityWeights);
  const { id, number } = await insertRemediation(q, actor.orgId, {
    zoneId: zone.id, title, description: input.description?.trim() ?? '', severity, impact: input.impact,
    feasibility: input.feasibility, customerValue: input.customerValue, priority, rationale, effort,
    assigneeId: input.assigneeId ?? null, validatorId: input.validatorId ?? null, monitorId: input.monitorId ?? null,
    retirerId: input.retirerId ?? null, prdUrl: blank(input.prdUrl), adrUrl: blank(input.adrUrl),
    systemElement: blank(input.systemElement), systemElementKind: input.systemElementKind ?? null,
    slaDays: days, dueAt: dueAt(when, days), detectedAt: firstSeen && firstSeen < when ? firstSeen : when, createdBy: actor.label, at: when,
  });
  const criteria = (input.criteria ?? []).map((c, i) => {
    const text = c.text.trim();
    if (!text) throw InputError.field(`criteria.${i}.text`, 'a criterion needs a text');
    return { text, metric: blank(c.metric), threshold: blank(c.threshold) };
  });
  await insertCriteria(q, id, criteria);
  const stages = new Set<MilestoneStage>();
  for (const [i, m] of (input.milestones ?? []).entries()) {
    if (stages.has(m.stage)) throw InputError.field(`milestones.${i}.stage`, `the ${m.stage} milestone is named twice`);
    stages.add(m.stage);
    if (m.targetDate && !isCalendarDate(m.targetDate)) throw InputError.field(`milestones.${i}.targetDate`, 'a date is YYYY-MM-DD');
    await upsertMilestone(q, id, { stage: m.stage, successMetric: m.successMetric?.trim() ?? '', targetDate: m.targetDate ?? null, status: 'pending' }, when);
  }
  const scores = { severity, impact: input.impact, feasibility: input.feasibility, customerValue: input.customerValue, priority };
  await insertDecisions(q, actor.orgId, [{ remediationId: id, kind: 'created', rationale, after: { ...scores, slaDays: days }, actor: actor.label, at: when }]);
  await appendEvents(q, actor.orgId, [{
    actor: actor.label, action: 'remediation.created', entityType: 'remediation', entityId: id,
    after: { key: `REM-${number}`, zoneId: zone.id, title, ...scores, rationale, effort, slaDays: days, findingIds, assigneeId: input.assigneeId ?? null, validatorId: input.validatorId ?? null },
  }], at);
  if (selection) {
    await writeTriage(q, actor, selection, { triage: 'remediate', reason: rationale, duplicateOf: null, remediationId: id, riskAcceptanceId: null }, at);
  }
  if (input.assigneeId) await queueRemediation(q, actor.orgId, [input.assigneeId], 'remediation.assigned', id, when);
  return id;
}
