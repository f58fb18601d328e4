/**
 * Planning use cases: planning periods split into sprints with team capacity and a reserved
 * safety share; the plan of a period (reserve vs safety effort scheduled, items in priority
 * order, warnings); scheduling an item into a sprint, where moving it later is a deferral with
 * a rationale, and the reply says which items the new one pushed out of the reserve.
 */
import { utcDate } from '../domain/calendar-date.ts';
import { displacedBy, planSprint, reserveOf, shareWarnings, type PlanWarning } from '../domain/capacity.ts';
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import { DEFAULT_POLICY, type Policy } from '../domain/policy.ts';
import { OPEN_STATUSES } from '../domain/remediation-status.ts';
import { authorize, authorizeOnZone } from '../domain/roles.ts';
import { isOverdue } from '../domain/sla.ts';
import { checkSprints, splitPeriod, type SprintDates } from '../domain/sprints.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import * as repo from '../store/planning.ts';
import type { PeriodRecord, PlannedItemRecord, SprintRecord } from '../store/planning.ts';
import { findPolicy } from '../store/policies.ts';
import { insertDecisions } from '../store/remediation-decisions.ts';
import { sqlState, UNIQUE_VIOLATION } from '../store/rows.ts';
import type { Actor } from './actor.ts';

export interface SprintInput {
  name?: string | undefined;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
  capacity: number;
}

export interface PeriodCreateInput {
  name: string;
  startsOn: string;
  endsOn: string;
  safetyShare?: number | undefined;
  sprints: SprintInput[] | { count: number; capacity: number };
}

export interface PeriodDetail extends PeriodRecord {
  sprints: SprintRecord[];
}

export interface PlanItem extends PlannedItemRecord {
  withinReserve: boolean;
  overdue: boolean;
  escalated: boolean;
}

export interface SprintPlan extends SprintRecord {
  reserve: number;
  used: number;
  free: number;
  items: PlanItem[];
  warnings: PlanWarning[];
}

export interface PeriodPlan {
  period: PeriodRecord;
  safetyShareRange: { min: number; max: number };
  warnings: PlanWarning[];
  sprints: SprintPlan[];
  unscheduled: { total: number; items: PlannedItemRecord[] };
}

export interface ScheduleInput {
  sprintId: string | null;
  rationale?: string | undefined;
}

export interface ScheduleResult {
  item: { id: string; number: number; title: string; sprintId: string | null };
  decision: 'scheduled' | 'deferred' | 'unchanged';
  sprint: { id: string; name: string; reserve: number; used: number } | null;
  /** Items that fit in the sprint's safety reserve before and no longer do. */
  displaced: { id: string; number: number; title: string; priority: number; effort: number }[];
}

const policyOf = async (q: Queryable, orgId: string): Promise<Policy> => (await findPolicy(q, orgId)) ?? DEFAULT_POLICY;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The sprints a period asks for: explicit ones (dates filled in evenly where missing) or `count` equal ones. */
function sprintsOf(input: PeriodCreateInput): Omit<SprintRecord, 'id' | 'periodId'>[] {
  const period = { startsOn: input.startsOn, endsOn: input.endsOn };
  checkSprints(period, []);
  const list: SprintInput[] = Array.isArray(input.sprints)
    ? input.sprints
    : Array.from({ length: input.sprints.count }, () => ({ capacity: (input.sprints as { capacity: number }).capacity }));
  if (list.length === 0) throw InputError.field('sprints', 'a period needs at least one sprint');
  if (list.length > 52) throw InputError.field('sprints', 'a period holds at most 52 sprints');
  const even = splitPeriod(period, list.length);
  const dates: SprintDates[] = list.map((s, i) => ({ startsOn: s.startsOn ?? even[i]!.startsOn, endsOn: s.endsOn ?? even[i]!.endsOn }));
  checkSprints(period, dates);
  return list.map((s, i) => {
    if (!Number.isFinite(s.capacity) || s.capacity < 0) throw InputError.field(`sprints.${i}.capacity`, 'capacity is effort points, 0 or more');
    const name = s.name?.trim() || `Sprint ${i + 1}`;
    if (name.length > 100) throw InputError.field(`sprints.${i}.name`, 'a sprint name has at most 100 characters');
    return { position: i + 1, name, startsOn: dates[i]!.startsOn, endsOn: dates[i]!.endsOn, capacity: s.capacity };
  });
}

