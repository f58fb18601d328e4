/** The CLI against a Keel server, through its API with a personal API token. */
import { Readable } from 'node:stream';
import type { VerifyResult, AuditEvent } from '../contracts/audit.ts';
import type { Me } from '../contracts/auth.ts';
import type { Problem } from '../contracts/common.ts';
import type { OwnershipReport } from '../contracts/reports.ts';
import type { Dashboard, Scorecard } from '../contracts/metrics.ts';
import type { Member } from '../contracts/users.ts';
import type { Handoff, ZoneDetail, ZoneImportSummary, ZoneList } from '../contracts/zones.ts';
import type { RunImportResult } from '../contracts/runs.ts';
import type { FindingDetail, FindingList } from '../contracts/findings.ts';
import type { Exercise } from '../contracts/exercises.ts';
import type { RoutingRule } from '../contracts/routing.ts';
import type { Period, PeriodDetail, PeriodPlan, ScheduleResult } from '../contracts/planning.ts';
import type { DebtReport, EscalationResult } from '../contracts/debt.ts';
import type { BoardNext, BoardSessionDetail } from '../contracts/board.ts';
import type { CsvImportResult, Kpi, KpiList, RecordResult } from '../contracts/kpis.ts';
import type { TriageDecideResult, TriageQueue } from '../contracts/triage.ts';
import type { RemediationDetail, RemediationList } from '../contracts/remediations.ts';
import type { GateReport, Launch } from '../contracts/launches.ts';
import type { PrdSummary } from '../contracts/prds.ts';
import type { ExpiryResult, RiskDetail, RiskList } from '../contracts/risks.ts';
import type { KeelClient } from './client.ts';

/** A problem+json answer of the server, carried to the CLI's error printer. */
export class RemoteProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

