/**
 * Finding use cases: the filtered list, one finding with its history and time to detect,
 * findings typed in by hand (alone or from a red-team exercise), the hypothesis fields, and
 * routing an unrouted finding to a zone.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import type { Evidence } from '../domain/findings.ts';
import { authorize, can } from '../domain/roles.ts';
import type { Severity } from '../domain/severity.ts';
import { daysToDetect, introducedDate } from '../domain/time-to-detect.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { findExercise } from '../store/exercises.ts';
import * as repo from '../store/findings.ts';
import type { FindingFilter, FindingRecord, FindingSort, FindingStatus, FindingSummaryRecord } from '../store/findings.ts';
import type { Actor } from './actor.ts';
import { resolveZone } from './zone-ref.ts';

export interface FindingListInput {
  zone?: string | undefined;
  severity?: Severity[] | undefined;
  status?: FindingStatus[] | undefined;
  tool?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  regressed?: boolean | undefined;
  unrouted?: boolean | undefined;
  exercise?: string | undefined;
  sort?: FindingSort | undefined;
  limit: number;
  offset: number;
}

export interface FindingCreateInput {
  zone?: string | undefined;
  title: string;
  severity: Severity;
  description?: string | undefined;
  ruleId?: string | undefined;
  target?: string | undefined;
  location?: string | undefined;
  mitigation?: string | undefined;
  categories?: string[] | undefined;
  evidence?: Evidence[] | undefined;
  userScenario?: string | undefined;
  threatModel?: string | undefined;
  systemBoundary?: string | undefined;
  introducedIn?: string | undefined;
  exerciseId?: string | undefined;
}

export interface FindingPatchInput {
  userScenario?: string | null | undefined;
  threatModel?: string | null | undefined;
  systemBoundary?: string | null | undefined;
  introducedIn?: string | null | undefined;
}

export interface FindingDetail extends FindingRecord {
  timeToDetectDays: number | null;
  history: repo.FindingHistoryRecord[];
  canEdit: boolean;
  canRoute: boolean;
}

/** Blank text is no text. */
const text = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v.trim());

const hypothesisOf = (f: FindingRecord) => ({
  userScenario: f.userScenario, threatModel: f.threatModel, systemBoundary: f.systemBoundary, introducedIn: f.introducedIn,
});

/**
 * Creates a finding typed in by hand inside the caller's transaction (the findings page, or a
 * PRD failure mode or pre-mortem mitigation turned into a finding) and returns its id.
 */
export async function createManualFindingIn(q: Queryable, actor: Actor, input: FindingCreateInput, at: Date): Promise<string> {
  authorize(actor.role, 'finding.create');
  const title = input.title.trim();
  if (!title) throw InputError.field('title', 'a finding needs a title');
  const exercise = input.exerciseId ? await findExercise(q, actor.orgId, input.exerciseId) : null;
  if (input.exerciseId && !exercise) throw InputError.field('exerciseId', `no exercise ${input.exerciseId} in this organization`);
  const zoneRef = input.zone ?? exercise?.zone?.id;
  const zoneId = zoneRef ? (await resolveZone(q, actor.orgId, zoneRef, 'zone')).id : null;
  const introducedIn = text(input.introducedIn);
  const when = at.toISOString();
  const newId = await repo.insertManualFinding(q, actor.orgId, {
    zoneId, source: exercise ? 'exercise' : 'manual', exerciseId: exercise?.id ?? null,
    // Typed-in findings are each their own: nothing re-imports them.
    fingerprint: `manual:${randomUUID()}`,
    title, severity: input.severity, ruleId: text(input.ruleId) ?? 'manual', target: text(input.target),
    location: text(input.location), description: input.description?.trim() ?? '', mitigation: text(input.mitigation),
    categories: [...new Set((input.categories ?? []).map((c) => c.trim()).filter(Boolean))],
    evidence: (input.evidence ?? []).filter((e) => Object.values(e).some((v) => v !== undefined && v !== '')),
    userScenario: text(input.userScenario), threatModel: text(input.threatModel), systemBoundary: text(input.systemBoundary),
    introducedIn, introducedOn: introducedDate(introducedIn), createdBy: actor.label, at: when,
  });
  await appendEvents(q, actor.orgId, [{
    actor: actor.label, action: 'finding.created', entityType: 'finding', entityId: newId,
    after: { title, severity: input.severity, zoneId, exerciseId: exercise?.id ?? null },
  }], at);
  return newId;
}

