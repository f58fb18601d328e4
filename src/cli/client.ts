/**
 * What the CLI commands need from Keel, whether it runs on the local embedded database
 * (local-client.ts) or on a remote server through its API (remote-client.ts).
 */
import type { VerifyResult, AuditEvent } from '../contracts/audit.ts';
import type { Me } from '../contracts/auth.ts';
import type { OwnershipReport } from '../contracts/reports.ts';
import type { Dashboard, DashboardQuery, Scorecard, ScorecardQuery } from '../contracts/metrics.ts';
import type { Member } from '../contracts/users.ts';
import type { Role } from '../contracts/common.ts';
import type { Handoff, ZoneDetail, ZoneImportSummary, ZoneList } from '../contracts/zones.ts';
import type { RunImportResult } from '../contracts/runs.ts';
import type { FindingCreate, FindingDetail, FindingList } from '../contracts/findings.ts';
import type { Exercise, ExerciseCreate } from '../contracts/exercises.ts';
import type { RoutingRule, RoutingRuleCreate } from '../contracts/routing.ts';
import type { TriageDecide, TriageDecideResult, TriageQueue } from '../contracts/triage.ts';
import type { RemediationCreate, RemediationDetail, RemediationList, RemediationStatus } from '../contracts/remediations.ts';
import type { Period, PeriodCreate, PeriodDetail, PeriodPlan, ScheduleResult } from '../contracts/planning.ts';
import type { DebtReport, EscalationResult } from '../contracts/debt.ts';
import type { ExpiryResult, RiskDetail, RiskList } from '../contracts/risks.ts';
import type { BoardNext, BoardSessionCreate, BoardSessionDetail } from '../contracts/board.ts';
import type { CsvImportResult, Kpi, KpiCreate, KpiList, MeasurementInput, RecordResult } from '../contracts/kpis.ts';
import type { GateReport, Launch, LaunchCreate } from '../contracts/launches.ts';
import type { PrdSummary } from '../contracts/prds.ts';

/** The findings list query as the API takes it (lists comma-separated). */
export type FindingQuery = Record<string, string | number | undefined>;

