/**
 * Launches: a planned launch in a zone with its PRD and pre-mortem, its gate evaluated with
 * evidence, and the zone owner's go / pause decision with a rationale. A go while a check
 * fails is an override: the owner asks, an admin other than the owner co-signs, and the
 * launch and its events carry the override forever.
 */
import { isCalendarDate } from '../domain/calendar-date.ts';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { isUuid } from '../domain/ids.ts';
import type { GateEvaluation } from '../domain/launch-gate.ts';
import { authorize, authorizeOnZone, can } from '../domain/roles.ts';
import type { Tier } from '../domain/zones.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import * as repo from '../store/launches.ts';
import type { DecisionRecord, LaunchRecord, LaunchStatus } from '../store/launches.ts';
import { findPremortem } from '../store/premortems.ts';
import { findPrd } from '../store/prds.ts';
import type { Actor } from './actor.ts';
import { evaluateLaunchGate } from './launch-gate.ts';
import { requireRationale } from './remediation-access.ts';
import { resolveZone } from './zone-ref.ts';

export interface LaunchCreateInput {
  zone: string;
  name: string;
  plannedOn: string;
  prdId?: string | undefined;
  premortemId?: string | undefined;
}

export interface LaunchPatch {
  name?: string | undefined;
  plannedOn?: string | undefined;
  prdId?: string | null | undefined;
  premortemId?: string | null | undefined;
}

export interface GateReport {
  launch: { id: string; name: string; zone: { id: string; key: string; name: string; tier: Tier }; status: LaunchStatus };
  evaluatedAt: string;
  evaluation: GateEvaluation;
}

export interface LaunchDetail extends LaunchRecord {
  gate: GateEvaluation;
  decisions: DecisionRecord[];
  permissions: { canEdit: boolean; canDecide: boolean; canCosign: boolean };
}

const isZoneOwner = (actor: Actor, l: LaunchRecord) => actor.userId !== null && l.zone.ownerId === actor.userId;
const mayCosign = (actor: Actor, l: LaunchRecord) =>
  can(actor.role, 'launch.cosign') && actor.userId !== null && l.status === 'awaiting_cosign' && l.decidedBy !== actor.label;

