/**
 * Pre-mortems: before a launch or model update, "assume it failed" — failure scenarios with
 * their causes and mitigations; each mitigation can become a finding or a remediation item in
 * one step. A pre-mortem is done when marked complete; the launch gate reads that.
 */
import { isCalendarDate } from '../domain/calendar-date.ts';
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import { isUuid } from '../domain/ids.ts';
import { authorize, can } from '../domain/roles.ts';
import type { Severity } from '../domain/severity.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import * as repo from '../store/premortems.ts';
import type { PremortemRecord, PremortemSummaryRecord } from '../store/premortems.ts';
import type { Actor } from './actor.ts';
import { createFollowUp, type FollowUpInput } from './follow-up.ts';
import { resolveZone } from './zone-ref.ts';

export interface ScenarioInput { scenario: string; causes?: string | undefined; mitigations?: string[] | undefined }

export interface PremortemCreateInput {
  zone: string;
  release: string;
  heldOn: string;
  participants: string[];
  scenarios?: ScenarioInput[] | undefined;
}

export interface PremortemDetail extends PremortemRecord {
  done: boolean;
  permissions: { canEdit: boolean };
}

/** A follow-up made from a mitigation takes this severity unless the caller names one. */
const DEFAULT_SEVERITY: Severity = 'medium';

function text(value: string, field: string, what: string): string {
  const t = value.trim();
  if (t.length < 3) throw InputError.field(field, `${what} (at least 3 characters)`);
  return t;
}

