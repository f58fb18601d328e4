/**
 * Remediation items: create, list, read, edit people and links, re-prioritize (with a
 * rationale), link findings. The status flow and SLA pauses are in remediation-status.ts,
 * criteria and milestones in remediation-criteria.ts; this factory puts them together.
 */
import { ConflictError, InputError } from '../domain/errors.ts';
import type { RemediationStatus } from '../domain/remediation-status.ts';
import { authorize } from '../domain/roles.ts';
import type { Severity } from '../domain/severity.ts';
import { slaDaysFor } from '../domain/policy.ts';
import { priorityScore } from '../domain/triage-score.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { queueRemediation } from '../store/queue.ts';
import { insertDecisions } from '../store/remediation-decisions.ts';
import { listRemediations, updateRemediation, type RemediationSet, type RemediationSort, type SystemElementKind } from '../store/remediations.ts';
import type { Actor } from './actor.ts';
import { policyOf } from './policy.ts';
import { authorizeManage, loadItem, requirePeople, requireRationale } from './remediation-access.ts';
import { checkRubric, createRemediationIn, type RemediationCreateInput } from './remediation-create.ts';
import { createCriteriaOps } from './remediation-criteria.ts';
import { createStatusOps } from './remediation-status.ts';
import { detailOf, summarize, type RemediationDetail, type RemediationSummary } from './remediation-view.ts';
import { selectForTriage, writeTriage } from './triage-apply.ts';
import { resolveZone } from './zone-ref.ts';
import { fieldChanges } from '../domain/field-changes.ts';

export type { RemediationCreateInput } from './remediation-create.ts';
export type { RemediationDetail, RemediationSummary } from './remediation-view.ts';

export interface RemediationListInput {
  zone?: string | undefined;
  status?: RemediationStatus[] | undefined;
  severity?: Severity[] | undefined;
  /** A user id, or "me". */
  assignee?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  sort?: RemediationSort | undefined;
  limit: number;
  offset: number;
}

export interface RemediationPatch {
  title?: string | undefined;
  description?: string | undefined;
  effort?: number | undefined;
  assigneeId?: string | null | undefined;
  validatorId?: string | null | undefined;
  monitorId?: string | null | undefined;
  retirerId?: string | null | undefined;
  prdUrl?: string | null | undefined;
  adrUrl?: string | null | undefined;
  systemElement?: string | null | undefined;
  systemElementKind?: SystemElementKind | null | undefined;
}

export interface ReprioritizeInput {
  severity?: Severity | undefined;
  impact?: number | undefined;
  feasibility?: number | undefined;
  customerValue?: number | undefined;
  rationale: string;
}

const DAY = 86_400_000;
const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

