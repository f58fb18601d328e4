/**
 * The CLI on the embedded database (or DATABASE_URL): calls the services directly, acting as
 * the local operator (admin rights, `system:cli` in the audit trail). Refuses, with the
 * server's URL, when a running server holds the PGlite data directory.
 */
import type { Config } from '../config.ts';
import { openKeel, type Keel } from '../composition.ts';
import { InputError, NotFoundError } from '../domain/errors.ts';
import { systemActor, userActor, type Actor } from '../services/actor.ts';
import { ownershipReportCsv } from '../services/ownership-report.ts';
import { metricsCsv } from '../services/metrics-csv.ts';
import { DashboardQuerySchema, ScorecardQuerySchema } from '../contracts/metrics.ts';
import { ExerciseCreateSchema } from '../contracts/exercises.ts';
import { FindingCreateSchema, FindingListQuerySchema } from '../contracts/findings.ts';
import { RoutingRuleCreateSchema } from '../contracts/routing.ts';
import { PeriodCreateSchema, ScheduleSchema } from '../contracts/planning.ts';
import { DebtQuerySchema } from '../contracts/debt.ts';
import { BoardSessionCreateSchema } from '../contracts/board.ts';
import { KpiCreateSchema, MeasurementsBodySchema } from '../contracts/kpis.ts';
import { TriageDecideSchema, TriageQueueQuerySchema } from '../contracts/triage.ts';
import { CheckCriterionSchema, MoveSchema, RemediationCreateSchema, RemediationListQuerySchema } from '../contracts/remediations.ts';
import { LaunchCreateSchema } from '../contracts/launches.ts';
import { RiskListQuerySchema } from '../contracts/risks.ts';
import { riskRegisterCsv } from '../services/risk-register-csv.ts';
import type { KeelClient } from './client.ts';
import { validated } from './validate.ts';

export async function openLocalClient(config: Config, orgSlug: string | undefined): Promise<KeelClient> {
  const keel = await openKeel(config);
  try {
    const actor = await operatorActor(keel, orgSlug);
    return localClient(keel, actor);
  } catch (err) {
    await keel.close();
    throw err;
  }
}

async function operatorActor(keel: Keel, orgSlug: string | undefined): Promise<Actor> {
  const orgs = await keel.services.orgs.list();
  if (orgSlug) {
    const org = orgs.find((o) => o.slug === orgSlug);
    if (!org) throw InputError.field('--org', `no organization ${JSON.stringify(orgSlug)}; there are: ${orgs.map((o) => o.slug).join(', ') || 'none'}`);
    return systemActor(org.id);
  }
  if (orgs.length === 1) return systemActor(orgs[0]!.id);
  if (orgs.length === 0) throw new InputError('There is no organization yet: run `keel serve --demo`, or `keel orgs create`');
  throw InputError.field('--org', `choose an organization: ${orgs.map((o) => o.slug).join(', ')}`);
}

