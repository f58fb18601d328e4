/**
 * Triage: the queue of a zone owner's untriaged and regressed findings, and decisions on many
 * findings at once — remediate (into a new or existing item), duplicate, false positive, or
 * accept the risk (a risk-acceptance draft) — each with its rationale, in one transaction.
 */
import { isCalendarDate } from '../domain/calendar-date.ts';
import { ConflictError, InputError } from '../domain/errors.ts';
import { can, authorize } from '../domain/roles.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { findFinding } from '../store/findings.ts';
import { insertDecisions } from '../store/remediation-decisions.ts';
import { updateRemediation } from '../store/remediations.ts';
import { insertRiskAcceptance } from '../store/risk-acceptances.ts';
import { triageQueue, type TriageQueueRecord } from '../store/triage.ts';
import type { Actor } from './actor.ts';
import { authorizeManage, loadItem, requireRationale } from './remediation-access.ts';
import { createRemediationIn, type RemediationCreateInput } from './remediation-create.ts';
import { selectForTriage, writeTriage } from './triage-apply.ts';
import { resolveZone } from './zone-ref.ts';

export type TriageQueueItem = TriageQueueRecord;
export type TriageDecision = 'remediate' | 'duplicate' | 'false_positive' | 'accept_risk';

export interface TriageQueueInput {
  zone?: string | undefined;
  /** Every zone of the organization, not only the caller's (admins see every zone by default). */
  all?: boolean | undefined;
  limit: number;
  offset: number;
}

export interface TriageDecideInput {
  findingIds: string[];
  decision: TriageDecision;
  rationale: string;
  /** Remediate into this existing item (uuid or REM-12)… */
  remediationId?: string | undefined;
  /** …or into a new item made from these findings. */
  remediation?: Omit<RemediationCreateInput, 'findingIds'> | undefined;
  duplicateOf?: string | undefined;
  acceptance?: { justification: string; compensatingControls?: string | undefined; expiresOn: string } | undefined;
}

export interface TriageDecideResult {
  decided: number;
  remediationId: string | null;
  riskAcceptanceId: string | null;
}

/** At most this many findings in one decision. */
export const MAX_TRIAGE_BATCH = 50_000;

export function createTriageService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async queue(actor: Actor, input: TriageQueueInput): Promise<{ items: TriageQueueItem[]; total: number }> {
      authorize(actor.role, 'org.read');
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : undefined;
      const everyZone = input.all === true || can(actor.role, 'triage.decide_any') || zoneId !== undefined;
      if (!everyZone && !actor.userId) throw InputError.field('zone', 'name a zone: the local operator owns none');
      return triageQueue(db, actor.orgId, { holderId: everyZone ? null : actor.userId, zoneId }, input.limit, input.offset);
    },

    async decide(actor: Actor, input: TriageDecideInput): Promise<TriageDecideResult> {
      authorize(actor.role, 'triage.decide_own');
      const ids = [...new Set(input.findingIds)];
      if (ids.length > MAX_TRIAGE_BATCH) throw InputError.field('findingIds', `decide at most ${MAX_TRIAGE_BATCH} findings at once`);
      const rationale = requireRationale(input.rationale);
      return db.transaction(async (tx) => {
        const at = now();
        const selection = await selectForTriage(tx, actor, ids);
        const { groups } = selection;
        switch (input.decision) {
          case 'remediate': {
            if (input.remediationId && input.remediation) {
              throw InputError.field('remediation', 'choose an existing item (remediationId) or a new one (remediation), not both');
            }
            if (input.remediation) {
              const id = await createRemediationIn(tx, actor, { ...input.remediation, findingIds: ids }, at, selection);
              return { decided: ids.length, remediationId: id, riskAcceptanceId: null };
            }
            if (!input.remediationId) throw InputError.field('remediationId', 'name the remediation item, or describe a new one');
            const item = await loadItem(tx, actor, input.remediationId, true).catch(() => {
              throw InputError.field('remediationId', `no remediation item ${input.remediationId} in this organization`);
            });
            authorizeManage(actor, item);
            if (item.status === 'obsolete') throw new ConflictError(`REM-${item.number} is obsolete; remediate into an open item`);
            const decided = await writeTriage(tx, actor, selection, { triage: 'remediate', reason: rationale, duplicateOf: null, remediationId: item.id, riskAcceptanceId: null }, at);
            await updateRemediation(tx, actor.orgId, item.id, {}, at.toISOString());
            await insertDecisions(tx, actor.orgId, [{ remediationId: item.id, kind: 'findings', rationale, after: { linked: decided }, actor: actor.label, at: at.toISOString() }]);
            await appendEvents(tx, actor.orgId, [{
              actor: actor.label, action: 'remediation.findings_linked', entityType: 'remediation', entityId: item.id,
              after: { findings: decided, rationale },
            }], at);
            return { decided, remediationId: item.id, riskAcceptanceId: null };
          }
          case 'duplicate': {
            const of = input.duplicateOf;
            if (!of) throw InputError.field('duplicateOf', 'name the finding these duplicate');
            if (ids.includes(of)) throw InputError.field('duplicateOf', 'a finding cannot be a duplicate of itself');
            const original = /^[0-9a-f-]{36}$/i.test(of) ? await findFinding(tx, actor.orgId, of) : null;
            if (!original) throw InputError.field('duplicateOf', `no finding ${of} in this organization`);
            const decided = await writeTriage(tx, actor, selection, { triage: 'duplicate', reason: rationale, duplicateOf: original.id, remediationId: null, riskAcceptanceId: null }, at);
            return { decided, remediationId: null, riskAcceptanceId: null };
          }
          case 'false_positive': {
            const decided = await writeTriage(tx, actor, selection, { triage: 'false_positive', reason: rationale, duplicateOf: null, remediationId: null, riskAcceptanceId: null }, at);
            return { decided, remediationId: null, riskAcceptanceId: null };
          }
          case 'accept_risk': {
            const a = input.acceptance;
            if (!a) throw InputError.field('acceptance', 'accepting a risk needs a justification and an expiry date');
            const justification = requireRationale(a.justification, 'acceptance.justification');
            if (!isCalendarDate(a.expiresOn)) {
              throw InputError.field('acceptance.expiresOn', 'the expiry is a date, YYYY-MM-DD');
            }
            if (a.expiresOn <= at.toISOString().slice(0, 10)) {
              throw InputError.field('acceptance.expiresOn', 'an accepted risk must expire in the future, so it is reviewed again');
            }
            const zoneId = groups.length === 1 ? groups[0]!.zoneId : null;
            const riskId = await insertRiskAcceptance(tx, actor.orgId, {
              zoneId, justification, compensatingControls: a.compensatingControls?.trim() ?? '', expiresOn: a.expiresOn,
              createdBy: actor.label, at: at.toISOString(),
            });
            await appendEvents(tx, actor.orgId, [{
              actor: actor.label, action: 'risk_acceptance.drafted', entityType: 'risk_acceptance', entityId: riskId,
              after: { zoneId, justification, compensatingControls: a.compensatingControls?.trim() ?? '', expiresOn: a.expiresOn, findings: ids.length },
            }], at);
            const decided = await writeTriage(tx, actor, selection, { triage: 'accepted_risk', reason: rationale, duplicateOf: null, remediationId: null, riskAcceptanceId: riskId }, at);
            return { decided, remediationId: null, riskAcceptanceId: riskId };
          }
        }
      });
    },
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