export interface ZoneListFilter {
  product?: string | undefined;
  tier?: string | undefined;
  bucket?: string | undefined;
  owner?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export interface KeelClient {
  /** Where the commands run, for messages: "embedded database at …" or the server URL. */
  readonly where: string;
  whoami(): Promise<Me | { operator: string; org: string }>;
  listZones(filter: ZoneListFilter): Promise<ZoneList>;
  getZone(ref: string): Promise<ZoneDetail>;
  zoneHandoffs(ref: string): Promise<Handoff[]>;
  handoff(ref: string, toEmail: string, reason: string): Promise<ZoneDetail>;
  ownershipReport(): Promise<OwnershipReport>;
  ownershipReportCsv(): Promise<string>;
  importZones(text: string, format: 'csv' | 'yaml', dryRun: boolean): Promise<ZoneImportSummary>;
  listUsers(filter: { role?: Role | undefined; status?: 'active' | 'deactivated' | undefined }): Promise<Member[]>;
  addUser(input: { email: string; name: string; role: Role; password?: string | undefined }): Promise<Member>;
  updateUser(email: string, patch: { role?: Role; status?: 'active' | 'deactivated'; name?: string }): Promise<Member>;
  removeUser(email: string): Promise<void>;
  setPassword(email: string, password: string): Promise<void>;
  createToken(name: string, expiresInDays: number | undefined, asEmail: string | undefined): Promise<{ token: string; name: string }>;
  /** Streams a tool's output file into a run; onBytes reports bytes read from the file. */
  importRun(
    file: { path: string; name: string; source: AsyncIterable<Uint8Array> },
    options: { zone?: string | undefined; format?: string | undefined; introducedIn?: string | undefined },
    onFindings?: (findings: number) => void,
  ): Promise<RunImportResult>;
  listFindings(query: FindingQuery): Promise<FindingList>;
  getFinding(id: string): Promise<FindingDetail>;
  addFinding(input: FindingCreate): Promise<FindingDetail>;
  listExercises(): Promise<Exercise[]>;
  addExercise(input: ExerciseCreate): Promise<Exercise>;
  listRoutingRules(): Promise<RoutingRule[]>;
  addRoutingRule(input: RoutingRuleCreate): Promise<RoutingRule>;
  removeRoutingRule(id: string): Promise<void>;
  listPeriods(): Promise<Period[]>;
  createPeriod(input: PeriodCreate): Promise<PeriodDetail>;
  getPlan(period: string): Promise<PeriodPlan>;
  schedule(item: string, input: { sprintId: string | null; rationale?: string | undefined }): Promise<ScheduleResult>;
  debt(query: { zone?: string | undefined; owner?: string | undefined }): Promise<DebtReport>;
  escalate(): Promise<EscalationResult>;
  triageQueue(query: { zone?: string | undefined; all?: boolean | undefined; limit: number; offset: number }): Promise<TriageQueue>;
  triageDecide(input: TriageDecide): Promise<TriageDecideResult>;
  /** The remediation list query as the API takes it (statuses comma-separated). */
  listRemediations(query: Record<string, string | number | undefined>): Promise<RemediationList>;
  getRemediation(ref: string): Promise<RemediationDetail>;
  createRemediation(input: RemediationCreate): Promise<RemediationDetail>;
  moveRemediation(ref: string, input: { to: RemediationStatus; reason?: string | undefined }): Promise<RemediationDetail>;
  checkCriterion(ref: string, criterionId: string, evidence: string): Promise<RemediationDetail>;
  events(entity: { type: string; id: string } | null, limit: number): Promise<AuditEvent[]>;
  verifyAudit(onProgress?: (checked: number, total: number) => void): Promise<VerifyResult>;
  /** An owner's scorecard, or the dashboard (of the organization, a product or a zone); `format: 'csv'` gives the zone rows as CSV. */
  scorecard(query: ScorecardQuery): Promise<Scorecard>;
  dashboard(query: DashboardQuery): Promise<Dashboard>;
  metricsCsv(kind: 'scorecard' | 'dashboard', query: ScorecardQuery & DashboardQuery): Promise<string>;
  listKpis(query: { zone?: string | undefined; includeActivity?: boolean | undefined }): Promise<KpiList>;
  getKpi(ref: string): Promise<Kpi>;
  createKpi(input: KpiCreate): Promise<Kpi>;
  /** Measurements of one KPI, recorded with source `cli`. */
  recordKpi(ref: string, measurements: MeasurementInput[]): Promise<RecordResult>;
  importKpiCsv(text: string): Promise<CsvImportResult>;
  /** The launch gate now; `ref` is a launch id, zone-key/launch-name, or a zone key (its next launch). */
  launchGate(ref: string): Promise<GateReport>;
  listLaunches(query: { zone?: string | undefined }): Promise<Launch[]>;
  createLaunch(input: LaunchCreate): Promise<Launch>;
  listPrds(query: { zone?: string | undefined }): Promise<PrdSummary[]>;
  boardNext(): Promise<BoardNext>;
  boardSchedule(input: BoardSessionCreate): Promise<BoardSessionDetail>;
  /** A board session by id or date (YYYY-MM-DD). */
  boardSession(ref: string): Promise<BoardSessionDetail>;
  boardGenerateAgenda(ref: string): Promise<BoardSessionDetail>;
  boardMinutes(ref: string): Promise<string>;
  /** The risk register query as the API takes it (lists comma-separated). */
  listRisks(query: Record<string, string | number | undefined>): Promise<RiskList>;
  risksCsv(query: Record<string, string | number | undefined>): Promise<string>;
  getRisk(ref: string): Promise<RiskDetail>;
  approveRisk(ref: string): Promise<RiskDetail>;
  expireRisks(): Promise<ExpiryResult>;
  close(): Promise<void>;
}