function localClient(keel: Keel, actor: Actor): KeelClient {
  const s = keel.services;
  async function memberId(email: string): Promise<string> {
    const found = (await s.users.list(actor, { q: email })).find((m) => m.email === email.toLowerCase());
    if (!found) throw new NotFoundError('Member', email);
    return found.id;
  }
  return {
    where: keel.describe,
    async whoami() {
      const org = (await s.orgs.list()).find((o) => o.id === actor.orgId)!;
      return { operator: 'local operator (admin rights on the embedded database)', org: org.slug };
    },
    listZones: (f) => s.zones.list(actor, { ...f, tier: f.tier as never, bucket: f.bucket as never, ownerId: f.owner })
      .then((page) => ({ ...page, limit: f.limit, offset: f.offset })),
    getZone: (ref) => s.zones.get(actor, ref),
    zoneHandoffs: (ref) => s.zones.handoffs(actor, ref),
    handoff: async (ref, toEmail, reason) => s.zones.handoff(actor, ref, { toUserId: await memberId(toEmail), reason }),
    ownershipReport: () => s.ownership.report(actor),
    ownershipReportCsv: async () => ownershipReportCsv(await s.ownership.report(actor)),
    importZones: (text, format, dryRun) => s.zoneImport.importZones(actor, text, format, { dryRun }),
    listUsers: (f) => s.users.list(actor, f),
    addUser: (input) => s.users.add(actor, input),
    updateUser: async (email, patch) => s.users.update(actor, await memberId(email), patch),
    removeUser: async (email) => s.users.remove(actor, await memberId(email)),
    setPassword: async (email, password) => s.users.setPassword(actor, await memberId(email), password),
    async createToken(name, expiresInDays, asEmail) {
      if (!asEmail) throw InputError.field('--as', 'an API token belongs to a person: give --as <email>');
      const member = await s.users.get(actor, await memberId(asEmail));
      const created = await s.auth.createApiToken(userActor(actor.orgId, member.id, member.role), name, expiresInDays);
      return { token: created.token, name: created.record.name };
    },
    importRun: (file, options, onFindings) =>
      s.runs.importRun(actor, {
        zone: options.zone, format: options.format as never, introducedIn: options.introducedIn, fileName: file.name, source: file.source,
      }, (_bytes, findings) => onFindings?.(findings)),
    listFindings: async (query) => {
      const q = validated(FindingListQuerySchema, query);
      return { ...(await s.findings.list(actor, q)), limit: q.limit, offset: q.offset };
    },
    getFinding: (id) => s.findings.get(actor, id),
    addFinding: (input) => s.findings.create(actor, validated(FindingCreateSchema, input)),
    listExercises: () => s.exercises.list(actor),
    addExercise: (input) => s.exercises.create(actor, validated(ExerciseCreateSchema, input)),
    listRoutingRules: () => s.routing.list(actor),
    addRoutingRule: (input) => s.routing.create(actor, validated(RoutingRuleCreateSchema, input)),
    removeRoutingRule: (id) => s.routing.remove(actor, id),
    listPeriods: () => s.planning.listPeriods(actor),
    createPeriod: (input) => s.planning.createPeriod(actor, validated(PeriodCreateSchema, input)),
    getPlan: (period) => s.planning.getPlan(actor, period),
    schedule: (item, input) => s.planning.schedule(actor, item, validated(ScheduleSchema, input)),
    debt: (query) => s.debt.debt(actor, validated(DebtQuerySchema, query)),
    escalate: () => s.debt.escalate(actor),
    triageQueue: async (query) => {
      const q = validated(TriageQueueQuerySchema, { ...query, all: query.all ? 'true' : undefined });
      return { ...(await s.triage.queue(actor, q)), limit: q.limit, offset: q.offset };
    },
    triageDecide: (input) => s.triage.decide(actor, validated(TriageDecideSchema, input)),
    listRemediations: async (query) => {
      const q = validated(RemediationListQuerySchema, query);
      return { ...(await s.remediations.list(actor, q)), limit: q.limit, offset: q.offset };
    },
    getRemediation: (ref) => s.remediations.get(actor, ref),
    createRemediation: (input) => s.remediations.create(actor, validated(RemediationCreateSchema, input)),
    moveRemediation: (ref, input) => s.remediations.move(actor, ref, validated(MoveSchema, input)),
    checkCriterion: (ref, criterionId, evidence) =>
      s.remediations.checkCriterion(actor, ref, criterionId, validated(CheckCriterionSchema, { evidence })),
    events: (entity, limit) => (entity ? s.audit.history(actor, entity.type, entity.id, limit) : s.audit.recent(actor, limit)),
    verifyAudit: (onProgress) => s.audit.verify(actor, onProgress),
    scorecard: (query) => {
      const q = validated(ScorecardQuerySchema, query);
      return s.metrics.scorecard(actor, { owner: q.owner, period: { period: q.period, from: q.from, to: q.to } });
    },
    dashboard: (query) => {
      const q = validated(DashboardQuerySchema, query);
      return s.metrics.dashboard(actor, { product: q.product, zone: q.zone, period: { period: q.period, from: q.from, to: q.to } });
    },
    async metricsCsv(kind, query) {
      return metricsCsv(kind === 'scorecard' ? await this.scorecard(query) : await this.dashboard(query));
    },
    listKpis: (query) => s.kpis.list(actor, query),
    getKpi: (ref) => s.kpis.get(actor, ref),
    createKpi: (input) => s.kpis.create(actor, validated(KpiCreateSchema, input)),
    recordKpi: (ref, measurements) => s.kpis.record(actor, ref, validated(MeasurementsBodySchema, measurements), 'cli'),
    importKpiCsv: (text) => s.kpis.importCsv(actor, text),
    launchGate: (ref) => s.launches.gate(actor, ref),
    listLaunches: (query) => s.launches.list(actor, query),
    createLaunch: (input) => s.launches.create(actor, validated(LaunchCreateSchema, input)),
    listPrds: (query) => s.prds.list(actor, query),
    boardNext: () => s.board.next(actor),
    boardSchedule: (input) => s.board.schedule(actor, validated(BoardSessionCreateSchema, input)),
    boardSession: (ref) => s.board.get(actor, ref),
    boardGenerateAgenda: (ref) => s.board.generateAgenda(actor, ref),
    boardMinutes: async (ref) => (await s.board.minutes(actor, ref)).markdown,
    listRisks: async (query) => {
      const { format: _f, ...q } = validated(RiskListQuerySchema, query);
      return { ...(await s.risks.list(actor, q)), limit: q.limit, offset: q.offset };
    },
    risksCsv: async (query) => {
      const { format: _f, limit: _l, offset: _o, ...q } = validated(RiskListQuerySchema, query);
      return riskRegisterCsv(await s.risks.listAll(actor, q));
    },
    getRisk: (ref) => s.risks.get(actor, ref),
    approveRisk: (ref) => s.risks.approve(actor, ref),
    expireRisks: () => s.riskExpiry.expire(actor),
    close: () => keel.close(),
  };
}
