/**
 * PRD reviews: a PRD with its Safety Implications section (failure modes), the status flow
 * draft → in review → approved, and approval refused — naming each failure mode and why —
 * while the section is empty or a high/critical failure mode has no planned mitigation.
 */
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import { isUuid } from '../domain/ids.ts';
import { approvalProblems, canMovePrd, type Likelihood, type PrdStatus } from '../domain/prd-review.ts';
import { authorize, authorizeOnZone, can } from '../domain/roles.ts';
import type { Severity } from '../domain/severity.ts';
import type { Bucket } from '../domain/zones.ts';
import type { Issue } from '../domain/errors.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import * as repo from '../store/prds.ts';
import type { PrdRecord, PrdSummaryRecord } from '../store/prds.ts';
import { findMember } from '../store/users.ts';
import { zoneBriefOf, type ZoneBrief } from '../store/zone-brief.ts';
import type { Actor } from './actor.ts';
import { createFollowUp, type FollowUpInput } from './follow-up.ts';
import { requireRationale } from './remediation-access.ts';
import { resolveZone } from './zone-ref.ts';

export interface FailureModeInput {
  harm: string;
  bucket: Bucket;
  severity: Severity;
  likelihood: Likelihood;
  mitigation?: string | null | undefined;
  ownerId?: string | null | undefined;
}

export interface PrdCreateInput {
  zone: string;
  title: string;
  url?: string | undefined;
  authorId?: string | undefined;
  failureModes?: FailureModeInput[] | undefined;
}

export interface PrdPatch { title?: string | undefined; url?: string | null | undefined; authorId?: string | null | undefined }

export interface PrdDetail extends PrdRecord {
  /** Why approval would be refused now; empty when it would pass. */
  approvalProblems: Issue[];
  permissions: { canEdit: boolean; canApprove: boolean };
}

const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
const isOwner = (actor: Actor, zone: ZoneBrief) => actor.userId !== null && (zone.ownerId === actor.userId || zone.deputyId === actor.userId);

function mayApprove(actor: Actor, zone: ZoneBrief): boolean {
  return can(actor.role, 'prd.approve_any') || (isOwner(actor, zone) && can(actor.role, 'prd.approve_own'));
}

async function requireMember(q: Queryable, orgId: string, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const m = isUuid(id) ? await findMember(q, orgId, id) : null;
  if (!m) throw InputError.field(field, `user ${id} is not a member of this organization`);
  if (m.status !== 'active') throw InputError.field(field, `${m.name} is deactivated`);
}

async function checkFailureMode(q: Queryable, orgId: string, zone: ZoneBrief, m: FailureModeInput, field: string): Promise<repo.FailureModeWrite> {
  const harm = m.harm.trim();
  if (harm.length < 3) throw InputError.field(`${field}harm`, 'describe the harm (at least 3 characters)');
  if (!zone.buckets.includes(m.bucket)) {
    throw InputError.field(`${field}bucket`, `zone ${zone.key} covers ${zone.buckets.join(', ')}; ${m.bucket} is not one of its buckets`);
  }
  await requireMember(q, orgId, m.ownerId, `${field}ownerId`);
  return { harm, bucket: m.bucket, severity: m.severity, likelihood: m.likelihood, mitigation: blank(m.mitigation), ownerId: m.ownerId ?? null };
}

