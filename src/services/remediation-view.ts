/** A remediation item as callers see it: the record, its SLA now, stage, history and what they may do. */
import { canManage, canMove, canValidate, allowedTransitions, stageOf, type MilestoneStage, type RemediationStatus } from '../domain/remediation-status.ts';
import { slaView, type SlaView } from '../domain/sla.ts';
import type { Queryable } from '../store/db.ts';
import { listCriteria, type CriterionRecord } from '../store/acceptance-criteria.ts';
import { listMilestones, type MilestoneRecord } from '../store/milestones.ts';
import { listDecisions, type DecisionRecord } from '../store/remediation-decisions.ts';
import { linkedFindings, type LinkedFinding, type RemediationRecord } from '../store/remediations.ts';
import type { Actor } from './actor.ts';
import { partyOf } from './remediation-access.ts';

export interface RemediationSummary extends RemediationRecord {
  sla: SlaView;
}

export interface RemediationPermissions {
  canEdit: boolean;
  canValidate: boolean;
  /** The statuses the caller may move the item to now. */
  canMoveTo: RemediationStatus[];
}

export interface RemediationDetail extends RemediationSummary {
  findings: LinkedFinding[];
  criteria: CriterionRecord[];
  milestones: MilestoneRecord[];
  stage: MilestoneStage | 'done' | null;
  decisions: DecisionRecord[];
  permissions: RemediationPermissions;
}

export function summarize(item: RemediationRecord, now: Date): RemediationSummary {
  return { ...item, sla: slaView({ dueAt: item.dueAt, pausedAt: item.pausedAt, status: item.status, fixedAt: item.fixedAt }, now) };
}

export async function detailOf(q: Queryable, actor: Actor, item: RemediationRecord, now: Date): Promise<RemediationDetail> {
  const [findings, criteria, milestones, decisions] = [
    await linkedFindings(q, item.id), await listCriteria(q, item.id), await listMilestones(q, item.id), await listDecisions(q, item.id),
  ];
  const p = partyOf(actor, item);
  return {
    ...summarize(item, now), findings, criteria, milestones, stage: stageOf(milestones), decisions,
    permissions: {
      canEdit: canManage(p),
      canValidate: canValidate(p),
      canMoveTo: allowedTransitions(item.status).filter((to) => canMove(p, item.status, to)),
    },
  };
}
