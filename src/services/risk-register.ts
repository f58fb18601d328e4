/**
 * The residual risk register: record an acceptance directly (or find the drafts triage made),
 * edit a draft, sign it (zone owner; an admin too when the residual severity is critical),
 * revoke it, and read the register with filters. Expiry is in risk-expiry.ts.
 */
import { addDays, daysBetween, isCalendarDate, utcDate } from '../domain/calendar-date.ts';
import { InputError, NotFoundError } from '../domain/errors.ts';
import {
  approvalBlockers, capacityToSign, checkEditable, checkRevocable, describeMissing, hasLapsed, missingCapacities,
  requiredCapacities, type RiskStatus, type SignCapacity,
} from '../domain/risk-acceptance.ts';
import { authorize, authorizeOnZone, can } from '../domain/roles.ts';
import type { Severity } from '../domain/severity.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import {
  findRiskAcceptance, insertRiskAcceptance, insertSignature, clearSignatures, listRiskAcceptances, riskFindings,
  updateRiskAcceptance, type RiskAcceptanceRecord, type RiskLinkedFinding, type RiskSet,
} from '../store/risk-acceptances.ts';
import { releaseFindings } from '../store/risk-lapse.ts';
import type { Actor } from './actor.ts';
import { requireRationale } from './remediation-access.ts';
import { selectForTriage, writeTriage, type TriageSelection } from './triage-apply.ts';
import { resolveZone } from './zone-ref.ts';
import { fieldChanges } from '../domain/field-changes.ts';

export interface RiskFields {
  title?: string | undefined;
  justification?: string | undefined;
  compensatingControls?: string | undefined;
  residualSeverity?: Severity | null | undefined;
  exposureText?: string | undefined;
  exposureAmount?: number | null | undefined;
  exposureUnit?: string | null | undefined;
  reviewOn?: string | null | undefined;
  expiresOn?: string | undefined;
}

export interface RiskCreateInput extends RiskFields {
  zone: string;
  title: string;
  justification: string;
  expiresOn: string;
  findingIds?: string[] | undefined;
}

export interface RiskPatch extends RiskFields {
  zone?: string | undefined;
}

export interface RiskListInput {
  zone?: string | undefined;
  status?: RiskStatus[] | undefined;
  residualSeverity?: Severity[] | undefined;
  /** Live entries expiring within this many days (0: today or already past). */
  expiringWithinDays?: number | undefined;
  limit: number;
  offset: number;
}

export interface RiskApproval {
  required: SignCapacity[];
  signed: { capacity: SignCapacity; signer: string; name: string | null; signedAt: string }[];
  missing: { capacity: SignCapacity; who: string }[];
}

export interface RiskSummary extends Omit<RiskAcceptanceRecord, 'signatures'> {
  daysToExpiry: number;
  approval: RiskApproval;
}

export interface RiskDetail extends RiskSummary {
  findings: RiskLinkedFinding[];
  permissions: { canEdit: boolean; canApprove: boolean; canRevoke: boolean };
  /** What a draft still lacks before anyone can sign it (empty once it can be, and for non-drafts). */
  approvalBlockers: { field: string; message: string }[];
}

/** The export stops at this many rows. */
export const MAX_EXPORT = 50_000;

export function approvalOf(r: RiskAcceptanceRecord): RiskApproval {
  const owner = r.zone?.ownerName ?? 'no zone set';
  return {
    required: requiredCapacities(r.residualSeverity),
    signed: r.signatures.map((s) => ({ capacity: s.capacity, signer: s.signer, name: s.name, signedAt: s.signedAt })),
    missing: r.status === 'draft'
      ? missingCapacities(r.residualSeverity, r.signatures).map((c) => ({ capacity: c, who: describeMissing([c], owner) }))
      : [],
  };
}

export function summarizeRisk(r: RiskAcceptanceRecord, at: Date): RiskSummary {
  const { signatures: _s, ...rest } = r;
  return {
    ...rest, approval: approvalOf(r),
    daysToExpiry: daysBetween(utcDate(at), r.expiresOn),
  };
}

const holds = (actor: Actor, r: RiskAcceptanceRecord, deputyId: string | null = null) =>
  actor.userId !== null && r.zone !== null && (r.zone.ownerId === actor.userId || deputyId === actor.userId);