export function createRemediationService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const ops = { db, now };

  async function get(actor: Actor, ref: string): Promise<RemediationDetail> {
    authorize(actor.role, 'org.read');
    return detailOf(db, actor, await loadItem(db, actor, ref), now());
  }

  return {
    get,

    async create(actor: Actor, input: RemediationCreateInput): Promise<RemediationDetail> {
      const id = await db.transaction((tx) => createRemediationIn(tx, actor, input, now()));
      return get(actor, id);
    },

    async list(actor: Actor, input: RemediationListInput): Promise<{ items: RemediationSummary[]; total: number }> {
      authorize(actor.role, 'org.read');
      const at = now();
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : undefined;
      let assigneeId = input.assignee;
      if (assigneeId === 'me') {
        if (!actor.userId) throw InputError.field('assignee', '"me" needs a signed-in person');
        assigneeId = actor.userId;
      }
      const page = await listRemediations(db, actor.orgId, {
        zoneId, status: input.status, severity: input.severity, assigneeId, overdueAt: input.overdue ? at.toISOString() : undefined, text: input.q,
      }, input.sort ?? 'priority', input.limit, input.offset);
      return { items: page.items.map((i) => summarize(i, at)), total: page.total };
    },

    /** Edits people, links, title, description and effort (not the scores: see reprioritize). */
    async update(actor: Actor, ref: string, patch: RemediationPatch): Promise<RemediationDetail> {
      const id = await db.transaction(async (tx) => {
        const item = await loadItem(tx, actor, ref, true);
        authorizeManage(actor, item);
        await requirePeople(tx, actor.orgId, {
          assigneeId: patch.assigneeId, validatorId: patch.validatorId, monitorId: patch.monitorId, retirerId: patch.retirerId,
        });
        if (patch.title !== undefined && !patch.title.trim()) throw InputError.field('title', 'a remediation item needs a title');
        if (patch.effort !== undefined && !(patch.effort > 0)) throw InputError.field('effort', 'effort must be above 0 points');
        const next: RemediationSet = {
          title: patch.title?.trim(), description: patch.description?.trim(), effort: patch.effort,
          assigneeId: patch.assigneeId, validatorId: patch.validatorId, monitorId: patch.monitorId, retirerId: patch.retirerId,
          prdUrl: patch.prdUrl === undefined ? undefined : blank(patch.prdUrl),
          adrUrl: patch.adrUrl === undefined ? undefined : blank(patch.adrUrl),
          systemElement: patch.systemElement === undefined ? undefined : blank(patch.systemElement),
          systemElementKind: patch.systemElementKind,
        };
        const current: Record<string, unknown> = {
          title: item.title, description: item.description, effort: item.effort, assigneeId: item.assignee?.id ?? null,
          validatorId: item.validator?.id ?? null, monitorId: item.monitor?.id ?? null, retirerId: item.retirer?.id ?? null,
          prdUrl: item.prdUrl, adrUrl: item.adrUrl, systemElement: item.systemElement, systemElementKind: item.systemElementKind,
        };
        const changes = fieldChanges(current, next);
        if (!changes) return item.id;
        const { before, after } = changes;
        const at = now();
        await updateRemediation(tx, actor.orgId, item.id, next, at.toISOString());
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'remediation.updated', entityType: 'remediation', entityId: item.id, before, after,
        }], at);
        if (typeof after.assigneeId === 'string') {
          await queueRemediation(tx, actor.orgId, [after.assigneeId], 'remediation.assigned', item.id, at.toISOString());
        }
        if (typeof after.validatorId === 'string' && item.status === 'fixed') {
          await queueRemediation(tx, actor.orgId, [after.validatorId], 'remediation.validate', item.id, at.toISOString());
        }
        return item.id;
      });
      return get(actor, id);
    },

    /** Changes any of the four triage inputs; a rationale is required and kept in the item's history. */
    async reprioritize(actor: Actor, ref: string, input: ReprioritizeInput): Promise<RemediationDetail> {
      const id = await db.transaction(async (tx) => {
        const item = await loadItem(tx, actor, ref, true);
        authorizeManage(actor, item);
        const rationale = requireRationale(input.rationale);
        checkRubric(input);
        if (item.status === 'verified' || item.status === 'obsolete') {
          throw new ConflictError(`REM-${item.number} is ${item.status}; reopen it before changing its priority`);
        }
        const policy = await policyOf(tx, actor.orgId);
        const inputs = {
          severity: input.severity ?? item.severity, impact: input.impact ?? item.impact,
          feasibility: input.feasibility ?? item.feasibility, customerValue: input.customerValue ?? item.customerValue,
        };
        const before = { severity: item.severity, impact: item.impact, feasibility: item.feasibility, customerValue: item.customerValue, priority: item.priority, dueAt: item.dueAt, slaDays: item.slaDays };
        if (inputs.severity === before.severity && inputs.impact === before.impact && inputs.feasibility === before.feasibility
          && inputs.customerValue === before.customerValue) {
          throw InputError.field('severity', 'nothing to change: give a new severity, impact, feasibility or customer value');
        }
        const priority = priorityScore(inputs, policy.priorityWeights);
        // A new severity takes the SLA of its row: the due date moves by the difference in days.
        const slaDays = slaDaysFor(policy, inputs.severity, item.zone.tier);
        const due = new Date(new Date(item.dueAt).getTime() + (slaDays - item.slaDays) * DAY).toISOString();
        const after = { ...inputs, priority, slaDays, dueAt: due };
        const at = now();
        await updateRemediation(tx, actor.orgId, item.id, { ...inputs, priority, rationale, slaDays, dueAt: due }, at.toISOString());
        await insertDecisions(tx, actor.orgId, [{ remediationId: item.id, kind: 'priority', rationale, before, after, actor: actor.label, at: at.toISOString() }]);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'remediation.reprioritized', entityType: 'remediation', entityId: item.id,
          before, after: { ...after, rationale },
        }], at);
        return item.id;
      });
      return get(actor, id);
    },

    /** Links more findings to the item (they are triaged `remediate`, with the rationale). */
    async linkFindings(actor: Actor, ref: string, findingIds: string[], rationale: string): Promise<RemediationDetail> {
      const id = await db.transaction(async (tx) => {
        const item = await loadItem(tx, actor, ref, true);
        authorizeManage(actor, item);
        const why = requireRationale(rationale);
        if (item.status === 'obsolete') throw new ConflictError(`REM-${item.number} is obsolete; link the findings to an open item`);
        const ids = [...new Set(findingIds)];
        const selection = await selectForTriage(tx, actor, ids);
        const at = now();
        await writeTriage(tx, actor, selection, { triage: 'remediate', reason: why, duplicateOf: null, remediationId: item.id, riskAcceptanceId: null }, at);
        await updateRemediation(tx, actor.orgId, item.id, {}, at.toISOString());
        await insertDecisions(tx, actor.orgId, [{ remediationId: item.id, kind: 'findings', rationale: why, after: { linked: ids }, actor: actor.label, at: at.toISOString() }]);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'remediation.findings_linked', entityType: 'remediation', entityId: item.id,
          after: { findingIds: ids, rationale: why },
        }], at);
        return item.id;
      });
      return get(actor, id);
    },

    ...createStatusOps(ops, get),
    ...createCriteriaOps(ops, get),
  };
}

export type RemediationService = ReturnType<typeof createRemediationService>;
