/**
 * The status flow of a remediation item (planned → in progress → fixed → verified, obsolete,
 * reopened) and the SLA clock's pauses. Every move and pause writes a decision and an event.
 */
import { ConflictError } from '../domain/errors.ts';
import {
  authorizeMove, checkTransition, OPEN_STATUSES, requireMoveReason, statusLabel, verificationBlockers, type RemediationStatus,
} from '../domain/remediation-status.ts';
import { authorize } from '../domain/roles.ts';
import { extendDue } from '../domain/sla.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { listCriteria } from '../store/acceptance-criteria.ts';
import { queueRemediation } from '../store/queue.ts';
import { insertDecisions } from '../store/remediation-decisions.ts';
import { countOpenToolFindings, updateRemediation, verifyLinkedFindings, type RemediationRecord, type RemediationSet } from '../store/remediations.ts';
import type { Actor } from './actor.ts';
import { authorizeManage, loadItem, partyOf, requireRationale } from './remediation-access.ts';
import type { RemediationDetail } from './remediation-view.ts';

export interface MoveInput { to: RemediationStatus; reason?: string | undefined }

/** Leaving fixed or verified for open work: the clock runs again from where `fixed` stopped it. */
function resumedDue(item: RemediationRecord, at: string): string | undefined {
  if ((item.status === 'fixed' || item.status === 'verified') && item.fixedAt && !item.pausedAt) return extendDue(item.dueAt, item.fixedAt, at);
  return undefined;
}

export function createStatusOps(deps: { db: Db; now: () => Date }, get: (actor: Actor, ref: string) => Promise<RemediationDetail>) {
  const { db, now } = deps;

  return {
    async move(actor: Actor, ref: string, input: MoveInput): Promise<RemediationDetail> {
      authorize(actor.role, 'org.read');
      const id = await db.transaction(async (tx) => {
        const item = await loadItem(tx, actor, ref, true);
        const from = item.status;
        const to = input.to;
        checkTransition(from, to);
        authorizeMove(partyOf(actor, item), from, to);
        const reason = requireMoveReason(from, to, input.reason);
        const at = now();
        const when = at.toISOString();
        const set: RemediationSet = { status: to };
        let verifiedFindings: string[] = [];
        switch (to) {
          case 'in_progress':
            set.startedAt = item.startedAt ?? when;
            set.dueAt = resumedDue(item, when);
            break;
          case 'fixed':
            set.fixedAt = when;
            break;
          case 'verified': {
            const criteria = await listCriteria(tx, item.id);
            const blockers = verificationBlockers({
              criteriaTotal: criteria.length, criteriaMet: criteria.filter((c) => c.metAt).length,
              openToolFindings: await countOpenToolFindings(tx, item.id),
            });
            if (blockers.length) throw new ConflictError(`REM-${item.number} cannot be verified yet: ${blockers.join('; ')}`);
            set.verifiedAt = when;
            set.closedAt = when;
            verifiedFindings = await verifyLinkedFindings(tx, item.id, when);
            break;
          }
          case 'obsolete':
            set.obsoleteReason = reason;
            set.closedAt = when;
            break;
          case 'reopened':
            set.closedAt = null;
            set.dueAt = resumedDue(item, when);
            break;
          case 'planned':
            break;
        }
        await updateRemediation(tx, actor.orgId, item.id, set, when);
        const rationale = reason ?? `moved from ${statusLabel(from)} to ${statusLabel(to)}`;
        const after = { status: to, ...(set.dueAt ? { dueAt: set.dueAt } : {}), ...(reason ? { reason } : {}) };
        await insertDecisions(tx, actor.orgId, [{ remediationId: item.id, kind: 'status', rationale, before: { status: from }, after, actor: actor.label, at: when }]);
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'remediation.moved', entityType: 'remediation', entityId: item.id, before: { status: from }, after },
          ...verifiedFindings.map((fid) => ({
            actor: actor.label, action: 'finding.verified', entityType: 'finding', entityId: fid,
            before: { status: 'fixed_unverified' }, after: { status: 'verified', remediationId: item.id },
          })),
        ], at);
        if (to === 'fixed' && item.validator) await queueRemediation(tx, actor.orgId, [item.validator.id], 'remediation.validate', item.id, when);
        return item.id;
      });
      return get(actor, id);
    },

    /** Stops the SLA clock by a recorded decision. */
    async pauseSla(actor: Actor, ref: string, input: { rationale: string }): Promise<RemediationDetail> {
      const id = await db.transaction(async (tx) => {
        const item = await loadItem(tx, actor, ref, true);
        authorizeManage(actor, item);
        const rationale = requireRationale(input.rationale);
        if (item.pausedAt) throw new ConflictError(`The SLA clock of REM-${item.number} is already paused`);
        if (!OPEN_STATUSES.includes(item.status)) {
          throw new ConflictError(`REM-${item.number} is ${statusLabel(item.status)}: its SLA clock is not running`);
        }
        const at = now();
        await updateRemediation(tx, actor.orgId, item.id, { pausedAt: at.toISOString() }, at.toISOString());
        await insertDecisions(tx, actor.orgId, [{ remediationId: item.id, kind: 'sla_pause', rationale, before: { dueAt: item.dueAt }, after: { pausedAt: at.toISOString() }, actor: actor.label, at: at.toISOString() }]);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'remediation.sla_paused', entityType: 'remediation', entityId: item.id,
          before: { pausedAt: null }, after: { pausedAt: at.toISOString(), rationale },
        }], at);
        return item.id;
      });
      return get(actor, id);
    },

    /** Starts the clock again; the due date moves by the time it was paused. */
    async resumeSla(actor: Actor, ref: string, input: { rationale: string }): Promise<RemediationDetail> {
      const id = await db.transaction(async (tx) => {
        const item = await loadItem(tx, actor, ref, true);
        authorizeManage(actor, item);
        const rationale = requireRationale(input.rationale);
        if (!item.pausedAt) throw new ConflictError(`The SLA clock of REM-${item.number} is not paused`);
        const at = now();
        const due = extendDue(item.dueAt, item.pausedAt, at.toISOString());
        await updateRemediation(tx, actor.orgId, item.id, { pausedAt: null, dueAt: due }, at.toISOString());
        await insertDecisions(tx, actor.orgId, [{ remediationId: item.id, kind: 'sla_resume', rationale, before: { dueAt: item.dueAt, pausedAt: item.pausedAt }, after: { dueAt: due }, actor: actor.label, at: at.toISOString() }]);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'remediation.sla_resumed', entityType: 'remediation', entityId: item.id,
          before: { pausedAt: item.pausedAt, dueAt: item.dueAt }, after: { pausedAt: null, dueAt: due, rationale },
        }], at);
        return item.id;
      });
      return get(actor, id);
    },
  };
}