function checkDates(expiresOn: string | undefined, reviewOn: string | null | undefined, at: Date): void {
  if (expiresOn !== undefined) {
    if (!isCalendarDate(expiresOn)) throw InputError.field('expiresOn', 'the expiry is a date, YYYY-MM-DD');
    if (hasLapsed(expiresOn, at)) throw InputError.field('expiresOn', 'an accepted risk must expire in the future, so it is reviewed again');
  }
  if (reviewOn && !isCalendarDate(reviewOn)) throw InputError.field('reviewOn', 'the review date is a date, YYYY-MM-DD');
}

function checkExposure(f: RiskFields): void {
  const hasAmount = f.exposureAmount !== undefined && f.exposureAmount !== null;
  const hasUnit = f.exposureUnit !== undefined && f.exposureUnit !== null && f.exposureUnit.trim() !== '';
  if (hasAmount && !hasUnit) throw InputError.field('exposureUnit', 'an exposure amount needs its unit (users/month, USD, requests/day…)');
  if (hasUnit && !hasAmount && f.exposureAmount !== null) throw InputError.field('exposureAmount', 'a unit needs an amount');
  if (hasAmount && !(f.exposureAmount! >= 0)) throw InputError.field('exposureAmount', 'the exposure cannot be negative');
}

/** The columns a set of fields writes (trimmed; blank optional text becomes empty or null). */
function setOf(f: RiskFields): RiskSet {
  return {
    title: f.title?.trim(), justification: f.justification?.trim(), compensatingControls: f.compensatingControls?.trim(),
    residualSeverity: f.residualSeverity, exposureText: f.exposureText?.trim(), exposureAmount: f.exposureAmount,
    exposureUnit: f.exposureUnit === undefined ? undefined : f.exposureUnit?.trim() || null,
    reviewOn: f.reviewOn === undefined ? undefined : f.reviewOn || null, expiresOn: f.expiresOn,
  };
}