export function createFindingService(deps: { db: Db }) {
  const { db } = deps;

  async function detail(actor: Actor, id: string): Promise<FindingDetail> {
    const f = await repo.findFinding(db, actor.orgId, id);
    if (!f) throw new NotFoundError('Finding', id);
    return {
      ...f,
      timeToDetectDays: daysToDetect(f.introducedOn, f.firstSeenAt),
      history: await repo.findingHistory(db, f.id),
      canEdit: can(actor.role, 'finding.edit'),
      canRoute: f.zone === null && can(actor.role, 'finding.route'),
    };
  }

  return {
    async list(actor: Actor, input: FindingListInput): Promise<{ items: FindingSummaryRecord[]; total: number }> {
      authorize(actor.role, 'org.read');
      const filter: FindingFilter = {
        zoneId: input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : undefined,
        severity: input.severity, status: input.status, format: input.tool, category: input.category, text: input.q,
        regressed: input.regressed, unrouted: input.unrouted, exerciseId: input.exercise,
      };
      return repo.listFindings(db, actor.orgId, filter, input.sort ?? '-severity', input.limit, input.offset);
    },

    async get(actor: Actor, id: string): Promise<FindingDetail> {
      authorize(actor.role, 'org.read');
      return detail(actor, id);
    },

    /** A finding typed in by hand, alone or as the outcome of a red-team exercise. */
    async create(actor: Actor, input: FindingCreateInput): Promise<FindingDetail> {
      const id = await db.transaction((tx) => createManualFindingIn(tx, actor, input, new Date()));
      return detail(actor, id);
    },

    /** Edits the hypothesis (user scenario, threat model, system boundary) and when it was introduced. */
    async update(actor: Actor, id: string, patch: FindingPatchInput): Promise<FindingDetail> {
      authorize(actor.role, 'finding.edit');
      await db.transaction(async (tx) => {
        const before = await repo.findFinding(tx, actor.orgId, id, true);
        if (!before) throw new NotFoundError('Finding', id);
        const pick = (v: string | null | undefined, old: string | null) => (v === undefined ? old : text(v));
        const introducedIn = pick(patch.introducedIn, before.introducedIn);
        const next = {
          userScenario: pick(patch.userScenario, before.userScenario), threatModel: pick(patch.threatModel, before.threatModel),
          systemBoundary: pick(patch.systemBoundary, before.systemBoundary), introducedIn,
        };
        await repo.updateHypothesis(tx, actor.orgId, id, { ...next, introducedOn: introducedDate(introducedIn) });
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'finding.updated', entityType: 'finding', entityId: id,
          before: hypothesisOf(before), after: next,
        }]);
      });
      return detail(actor, id);
    },

    /** Sends an unrouted finding to a zone (admins work the unrouted queue). */
    async route(actor: Actor, id: string, zoneRef: string): Promise<FindingDetail> {
      authorize(actor.role, 'finding.route');
      await db.transaction(async (tx) => {
        const f = await repo.findFinding(tx, actor.orgId, id, true);
        if (!f) throw new NotFoundError('Finding', id);
        if (f.zone) throw new ConflictError(`This finding is already in zone ${f.zone.key}; only unrouted findings are routed by hand`);
        const zone = await resolveZone(tx, actor.orgId, zoneRef, 'zone');
        const same = await repo.findSameInZone(tx, actor.orgId, zone.id, f.format, f.fingerprint);
        if (same) {
          throw new ConflictError(`Zone ${zone.key} already tracks this finding (${same}); the unrouted copy is a duplicate of it`);
        }
        await repo.setFindingZone(tx, actor.orgId, id, zone.id);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'finding.routed', entityType: 'finding', entityId: id,
          before: { zoneId: null }, after: { zoneId: zone.id, zoneKey: zone.key },
        }]);
      });
      return detail(actor, id);
    },
  };
}

export type FindingService = ReturnType<typeof createFindingService>;