export function createPremortemService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function load(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<PremortemRecord> {
    const p = isUuid(id) ? await repo.findPremortem(q, actor.orgId, id, forUpdate) : null;
    if (!p) throw new NotFoundError('Pre-mortem', id);
    return p;
  }

  async function get(actor: Actor, id: string): Promise<PremortemDetail> {
    authorize(actor.role, 'org.read');
    const p = await load(db, actor, id);
    return { ...p, done: p.completedAt !== null, permissions: { canEdit: can(actor.role, 'premortem.manage') } };
  }

  async function addScenarioIn(tx: Queryable, orgId: string, premortemId: string, s: ScenarioInput, field: string, at: string): Promise<string> {
    const scenario = text(s.scenario, `${field}scenario`, 'say how it failed: "it failed because…"');
    const id = await repo.insertScenario(tx, orgId, premortemId, scenario, s.causes?.trim() ?? '', at);
    for (const [i, m] of (s.mitigations ?? []).entries()) {
      await repo.insertMitigation(tx, orgId, id, text(m, `${field}mitigations.${i}`, 'describe the mitigation'), at);
    }
    return id;
  }

  /** Loads a pre-mortem whose content may change: managers only, and not once it is complete. */
  async function editable(tx: Queryable, actor: Actor, id: string): Promise<PremortemRecord> {
    authorize(actor.role, 'premortem.manage');
    const p = await load(tx, actor, id, true);
    if (p.completedAt) throw new ConflictError('This pre-mortem is complete; reopen it before adding to it');
    return p;
  }

  return {
    get,

    async list(actor: Actor, input: { zone?: string | undefined }): Promise<PremortemSummaryRecord[]> {
      authorize(actor.role, 'org.read');
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true })).id : null;
      return repo.listPremortems(db, actor.orgId, zoneId, 200);
    },

    async create(actor: Actor, input: PremortemCreateInput): Promise<PremortemDetail> {
      authorize(actor.role, 'premortem.manage');
      const id = await db.transaction(async (tx) => {
        const zone = await resolveZone(tx, actor.orgId, input.zone, 'zone');
        const release = input.release.trim();
        if (!release) throw InputError.field('release', 'name the release or model update');
        if (!isCalendarDate(input.heldOn)) throw InputError.field('heldOn', 'a date is YYYY-MM-DD');
        const participants = [...new Set(input.participants.map((p) => p.trim()).filter(Boolean))];
        if (participants.length === 0) throw InputError.field('participants', 'name at least one participant');
        const at = now().toISOString();
        const pid = await repo.insertPremortem(tx, actor.orgId, { zoneId: zone.id, release, heldOn: input.heldOn, participants, createdBy: actor.label, at });
        for (const [i, s] of (input.scenarios ?? []).entries()) await addScenarioIn(tx, actor.orgId, pid, s, `scenarios.${i}.`, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'premortem.created', entityType: 'premortem', entityId: pid,
          after: { zoneId: zone.id, release, heldOn: input.heldOn, participants, scenarios: input.scenarios?.length ?? 0 },
        }], new Date(at));
        return pid;
      });
      return get(actor, id);
    },

    async addScenario(actor: Actor, id: string, input: ScenarioInput): Promise<PremortemDetail> {
      await db.transaction(async (tx) => {
        const p = await editable(tx, actor, id);
        const at = now().toISOString();
        const scenarioId = await addScenarioIn(tx, actor.orgId, p.id, input, '', at);
        await repo.touchPremortem(tx, p.id, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'premortem.scenario_added', entityType: 'premortem', entityId: p.id,
          after: { scenarioId, scenario: input.scenario.trim(), causes: input.causes?.trim() ?? '', mitigations: input.mitigations ?? [] },
        }], new Date(at));
      });
      return get(actor, id);
    },

    async addMitigation(actor: Actor, id: string, scenarioId: string, mitigation: string): Promise<PremortemDetail> {
      await db.transaction(async (tx) => {
        const p = await editable(tx, actor, id);
        if (!p.scenarios.some((s) => s.id === scenarioId)) throw new NotFoundError('Scenario', scenarioId);
        const at = now().toISOString();
        const t = text(mitigation, 'text', 'describe the mitigation');
        const mitigationId = await repo.insertMitigation(tx, actor.orgId, scenarioId, t, at);
        await repo.touchPremortem(tx, p.id, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'premortem.mitigation_added', entityType: 'premortem', entityId: p.id,
          after: { scenarioId, mitigationId, text: t },
        }], new Date(at));
      });
      return get(actor, id);
    },

    /** Marks the pre-mortem complete (done: true) or reopens it. */
    async setDone(actor: Actor, id: string, done: boolean): Promise<PremortemDetail> {
      authorize(actor.role, 'premortem.manage');
      await db.transaction(async (tx) => {
        const p = await load(tx, actor, id, true);
        if ((p.completedAt !== null) === done) throw new ConflictError(`This pre-mortem is already ${done ? 'complete' : 'open'}`);
        if (done && p.scenarios.length === 0) {
          throw InputError.field('scenarios', 'a pre-mortem is complete once it names at least one failure scenario');
        }
        const at = now().toISOString();
        await repo.setPremortemCompleted(tx, p.id, done ? actor.label : null, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: done ? 'premortem.completed' : 'premortem.reopened', entityType: 'premortem', entityId: p.id,
          before: { completedAt: p.completedAt }, after: { completedAt: done ? at : null },
        }], new Date(at));
      });
      return get(actor, id);
    },

    /** Turns a mitigation into a finding or remediation item of the pre-mortem's zone, in one step. */
    async followUpMitigation(actor: Actor, id: string, mitigationId: string, input: FollowUpInput): Promise<PremortemDetail> {
      await db.transaction(async (tx) => {
        const p = await load(tx, actor, id, true);
        const scenario = p.scenarios.find((s) => s.mitigations.some((m) => m.id === mitigationId));
        const mitigation = scenario?.mitigations.find((m) => m.id === mitigationId);
        if (!scenario || !mitigation) throw new NotFoundError('Mitigation', mitigationId);
        if (input.kind === 'finding' && mitigation.findingId) throw new ConflictError('This mitigation is already tracked as a finding');
        if (input.kind === 'remediation' && mitigation.remediation) throw new ConflictError(`This mitigation is already tracked as ${mitigation.remediation.key}`);
        const at = now();
        const link = await createFollowUp(tx, actor, {
          zoneId: p.zone.id, title: mitigation.text.slice(0, 300), severity: DEFAULT_SEVERITY, origin: 'premortem',
          description: `From the pre-mortem of ${p.release} (${p.heldOn}): it failed because ${scenario.scenario}`
            + (scenario.causes ? `\nCauses: ${scenario.causes}` : ''),
        }, input, at);
        await repo.linkMitigation(tx, mitigation.id, link);
        await repo.touchPremortem(tx, p.id, at.toISOString());
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'premortem.mitigation_tracked', entityType: 'premortem', entityId: p.id,
          after: { mitigationId: mitigation.id, ...link },
        }], at);
      });
      return get(actor, id);
    },
  };
}

export type PremortemService = ReturnType<typeof createPremortemService>;