export function createPrdService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function load(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<PrdRecord> {
    const prd = isUuid(id) ? await repo.findPrd(q, actor.orgId, id, forUpdate) : null;
    if (!prd) throw new NotFoundError('PRD', id);
    return prd;
  }

  async function get(actor: Actor, id: string): Promise<PrdDetail> {
    authorize(actor.role, 'org.read');
    const prd = await load(db, actor, id);
    return {
      ...prd,
      approvalProblems: approvalProblems(prd.failureModes),
      permissions: { canEdit: can(actor.role, 'prd.write') && prd.status !== 'approved', canApprove: mayApprove(actor, prd.zone) },
    };
  }

  /** Loads the PRD for a change to its content: writers only, and never an approved PRD. */
  async function editable(tx: Queryable, actor: Actor, id: string): Promise<PrdRecord> {
    authorize(actor.role, 'prd.write');
    const prd = await load(tx, actor, id, true);
    if (prd.status === 'approved') throw new ConflictError('This PRD is approved; reopen it as a draft before changing it');
    return prd;
  }

  async function move(actor: Actor, id: string, to: PrdStatus, reason?: string): Promise<PrdDetail> {
    await db.transaction(async (tx) => {
      const prd = await load(tx, actor, id, true);
      if (to === 'in_review') authorize(actor.role, 'prd.write');
      else authorizeOnZone(actor.role, isOwner(actor, prd.zone), 'prd.approve_own', 'prd.approve_any');
      if (!canMovePrd(prd.status, to)) {
        const hint = prd.status === 'draft' && to === 'approved' ? '; submit it for review first' : '';
        throw new ConflictError(`A PRD that is ${prd.status.replace('_', ' ')} cannot move to ${to.replace('_', ' ')}${hint}`);
      }
      const why = to === 'draft' ? requireRationale(reason, 'reason') : null;
      if (to === 'approved') {
        const problems = approvalProblems(prd.failureModes);
        if (problems.length) {
          throw new ConflictError(`The PRD cannot be approved: ${problems.map((p) => p.message).join('; ')}`, problems);
        }
      }
      const at = now().toISOString();
      await repo.updatePrd(tx, actor.orgId, prd.id, {
        status: to,
        ...(to === 'in_review' ? { submittedAt: at } : {}),
        ...(to === 'approved' ? { approvedAt: at, approvedBy: actor.label } : {}),
        ...(to === 'draft' ? { approvedAt: null, approvedBy: null } : {}),
      }, at);
      const action = to === 'in_review' ? 'prd.submitted' : to === 'approved' ? 'prd.approved' : 'prd.reopened';
      await appendEvents(tx, actor.orgId, [{
        actor: actor.label, action, entityType: 'prd', entityId: prd.id,
        before: { status: prd.status }, after: { status: to, ...(why ? { reason: why } : {}), ...(to === 'approved' ? { failureModes: prd.failureModes.length } : {}) },
      }], new Date(at));
    });
    return get(actor, id);
  }

  return {
    get,

    async list(actor: Actor, input: { zone?: string | undefined; status?: PrdStatus | undefined; limit?: number | undefined }): Promise<PrdSummaryRecord[]> {
      authorize(actor.role, 'org.read');
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : undefined;
      return repo.listPrds(db, actor.orgId, { zoneId, status: input.status }, input.limit ?? 200);
    },

    async create(actor: Actor, input: PrdCreateInput): Promise<PrdDetail> {
      authorize(actor.role, 'prd.write');
      const id = await db.transaction(async (tx) => {
        const zone = await resolveZone(tx, actor.orgId, input.zone, 'zone');
        const brief = zoneBriefOf(zone);
        const title = input.title.trim();
        if (!title) throw InputError.field('title', 'a PRD needs a title');
        const authorId = input.authorId ?? actor.userId;
        await requireMember(tx, actor.orgId, authorId, 'authorId');
        const modes = [];
        for (const [i, m] of (input.failureModes ?? []).entries()) modes.push(await checkFailureMode(tx, actor.orgId, brief, m, `failureModes.${i}.`));
        const at = now().toISOString();
        const prdId = await repo.insertPrd(tx, actor.orgId, { zoneId: zone.id, title, url: blank(input.url), authorId, createdBy: actor.label, at });
        for (const m of modes) await repo.insertFailureMode(tx, actor.orgId, prdId, m, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'prd.created', entityType: 'prd', entityId: prdId,
          after: { zoneId: zone.id, title, url: blank(input.url), authorId, failureModes: modes.length },
        }], new Date(at));
        return prdId;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, patch: PrdPatch): Promise<PrdDetail> {
      await db.transaction(async (tx) => {
        const prd = await editable(tx, actor, id);
        if (patch.title !== undefined && !patch.title.trim()) throw InputError.field('title', 'a PRD needs a title');
        await requireMember(tx, actor.orgId, patch.authorId, 'authorId');
        const next = {
          title: patch.title?.trim(), url: patch.url === undefined ? undefined : blank(patch.url), authorId: patch.authorId,
        };
        const at = now().toISOString();
        await repo.updatePrd(tx, actor.orgId, prd.id, next, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'prd.updated', entityType: 'prd', entityId: prd.id,
          before: { title: prd.title, url: prd.url, authorId: prd.author?.id ?? null }, after: next,
        }], new Date(at));
      });
      return get(actor, id);
    },

    async addFailureMode(actor: Actor, id: string, input: FailureModeInput): Promise<PrdDetail> {
      await db.transaction(async (tx) => {
        const prd = await editable(tx, actor, id);
        const w = await checkFailureMode(tx, actor.orgId, prd.zone, input, '');
        const at = now().toISOString();
        const modeId = await repo.insertFailureMode(tx, actor.orgId, prd.id, w, at);
        await repo.updatePrd(tx, actor.orgId, prd.id, {}, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'prd.failure_mode_added', entityType: 'prd', entityId: prd.id, after: { failureModeId: modeId, ...w },
        }], new Date(at));
      });
      return get(actor, id);
    },

    async updateFailureMode(actor: Actor, id: string, modeId: string, input: FailureModeInput): Promise<PrdDetail> {
      await db.transaction(async (tx) => {
        const prd = await editable(tx, actor, id);
        const mode = prd.failureModes.find((m) => m.id === modeId);
        if (!mode) throw new NotFoundError('Failure mode', modeId);
        const w = await checkFailureMode(tx, actor.orgId, prd.zone, input, '');
        const at = now().toISOString();
        await repo.updateFailureMode(tx, prd.id, modeId, w, at);
        await repo.updatePrd(tx, actor.orgId, prd.id, {}, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'prd.failure_mode_updated', entityType: 'prd', entityId: prd.id,
          before: { failureModeId: modeId, harm: mode.harm, bucket: mode.bucket, severity: mode.severity, likelihood: mode.likelihood, mitigation: mode.mitigation, ownerId: mode.owner?.id ?? null },
          after: { failureModeId: modeId, ...w },
        }], new Date(at));
      });
      return get(actor, id);
    },

    async removeFailureMode(actor: Actor, id: string, modeId: string): Promise<PrdDetail> {
      await db.transaction(async (tx) => {
        const prd = await editable(tx, actor, id);
        const mode = prd.failureModes.find((m) => m.id === modeId);
        if (!mode) throw new NotFoundError('Failure mode', modeId);
        const at = now().toISOString();
        await repo.deleteFailureMode(tx, prd.id, modeId);
        await repo.updatePrd(tx, actor.orgId, prd.id, {}, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'prd.failure_mode_removed', entityType: 'prd', entityId: prd.id,
          before: { failureModeId: modeId, position: mode.position, harm: mode.harm, severity: mode.severity },
        }], new Date(at));
      });
      return get(actor, id);
    },

    submit: (actor: Actor, id: string) => move(actor, id, 'in_review'),
    approve: (actor: Actor, id: string) => move(actor, id, 'approved'),
    reopen: (actor: Actor, id: string, reason: string) => move(actor, id, 'draft', reason),

    /** Turns a failure mode into a finding or a remediation item of the PRD's zone, in one step. */
    async followUpFailureMode(actor: Actor, id: string, modeId: string, input: FollowUpInput): Promise<PrdDetail> {
      await db.transaction(async (tx) => {
        const prd = await load(tx, actor, id, true);
        const mode = prd.failureModes.find((m) => m.id === modeId);
        if (!mode) throw new NotFoundError('Failure mode', modeId);
        if (input.kind === 'finding' && mode.findingId) throw new ConflictError(`Failure mode ${mode.position} is already tracked as a finding`);
        if (input.kind === 'remediation' && mode.remediation) {
          throw new ConflictError(`Failure mode ${mode.position} is already tracked as ${mode.remediation.key}`);
        }
        const at = now();
        const link = await createFollowUp(tx, actor, {
          zoneId: prd.zone.id, title: mode.harm.slice(0, 300), severity: mode.severity, origin: 'prd-failure-mode',
          description: `From failure mode ${mode.position} of the PRD "${prd.title}" (likelihood ${mode.likelihood.replace('_', ' ')}).`
            + (mode.mitigation ? `\nPlanned mitigation: ${mode.mitigation}` : ''),
        }, input, at);
        await repo.linkFailureMode(tx, mode.id, link, at.toISOString());
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'prd.failure_mode_tracked', entityType: 'prd', entityId: prd.id,
          after: { failureModeId: mode.id, ...link },
        }], at);
      });
      return get(actor, id);
    },
  };
}

export type PrdService = ReturnType<typeof createPrdService>;