export function remoteClient(server: string, token: string): KeelClient {
  const base = server.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    let res: Response;
    const streamed = body instanceof ReadableStream;
    try {
      res = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': contentType } : {}),
        },
        body: body === undefined ? undefined : streamed || typeof body === 'string' ? body : JSON.stringify(body),
        ...(streamed ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (err) {
      throw new Error(`Cannot reach the Keel server at ${base}: ${(err as Error).message}`);
    }
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok) {
      if (type.includes('json')) throw new RemoteProblem((await res.json()) as Problem);
      throw new Error(`The server answered ${res.status} ${res.statusText}`);
    }
    return (type.includes('json') ? await res.json() : await res.text()) as T;
  }
  async function memberId(email: string): Promise<string> {
    const { items } = await call<{ items: Member[] }>('GET', `/api/users?q=${encodeURIComponent(email)}`);
    const found = items.find((m) => m.email === email.toLowerCase());
    if (!found) throw new RemoteProblem({ type: '', title: 'Not found', status: 404, code: 'not_found', detail: `Member ${JSON.stringify(email)} was not found` });
    return found.id;
  }
  const qs = (params: Record<string, string | number | undefined>) =>
    new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
  const zonePath = (ref: string) => `/api/zones/${encodeURIComponent(ref)}`;

  return {
    where: base,
    whoami: () => call<Me>('GET', '/api/me'),
    listZones: (f) => call<ZoneList>('GET', `/api/zones?${qs({ ...f })}`),
    getZone: (ref) => call<ZoneDetail>('GET', zonePath(ref)),
    zoneHandoffs: async (ref) => (await call<{ items: Handoff[] }>('GET', `${zonePath(ref)}/handoffs`)).items,
    handoff: async (ref, toEmail, reason) =>
      call<ZoneDetail>('POST', `${zonePath(ref)}/handoffs`, { toUserId: await memberId(toEmail), reason }),
    ownershipReport: () => call<OwnershipReport>('GET', '/api/reports/ownership'),
    ownershipReportCsv: () => call<string>('GET', '/api/reports/ownership?format=csv'),
    importZones: (text, format, dryRun) =>
      call<ZoneImportSummary>('POST', `/api/zones/import?${qs({ format, dryRun: String(dryRun) })}`, text,
        format === 'yaml' ? 'application/yaml' : 'text/csv'),
    listUsers: async (f) => (await call<{ items: Member[] }>('GET', `/api/users?${qs(f)}`)).items,
    addUser: (input) => call<Member>('POST', '/api/users', input),
    updateUser: async (email, patch) => call<Member>('PATCH', `/api/users/${await memberId(email)}`, patch),
    removeUser: async (email) => call<void>('DELETE', `/api/users/${await memberId(email)}`),
    setPassword: async (email, password) => call<void>('PUT', `/api/users/${await memberId(email)}/password`, { password }),
    async createToken(name, expiresInDays) {
      const created = await call<{ token: string; record: { name: string } }>('POST', '/api/me/tokens', { name, expiresInDays });
      return { token: created.token, name: created.record.name };
    },
    importRun: (file, options) =>
      call<RunImportResult>('POST', `/api/runs?${qs({ fileName: file.name, ...options })}`,
        Readable.toWeb(Readable.from(file.source)), 'application/octet-stream'),
    listFindings: (query) => call<FindingList>('GET', `/api/findings?${qs(query)}`),
    getFinding: (id) => call<FindingDetail>('GET', `/api/findings/${encodeURIComponent(id)}`),
    addFinding: (input) => call<FindingDetail>('POST', '/api/findings', input),
    listExercises: async () => (await call<{ items: Exercise[] }>('GET', '/api/exercises')).items,
    addExercise: (input) => call<Exercise>('POST', '/api/exercises', input),
    listRoutingRules: async () => (await call<{ items: RoutingRule[] }>('GET', '/api/routing-rules')).items,
    addRoutingRule: (input) => call<RoutingRule>('POST', '/api/routing-rules', input),
    removeRoutingRule: (id) => call<void>('DELETE', `/api/routing-rules/${encodeURIComponent(id)}`),
    listPeriods: async () => (await call<{ items: Period[] }>('GET', '/api/planning/periods')).items,
    createPeriod: (input) => call<PeriodDetail>('POST', '/api/planning/periods', input),
    getPlan: (period) => call<PeriodPlan>('GET', `/api/planning/periods/${encodeURIComponent(period)}/plan`),
    schedule: (item, input) => call<ScheduleResult>('PUT', `/api/remediations/${encodeURIComponent(item)}/sprint`, input),
    debt: (query) => call<DebtReport>('GET', `/api/debt?${qs(query)}`),
    escalate: () => call<EscalationResult>('POST', '/api/debt/escalate'),
    triageQueue: (query) => call<TriageQueue>('GET', `/api/triage/queue?${qs({ ...query, all: query.all ? 'true' : undefined })}`),
    triageDecide: (input) => call<TriageDecideResult>('POST', '/api/triage/decisions', input),
    listRemediations: (query) => call<RemediationList>('GET', `/api/remediations?${qs(query)}`),
    getRemediation: (ref) => call<RemediationDetail>('GET', `/api/remediations/${encodeURIComponent(ref)}`),
    createRemediation: (input) => call<RemediationDetail>('POST', '/api/remediations', input),
    moveRemediation: (ref, input) => call<RemediationDetail>('POST', `/api/remediations/${encodeURIComponent(ref)}/status`, input),
    checkCriterion: (ref, criterionId, evidence) => call<RemediationDetail>('POST',
      `/api/remediations/${encodeURIComponent(ref)}/criteria/${encodeURIComponent(criterionId)}/check`, { evidence }),
    events: async (entity, limit) =>
      (await call<{ items: AuditEvent[] }>('GET', `/api/events?${qs({ entityType: entity?.type, entityId: entity?.id, limit })}`)).items,
    verifyAudit: () => call<VerifyResult>('GET', '/api/audit/verify'),
    scorecard: (query) => call<Scorecard>('GET', `/api/metrics/scorecard?${qs({ ...query, format: 'json' })}`),
    dashboard: (query) => call<Dashboard>('GET', `/api/metrics/dashboard?${qs({ ...query, format: 'json' })}`),
    metricsCsv: (kind, query) => call<string>('GET', `/api/metrics/${kind}?${qs({ ...query, format: 'csv' })}`),
    listKpis: (query) => call<KpiList>('GET', `/api/kpis?${qs({ zone: query.zone, includeActivity: query.includeActivity ? 'true' : undefined })}`),
    getKpi: (ref) => call<Kpi>('GET', `/api/kpis/${encodeURIComponent(ref)}`),
    createKpi: (input) => call<Kpi>('POST', '/api/kpis', input),
    recordKpi: (ref, measurements) => call<RecordResult>('POST', `/api/kpis/${encodeURIComponent(ref)}/measurements?source=cli`, measurements),
    importKpiCsv: (text) => call<CsvImportResult>('POST', '/api/kpis/measurements/csv', text, 'text/csv'),
    launchGate: (ref) => call<GateReport>('GET', `/api/launches/${encodeURIComponent(ref)}/gate`),
    listLaunches: async (query) => (await call<{ items: Launch[] }>('GET', `/api/launches?${qs(query)}`)).items,
    createLaunch: (input) => call<Launch>('POST', '/api/launches', input),
    listPrds: async (query) => (await call<{ items: PrdSummary[] }>('GET', `/api/prds?${qs(query)}`)).items,
    listRisks: (query) => call<RiskList>('GET', `/api/risks?${qs(query)}`),
    risksCsv: (query) => call<string>('GET', `/api/risks?${qs({ ...query, format: 'csv' })}`),
    getRisk: (ref) => call<RiskDetail>('GET', `/api/risks/${encodeURIComponent(ref)}`),
    approveRisk: (ref) => call<RiskDetail>('POST', `/api/risks/${encodeURIComponent(ref)}/approve`),
    expireRisks: () => call<ExpiryResult>('POST', '/api/risks/expire'),
    boardNext: () => call<BoardNext>('GET', '/api/board/next'),
    boardSchedule: (input) => call<BoardSessionDetail>('POST', '/api/board/sessions', input),
    boardSession: (ref) => call<BoardSessionDetail>('GET', `/api/board/sessions/${encodeURIComponent(ref)}`),
    boardGenerateAgenda: (ref) => call<BoardSessionDetail>('POST', `/api/board/sessions/${encodeURIComponent(ref)}/agenda`),
    boardMinutes: (ref) => call<string>('GET', `/api/board/sessions/${encodeURIComponent(ref)}/minutes.md`),
    close: async () => undefined,
  };
}
