/**
 * Acceptance criteria (added by whoever runs the item, checked off by the validator with
 * evidence) and milestones (prototype, pilot, full rollout) of a remediation item.
 */
import { isCalendarDate } from '../domain/calendar-date.ts';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { canManage, canValidate, type MilestoneStage, type MilestoneStatus } from '../domain/remediation-status.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { findCriterion, insertCriteria, setCriterionMet } from '../store/acceptance-criteria.ts';
import { listMilestones, upsertMilestone } from '../store/milestones.ts';
import { updateRemediation, type RemediationRecord } from '../store/remediations.ts';
import type { Actor } from './actor.ts';
import { loadItem, partyOf } from './remediation-access.ts';
import type { RemediationDetail } from './remediation-view.ts';

export interface MilestonePatch {
  successMetric?: string | undefined;
  targetDate?: string | null | undefined;
  status?: MilestoneStatus | undefined;
}

const CLOSED = ['verified', 'obsolete'];

function requireOpen(item: RemediationRecord, what: string): void {
  if (CLOSED.includes(item.status)) throw new ConflictError(`REM-${item.number} is ${item.status}; reopen it to ${what}`);
}

function requireValidator(actor: Actor, item: RemediationRecord): void {
  if (!canValidate(partyOf(actor, item))) {
    throw new NotAllowedError(`Only the validator of REM-${item.number} or an admin may check its acceptance criteria`);
  }
}

export function createCriteriaOps(deps: { db: Db; now: () => Date }, get: (actor: Actor, ref: string) => Promise<RemediationDetail>) {
  const { db, now } = deps;

  async function event(q: Queryable, actor: Actor, item: RemediationRecord, action: string, at: Date, after: unknown, before?: unknown) {
    await updateRemediation(q, actor.orgId, item.id, {}, at.toISOString());
    await appendEvents(q, actor.orgId, [{ actor: actor.label, action, entityType: 'remediation', entityId: item.id, before, after }], at);
  }

  async function setMet(actor: Actor, ref: string, criterionId: string, evidence: string | null): Promise<RemediationDetail> {
    const id = await db.transaction(async (tx) => {
      const item = await loadItem(tx, actor, ref, true);
      requireValidator(actor, item);
      requireOpen(item, 'change its criteria');
      const c = await findCriterion(tx, item.id, criterionId);
      if (!c) throw new NotFoundError('Acceptance criterion', criterionId);
      const at = now();
      if (evidence === null) {
        if (!c.metAt) throw new ConflictError(`Criterion ${c.position} is not checked`);
        await setCriterionMet(tx, c.id, null);
        await event(tx, actor, item, 'remediation.criterion_unchecked', at, { criterionId: c.id, position: c.position }, { evidence: c.evidence });
      } else {
        await setCriterionMet(tx, c.id, { at: at.toISOString(), by: actor.label, evidence });
        await event(tx, actor, item, 'remediation.criterion_checked', at, { criterionId: c.id, position: c.position, evidence });
      }
      return item.id;
    });
    return get(actor, id);
  }

  return {
    async addCriterion(actor: Actor, ref: string, input: { text: string; metric?: string | undefined; threshold?: string | undefined }): Promise<RemediationDetail> {
      const id = await db.transaction(async (tx) => {
        const item = await loadItem(tx, actor, ref, true);
        const p = partyOf(actor, item);
        if (!canManage(p) && !canValidate(p)) {
          throw new NotAllowedError(`Only the zone's owner, the validator or an admin may add acceptance criteria to REM-${item.number}`);
        }
        requireOpen(item, 'add criteria');
        const text = input.text.trim();
        if (!text) throw InputError.field('text', 'a criterion needs a text');
        const criterion = { text, metric: input.metric?.trim() || null, threshold: input.threshold?.trim() || null };
        const [cid] = await insertCriteria(tx, item.id, [criterion]);
        await event(tx, actor, item, 'remediation.criterion_added', now(), { criterionId: cid, ...criterion });
        return item.id;
      });
      return get(actor, id);
    },

    /** The validator checks a criterion off, with the evidence that it is met. */
    async checkCriterion(actor: Actor, ref: string, criterionId: string, input: { evidence: string }): Promise<RemediationDetail> {
      const evidence = input.evidence.trim();
      if (evidence.length < 3) throw InputError.field('evidence', 'say what shows the criterion is met (at least 3 characters)');
      return setMet(actor, ref, criterionId, evidence);
    },

    async uncheckCriterion(actor: Actor, ref: string, criterionId: string): Promise<RemediationDetail> {
      return setMet(actor, ref, criterionId, null);
    },

    /** Sets a milestone's success metric, target date or status (the assignee, the zone's owner or an admin). */
    async setMilestone(actor: Actor, ref: string, stage: MilestoneStage, patch: MilestonePatch): Promise<RemediationDetail> {
      const id = await db.transaction(async (tx) => {
        const item = await loadItem(tx, actor, ref, true);
        const p = partyOf(actor, item);
        if (!canManage(p) && !(p.assignee && actor.role !== 'viewer' && actor.role !== 'reviewer')) {
          throw new NotAllowedError(`Only the assignee, the zone's owner or an admin may set the milestones of REM-${item.number}`);
        }
        requireOpen(item, 'change its milestones');
        if (patch.targetDate && !isCalendarDate(patch.targetDate)) throw InputError.field('targetDate', 'a date is YYYY-MM-DD');
        const before = (await listMilestones(tx, item.id)).find((m) => m.stage === stage) ?? null;
        const next = {
          stage,
          successMetric: patch.successMetric?.trim() ?? before?.successMetric ?? '',
          targetDate: patch.targetDate === undefined ? before?.targetDate ?? null : patch.targetDate,
          status: patch.status ?? before?.status ?? 'pending',
        };
        const at = now();
        await upsertMilestone(tx, item.id, next, at.toISOString());
        await event(tx, actor, item, 'remediation.milestone_set', at, next, before);
        return item.id;
      });
      return get(actor, id);
    },
  };
}