export function createLaunchService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  /** A launch by id, by `zone-key/name`, or by zone key alone (the zone's next launch not yet gone). */
  async function resolve(q: Queryable, actor: Actor, ref: string, forUpdate = false): Promise<LaunchRecord> {
    let found: LaunchRecord | null = null;
    if (isUuid(ref)) {
      found = await repo.findLaunch(q, actor.orgId, ref, forUpdate);
    } else {
      const slash = ref.indexOf('/');
      const zoneRef = slash < 0 ? ref : ref.slice(0, slash);
      const name = slash < 0 ? null : ref.slice(slash + 1).trim();
      const zone = await resolveZone(q, actor.orgId, zoneRef, 'launch', { allowArchived: true });
      found = await repo.findLaunchInZone(q, actor.orgId, zone.id, name || null);
      if (found && forUpdate) found = await repo.findLaunch(q, actor.orgId, found.id, true);
    }
    if (!found) throw new NotFoundError('Launch', ref);
    return found;
  }

  async function checkLinks(q: Queryable, orgId: string, zoneId: string, prdId: string | null | undefined, premortemId: string | null | undefined): Promise<void> {
    if (prdId) {
      const prd = await findPrd(q, orgId, prdId);
      if (!prd) throw InputError.field('prdId', `no PRD ${prdId} in this organization`);
      if (prd.zone.id !== zoneId) throw InputError.field('prdId', `the PRD "${prd.title}" belongs to zone ${prd.zone.key}, not this launch's zone`);
    }
    if (premortemId) {
      const pm = await findPremortem(q, orgId, premortemId);
      if (!pm) throw InputError.field('premortemId', `no pre-mortem ${premortemId} in this organization`);
      if (pm.zone.id !== zoneId) throw InputError.field('premortemId', `the pre-mortem of ${pm.release} belongs to zone ${pm.zone.key}, not this launch's zone`);
    }
  }

  async function get(actor: Actor, ref: string): Promise<LaunchDetail> {
    authorize(actor.role, 'org.read');
    const l = await resolve(db, actor, ref);
    return {
      ...l,
      gate: await evaluateLaunchGate(db, actor.orgId, l, now()),
      decisions: await repo.listLaunchDecisions(db, l.id),
      permissions: {
        canEdit: l.status !== 'go' && (can(actor.role, 'launch.manage_any') || (isZoneOwner(actor, l) && can(actor.role, 'launch.manage_own'))),
        canDecide: l.status !== 'go' && isZoneOwner(actor, l) && can(actor.role, 'launch.decide_own'),
        canCosign: mayCosign(actor, l),
      },
    };
  }

  return {
    get,

    async list(actor: Actor, input: { zone?: string | undefined; status?: LaunchStatus | undefined }): Promise<LaunchRecord[]> {
      authorize(actor.role, 'org.read');
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : undefined;
      return repo.listLaunches(db, actor.orgId, { zoneId, status: input.status }, 200);
    },

    /** The gate as of now: each check with its evidence. */
    async gate(actor: Actor, ref: string): Promise<GateReport> {
      authorize(actor.role, 'org.read');
      const l = await resolve(db, actor, ref);
      const at = now();
      return {
        launch: { id: l.id, name: l.name, zone: { id: l.zone.id, key: l.zone.key, name: l.zone.name, tier: l.zone.tier }, status: l.status },
        evaluatedAt: at.toISOString(),
        evaluation: await evaluateLaunchGate(db, actor.orgId, l, at),
      };
    },

    async create(actor: Actor, input: LaunchCreateInput): Promise<LaunchDetail> {
      const id = await db.transaction(async (tx) => {
        const zone = await resolveZone(tx, actor.orgId, input.zone, 'zone');
        authorizeOnZone(actor.role, actor.userId === zone.owner.id || actor.userId === zone.deputy?.id, 'launch.manage_own', 'launch.manage_any');
        const name = input.name.trim();
        if (!name) throw InputError.field('name', 'name the launch');
        if (!isCalendarDate(input.plannedOn)) throw InputError.field('plannedOn', 'a date is YYYY-MM-DD');
        await checkLinks(tx, actor.orgId, zone.id, input.prdId, input.premortemId);
        if (await repo.findLaunchInZone(tx, actor.orgId, zone.id, name)) {
          throw InputError.field('name', `zone ${zone.key} already has a launch named "${name}"`);
        }
        const at = now().toISOString();
        const launchId = await repo.insertLaunch(tx, actor.orgId, {
          zoneId: zone.id, name, plannedOn: input.plannedOn, prdId: input.prdId ?? null, premortemId: input.premortemId ?? null,
          createdBy: actor.label, at,
        });
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'launch.created', entityType: 'launch', entityId: launchId,
          after: { zoneId: zone.id, name, plannedOn: input.plannedOn, prdId: input.prdId ?? null, premortemId: input.premortemId ?? null },
        }], new Date(at));
        return launchId;
      });
      return get(actor, id);
    },

    async update(actor: Actor, ref: string, patch: LaunchPatch): Promise<LaunchDetail> {
      const id = await db.transaction(async (tx) => {
        const l = await resolve(tx, actor, ref, true);
        authorizeOnZone(actor.role, isZoneOwner(actor, l) || actor.userId === l.zone.deputyId, 'launch.manage_own', 'launch.manage_any');
        if (l.status === 'go') throw new ConflictError(`"${l.name}" has launched; its record stays as decided`);
        if (patch.name !== undefined && !patch.name.trim()) throw InputError.field('name', 'name the launch');
        if (patch.plannedOn !== undefined && !isCalendarDate(patch.plannedOn)) throw InputError.field('plannedOn', 'a date is YYYY-MM-DD');
        await checkLinks(tx, actor.orgId, l.zone.id, patch.prdId, patch.premortemId);
        const at = now().toISOString();
        const set = { ...patch, name: patch.name?.trim() };
        await repo.updateLaunchPlan(tx, l.id, set, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'launch.updated', entityType: 'launch', entityId: l.id,
          before: { name: l.name, plannedOn: l.plannedOn, prdId: l.prd?.id ?? null, premortemId: l.premortem?.id ?? null }, after: set,
        }], new Date(at));
        return l.id;
      });
      return get(actor, id);
    },

    /**
     * The zone owner decides. Pause is always theirs to take; go with every check passing
     * launches; go with a failing check waits for an admin's co-signature (see cosign).
     */
    async decide(actor: Actor, ref: string, input: { decision: 'go' | 'pause'; rationale: string }): Promise<LaunchDetail> {
      const id = await db.transaction(async (tx) => {
        const l = await resolve(tx, actor, ref, true);
        authorize(actor.role, 'launch.decide_own');
        if (!isZoneOwner(actor, l)) {
          throw new NotAllowedError(`Only the owner of zone ${l.zone.key}, ${l.zone.ownerName}, decides go or pause on its launches`);
        }
        if (l.status === 'go') throw new ConflictError(`"${l.name}" has already been decided go`);
        const rationale = requireRationale(input.rationale);
        const at = now();
        const gate = await evaluateLaunchGate(tx, actor.orgId, l, at);
        const when = at.toISOString();
        const overrideAsked = input.decision === 'go' && !gate.passed;
        const status: LaunchStatus = input.decision === 'pause' ? 'paused' : overrideAsked ? 'awaiting_cosign' : 'go';
        const kind = input.decision === 'pause' ? 'pause' : overrideAsked ? 'override_requested' : 'go';
        await repo.setLaunchDecision(tx, l.id, {
          status, decision: input.decision, rationale, decidedBy: actor.label, decidedAt: when, override: false, cosignedBy: null, cosignedAt: null,
        });
        await repo.insertLaunchDecision(tx, actor.orgId, l.id, { kind, override: overrideAsked, rationale, checks: gate, actor: actor.label, at: when });
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: overrideAsked ? 'launch.override_requested' : 'launch.decided', entityType: 'launch', entityId: l.id,
          before: { status: l.status }, after: { status, decision: input.decision, rationale, override: overrideAsked, failing: gate.failing },
        }], at);
        return l.id;
      });
      return get(actor, id);
    },

    /** An admin other than the deciding owner co-signs a go over failing checks: the launch goes, marked as an override. */
    async cosign(actor: Actor, ref: string, input: { rationale: string }): Promise<LaunchDetail> {
      const id = await db.transaction(async (tx) => {
        const l = await resolve(tx, actor, ref, true);
        authorize(actor.role, 'launch.cosign');
        if (l.status !== 'awaiting_cosign') throw new ConflictError(`"${l.name}" is ${l.status.replace('_', ' ')}; there is no override waiting for a co-signature`);
        if (actor.userId === null) throw new NotAllowedError('An override is co-signed by a named admin, not by the local operator');
        if (l.decidedBy === actor.label) throw new NotAllowedError('An override needs two people: an admin other than the owner who asked for it co-signs');
        const rationale = requireRationale(input.rationale);
        const at = now();
        const gate = await evaluateLaunchGate(tx, actor.orgId, l, at);
        if (gate.passed) {
          throw new ConflictError('Every check passes now: no override is needed; the zone owner can decide go');
        }
        const when = at.toISOString();
        await repo.setLaunchDecision(tx, l.id, {
          status: 'go', decision: 'go', rationale: l.rationale ?? rationale, decidedBy: l.decidedBy!, decidedAt: l.decidedAt!,
          override: true, cosignedBy: actor.label, cosignedAt: when,
        });
        await repo.insertLaunchDecision(tx, actor.orgId, l.id, { kind: 'override_cosigned', override: true, rationale, checks: gate, actor: actor.label, at: when });
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'launch.override_cosigned', entityType: 'launch', entityId: l.id,
          before: { status: l.status }, after: { status: 'go', decision: 'go', override: true, requestedBy: l.decidedBy, rationale, failing: gate.failing },
        }], at);
        return l.id;
      });
      return get(actor, id);
    },
  };
}

export type LaunchService = ReturnType<typeof createLaunchService>;