export function createPlanningService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function findPeriodOrFail(q: Queryable, orgId: string, ref: string): Promise<PeriodRecord> {
    const period = await repo.findPeriod(q, orgId, ref);
    if (!period) throw new NotFoundError('Planning period', ref);
    return period;
  }

  async function periodDetail(q: Queryable, orgId: string, ref: string): Promise<PeriodDetail> {
    const period = await findPeriodOrFail(q, orgId, ref);
    return { ...period, sprints: await repo.listSprints(q, orgId, period.id) };
  }

  return {
    async createPeriod(actor: Actor, input: PeriodCreateInput): Promise<PeriodDetail> {
      authorize(actor.role, 'plan.manage');
      const name = input.name.trim();
      if (!name || name.length > 100) throw InputError.field('name', 'a period needs a name of 1 to 100 characters');
      const policy = await policyOf(db, actor.orgId);
      const { min, max } = policy.safetyShare;
      const safetyShare = input.safetyShare ?? policy.safetyShare.default;
      if (shareWarnings(safetyShare, policy.safetyShare).length > 0) {
        throw InputError.field('safetyShare', `the organization reserves ${pct(min)} to ${pct(max)} of capacity for safety work; ${
          pct(safetyShare)} is outside that range`);
      }
      const sprints = sprintsOf(input);
      const at = now().toISOString();
      const id = await db.transaction(async (tx) => {
        let periodId: string;
        try {
          periodId = await repo.insertPeriod(tx, actor.orgId, {
            name, startsOn: input.startsOn, endsOn: input.endsOn, safetyShare, createdBy: actor.label, at,
          });
        } catch (err) {
          if (sqlState(err) === UNIQUE_VIOLATION) throw new ConflictError(`A planning period named "${name}" already exists`);
          throw err;
        }
        await repo.insertSprints(tx, actor.orgId, periodId, sprints);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'planning.period_created', entityType: 'planning_period', entityId: periodId,
          after: { name, startsOn: input.startsOn, endsOn: input.endsOn, safetyShare, sprints },
        }], new Date(at));
        return periodId;
      });
      return periodDetail(db, actor.orgId, id);
    },

    async listPeriods(actor: Actor): Promise<PeriodRecord[]> {
      authorize(actor.role, 'org.read');
      return repo.listPeriods(db, actor.orgId);
    },

    async getPlan(actor: Actor, periodRef: string): Promise<PeriodPlan> {
      authorize(actor.role, 'org.read');
      const period = await findPeriodOrFail(db, actor.orgId, periodRef);
      const policy = await policyOf(db, actor.orgId);
      const sprints = await repo.listSprints(db, actor.orgId, period.id);
      const items = await repo.listSprintItems(db, actor.orgId, sprints.map((s) => s.id));
      const unscheduled = await repo.listUnscheduled(db, actor.orgId, 20);
      const at = now();
      return {
        period,
        safetyShareRange: { min: policy.safetyShare.min, max: policy.safetyShare.max },
        warnings: shareWarnings(period.safetyShare, policy.safetyShare),
        sprints: sprints.map((s) => {
          // Safety work waiting matters only for sprints still to come or under way.
          const waiting = s.endsOn >= utcDate(at) ? unscheduled.total : 0;
          const plan = planSprint({ capacity: s.capacity, share: period.safetyShare, items: items.filter((i) => i.sprintId === s.id) }, waiting);
          return {
            ...s, reserve: plan.reserve, used: plan.used, free: Math.max(0, Math.round((plan.reserve - plan.used) * 100) / 100),
            warnings: plan.warnings,
            items: plan.items.map((i) => ({
              ...i, overdue: isOverdue({ dueAt: i.dueAt, pausedAt: i.pausedAt, status: i.status, fixedAt: null }, at),
              escalated: i.escalatedAt !== null,
            })),
          };
        }),
        unscheduled,
      };
    },

    /**
     * Puts an item into a sprint (or takes it out with null). Moving it to a later sprint, or out
     * of one, is a deferral and needs a rationale; the reply names the items it displaced.
     */
    async schedule(actor: Actor, remediationRef: string, input: ScheduleInput): Promise<ScheduleResult> {
      authorize(actor.role, 'org.read');
      return db.transaction(async (tx) => {
        const item = await repo.findPlannedItem(tx, actor.orgId, remediationRef, true);
        if (!item) throw new NotFoundError('Remediation item', remediationRef);
        authorizeOnZone(actor.role, actor.userId !== null && item.zone.ownerId === actor.userId, 'plan.schedule_own', 'plan.schedule_any');
        const label = `REM-${item.number}`;
        if (!OPEN_STATUSES.includes(item.status)) {
          throw new ConflictError(`${label} is ${item.status.replace('_', ' ')}; only open items (planned, in progress, reopened) are scheduled`);
        }
        const target = input.sprintId ? await repo.findSprint(tx, actor.orgId, input.sprintId) : null;
        if (input.sprintId && !target) throw InputError.field('sprintId', `no sprint ${input.sprintId} in this organization`);
        const at = now();
        if (target && target.endsOn < utcDate(at)) {
          throw InputError.field('sprintId', `${target.name} ended on ${target.endsOn}; schedule the item into a sprint still to come`);
        }
        const current = item.sprintId ? await repo.findSprint(tx, actor.orgId, item.sprintId) : null;
        const result = (decision: ScheduleResult['decision'], displaced: ScheduleResult['displaced'], sprint: ScheduleResult['sprint']) => ({
          item: { id: item.id, number: item.number, title: item.title, sprintId: target?.id ?? null }, decision, sprint, displaced,
        });
        if ((current?.id ?? null) === (target?.id ?? null)) return result('unchanged', [], null);

        const deferred = current !== null && (target === null || target.startsOn > current.startsOn);
        const rationale = input.rationale?.trim() ?? '';
        if (deferred && rationale.length < 3) {
          throw InputError.field('rationale', `moving ${label} ${target ? 'to a later sprint' : 'out of its sprint'} defers it; say why (at least 3 characters)`);
        }
        if (rationale.length > 0 && rationale.length < 3) throw InputError.field('rationale', 'a rationale has at least 3 characters');
        let sprint: ScheduleResult['sprint'] = null;
        let displaced: ScheduleResult['displaced'] = [];
        if (target) {
          const period = await findPeriodOrFail(tx, actor.orgId, target.periodId);
          const before = await repo.listSprintItems(tx, actor.orgId, [target.id]);
          const reserve = reserveOf(target.capacity, period.safetyShare);
          displaced = displacedBy(before, item, reserve).map((d) => ({ id: d.id, number: d.number, title: d.title, priority: d.priority, effort: d.effort }));
          const used = Math.round([...before, item].reduce((s, i) => s + i.effort, 0) * 100) / 100;
          sprint = { id: target.id, name: target.name, reserve, used };
        }
        const when = at.toISOString();
        await repo.setItemSprint(tx, actor.orgId, item.id, target?.id ?? null, when);
        const from = current ? { sprintId: current.id, sprint: current.name, startsOn: current.startsOn } : null;
        const to = target ? { sprintId: target.id, sprint: target.name, startsOn: target.startsOn } : null;
        const kind = deferred ? 'deferred' : 'scheduled';
        await insertDecisions(tx, actor.orgId, [{
          remediationId: item.id, kind, rationale: rationale || `scheduled into ${target!.name}`,
          before: from, after: to, actor: actor.label, at: when,
        }]);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: `remediation.${kind}`, entityType: 'remediation', entityId: item.id,
          before: from, after: { ...to, rationale: rationale || null, displaced: displaced.map((d) => d.id) },
        }], at);
        return result(kind, displaced, sprint);
      });
    },
  };
}

export type PlanningService = ReturnType<typeof createPlanningService>;