export function createRiskRegisterService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function load(q: Queryable, actor: Actor, ref: string, forUpdate = false): Promise<RiskAcceptanceRecord> {
    const r = await findRiskAcceptance(q, actor.orgId, ref, forUpdate);
    if (!r) throw new NotFoundError('Risk acceptance', ref);
    return r;
  }

  /** Owners (and deputies) of the entry's zone, or admins; an entry without a zone needs an admin. */
  async function authorizeManage(q: Queryable, actor: Actor, r: RiskAcceptanceRecord): Promise<void> {
    if (can(actor.role, 'risk.manage_any')) return;
    const zone = r.zone ? await resolveZone(q, actor.orgId, r.zone.id, 'zone', { allowArchived: true }) : null;
    authorizeOnZone(actor.role, holds(actor, r, zone?.deputy?.id ?? null), 'risk.manage_own', 'risk.manage_any');
  }

  async function get(actor: Actor, ref: string): Promise<RiskDetail> {
    authorize(actor.role, 'org.read');
    const r = await load(db, actor, ref);
    const at = now();
    const canEdit = r.status === 'draft' && await authorizeManage(db, actor, r).then(() => true, () => false);
    const blockers = r.status === 'draft' ? approvalBlockers({ ...r, zoneId: r.zone?.id ?? null }, at) : [];
    let canApprove = false;
    if (r.status === 'draft' && r.zone && blockers.length === 0) {
      try {
        capacityToSign({ role: actor.role, userId: actor.userId, label: actor.label, zoneOwnerId: r.zone.ownerId,
          zoneOwnerName: r.zone.ownerName, residual: r.residualSeverity, signatures: r.signatures });
        canApprove = true;
      } catch { /* not theirs to sign */ }
    }
    const canRevoke = (r.status === 'draft' || r.status === 'approved') && await authorizeManage(db, actor, r).then(() => true, () => false);
    return { ...summarizeRisk(r, at), findings: await riskFindings(db, actor.orgId, r.id), permissions: { canEdit, canApprove, canRevoke },
      approvalBlockers: blockers.map(([field, message]) => ({ field, message })),
    };
  }

  async function list(actor: Actor, input: RiskListInput): Promise<{ items: RiskSummary[]; total: number }> {
    authorize(actor.role, 'org.read');
    const at = now();
    const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : undefined;
    const expiringBy = input.expiringWithinDays === undefined ? undefined
      : addDays(utcDate(at), input.expiringWithinDays);
    const page = await listRiskAcceptances(db, actor.orgId, {
      zoneId, status: input.status, residualSeverity: input.residualSeverity, expiringBy,
    }, input.limit, input.offset);
    return { items: page.items.map((r) => summarizeRisk(r, at)), total: page.total };
  }

  return {
    get,
    list,

    /** Every entry the filters match (for the export), a page at a time, at most MAX_EXPORT. */
    async listAll(actor: Actor, input: Omit<RiskListInput, 'limit' | 'offset'>): Promise<RiskSummary[]> {
      const out: RiskSummary[] = [];
      for (let offset = 0; offset < MAX_EXPORT; offset += 500) {
        const page = await list(actor, { ...input, limit: 500, offset });
        out.push(...page.items);
        if (out.length >= page.total || page.items.length === 0) break;
      }
      return out;
    },

    /** Records an acceptance directly, in a zone, optionally taking findings out of triage with it. */
    async create(actor: Actor, input: RiskCreateInput): Promise<RiskDetail> {
      authorize(actor.role, 'risk.manage_own');
      const at = now();
      const title = input.title.trim();
      if (!title) throw InputError.field('title', 'say what is accepted');
      const justification = requireRationale(input.justification, 'justification');
      checkDates(input.expiresOn, input.reviewOn, at);
      if (input.reviewOn && input.reviewOn > input.expiresOn) throw InputError.field('reviewOn', 'review the acceptance on or before it expires');
      checkExposure(input);
      const id = await db.transaction(async (tx) => {
        const zone = await resolveZone(tx, actor.orgId, input.zone, 'zone');
        const isHolder = actor.userId !== null && (zone.owner.id === actor.userId || zone.deputy?.id === actor.userId);
        authorizeOnZone(actor.role, isHolder, 'risk.manage_own', 'risk.manage_any');
        const ids = [...new Set(input.findingIds ?? [])];
        let selection: TriageSelection | null = null;
        if (ids.length > 0) {
          selection = await selectForTriage(tx, actor, ids);
          const elsewhere = selection.groups.find((g) => g.zoneId !== zone.id);
          if (elsewhere) throw InputError.field('findingIds', `${elsewhere.findings} finding(s) are in another zone; an acceptance covers one zone`);
        }
        const set = setOf(input);
        const riskId = await insertRiskAcceptance(tx, actor.orgId, {
          zoneId: zone.id, title, justification, compensatingControls: set.compensatingControls as string | undefined ?? '',
          residualSeverity: input.residualSeverity ?? null, exposureText: (set.exposureText as string | undefined) ?? '',
          exposureAmount: input.exposureAmount ?? null, exposureUnit: (set.exposureUnit as string | null | undefined) ?? null,
          reviewOn: input.reviewOn || null, expiresOn: input.expiresOn, createdBy: actor.label, at: at.toISOString(),
        });
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'risk_acceptance.recorded', entityType: 'risk_acceptance', entityId: riskId,
          after: { zoneId: zone.id, ...set, title, justification, findings: ids.length },
        }], at);
        if (selection) {
          await writeTriage(tx, actor, selection, {
            triage: 'accepted_risk', reason: justification, duplicateOf: null, remediationId: null, riskAcceptanceId: riskId,
          }, at);
        }
        return riskId;
      });
      return get(actor, id);
    },

    /** Changes a draft; any signature already given is dropped, since the text it signed changed. */
    async update(actor: Actor, ref: string, patch: RiskPatch): Promise<RiskDetail> {
      const at = now();
      const id = await db.transaction(async (tx) => {
        const r = await load(tx, actor, ref, true);
        await authorizeManage(tx, actor, r);
        checkEditable(r.status);
        if (patch.title !== undefined && !patch.title.trim()) throw InputError.field('title', 'say what is accepted');
        if (patch.justification !== undefined) requireRationale(patch.justification, 'justification');
        checkDates(patch.expiresOn, patch.reviewOn, at);
        checkExposure({ exposureAmount: patch.exposureAmount ?? r.exposure.amount, exposureUnit: patch.exposureUnit === undefined ? r.exposure.unit : patch.exposureUnit });
        const reviewOn = patch.reviewOn === undefined ? r.reviewOn : patch.reviewOn;
        if (reviewOn && reviewOn > (patch.expiresOn ?? r.expiresOn)) throw InputError.field('reviewOn', 'review the acceptance on or before it expires');
        const set: RiskSet = setOf(patch);
        if (patch.zone !== undefined) {
          const zone = await resolveZone(tx, actor.orgId, patch.zone, 'zone');
          const isHolder = actor.userId !== null && (zone.owner.id === actor.userId || zone.deputy?.id === actor.userId);
          authorizeOnZone(actor.role, isHolder, 'risk.manage_own', 'risk.manage_any');
          set.zoneId = zone.id;
        }
        const current: Record<string, unknown> = {
          zoneId: r.zone?.id ?? null, title: r.title, justification: r.justification, compensatingControls: r.compensatingControls,
          residualSeverity: r.residualSeverity, exposureText: r.exposure.text, exposureAmount: r.exposure.amount, exposureUnit: r.exposure.unit,
          reviewOn: r.reviewOn, expiresOn: r.expiresOn,
        };
        const changes = fieldChanges(current, set);
        if (!changes) return r.id;
        const { before, after } = changes;
        await updateRiskAcceptance(tx, actor.orgId, r.id, set, at.toISOString());
        const dropped = await clearSignatures(tx, r.id);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'risk_acceptance.updated', entityType: 'risk_acceptance', entityId: r.id,
          before, after: { ...after, ...(dropped ? { signaturesDropped: dropped } : {}) },
        }], at);
        return r.id;
      });
      return get(actor, id);
    },

    /** Signs the draft in the capacity the caller holds; the last required signature approves it. */
    async approve(actor: Actor, ref: string): Promise<RiskDetail> {
      authorize(actor.role, 'org.read');
      const at = now();
      const id = await db.transaction(async (tx) => {
        const r = await load(tx, actor, ref, true);
        checkEditable(r.status);
        const blockers = approvalBlockers({ ...r, zoneId: r.zone?.id ?? null }, at);
        if (blockers.length > 0) {
          throw new InputError(blockers.map(([f, m]) => `${f}: ${m}`).join('; '), blockers.map(([field, message]) => ({ field, message })));
        }
        const zone = r.zone!;
        const capacity = capacityToSign({ role: actor.role, userId: actor.userId, label: actor.label, zoneOwnerId: zone.ownerId,
          zoneOwnerName: zone.ownerName, residual: r.residualSeverity, signatures: r.signatures });
        const signature = { capacity, signer: actor.label, userId: actor.userId, signedAt: at.toISOString() };
        await insertSignature(tx, actor.orgId, r.id, signature);
        const missing = missingCapacities(r.residualSeverity, [...r.signatures, signature]);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'risk_acceptance.signed', entityType: 'risk_acceptance', entityId: r.id,
          after: { capacity, missing },
        }], at);
        if (missing.length === 0) {
          await updateRiskAcceptance(tx, actor.orgId, r.id, { status: 'approved', approvedAt: at.toISOString() }, at.toISOString());
          await appendEvents(tx, actor.orgId, [{
            actor: actor.label, action: 'risk_acceptance.approved', entityType: 'risk_acceptance', entityId: r.id,
            before: { status: 'draft' }, after: { status: 'approved', signedBy: [...r.signatures.map((s) => s.signer), actor.label] },
          }], at);
        }
        return r.id;
      });
      return get(actor, id);
    },

    /** Ends a live acceptance with a reason: its findings go back to triage. */
    async revoke(actor: Actor, ref: string, reason: string): Promise<RiskDetail> {
      const at = now();
      const id = await db.transaction(async (tx) => {
        const r = await load(tx, actor, ref, true);
        await authorizeManage(tx, actor, r);
        const why = checkRevocable(r.status, reason);
        const released = await releaseFindings(tx, actor.orgId, [r.id], at.toISOString());
        await updateRiskAcceptance(tx, actor.orgId, r.id, {
          status: 'revoked', revokedAt: at.toISOString(), revokedBy: actor.label, revokeReason: why, lapsedFindings: released.length,
        }, at.toISOString());
        await appendEvents(tx, actor.orgId, [
          {
            actor: actor.label, action: 'risk_acceptance.revoked', entityType: 'risk_acceptance', entityId: r.id,
            before: { status: r.status }, after: { status: 'revoked', reason: why, findingsReopened: released.length },
          },
          ...released.map((f) => ({
            actor: actor.label, action: 'finding.triaged', entityType: 'finding', entityId: f.id,
            before: { triage: 'accepted_risk', riskAcceptanceId: r.id }, after: { triage: 'untriaged', reason: `${r.key} revoked: ${why}` },
          })),
        ], at);
        return r.id;
      });
      return get(actor, id);
    },
  };
}

export type RiskRegisterService = ReturnType<typeof createRiskRegisterService>;
