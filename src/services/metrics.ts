/**
 * Remediation metrics (ADR 7, "Metrics"): an owner's scorecard, the organization's dashboard
 * (org-wide figures with a row per zone and per owner) and trend series, over a period and a
 * scope (org, product, zone, or owner = the zones the person owns now). Every figure comes
 * from records and their timestamps, aggregated in SQL; nothing is typed in. Every member reads
 * them. The backlog (open items, age, overdue, debt) is as of now, whatever the period.
 */
import { InputError } from '../domain/errors.ts';
import {
  defaultBucket, parsePeriod, rate, roundDays, roundHours, trendPoints, type AgeBucket, type Period, type PeriodInput,
  type TrendBucket,
} from '../domain/metrics.ts';
import { DEFAULT_POLICY } from '../domain/policy.ts';
import { authorize } from '../domain/roles.ts';
import type { Severity } from '../domain/severity.ts';
import type { Tier } from '../domain/zones.ts';
import type { Db } from '../store/db.ts';
import {
  detectFigures, EMPTY_DETECT, EMPTY_TRIAGE, falsePositiveFigures, findingTrend, regressionCounts,
  type DetectFigures, type FalsePositiveFigures, type TriageCounts,
} from '../store/metrics-findings.ts';
import {
  EMPTY_REMEDIATION_FIGURES, remediationFigures, remediationTrend, type RemediationFigures,
} from '../store/metrics-remediation.ts';
import type { MetricsScope } from '../store/metrics-scope.ts';
import { findMetricsPerson, metricsZones, type MetricsZoneRecord } from '../store/metrics.ts';
import { findPolicy } from '../store/policies.ts';
import { findProduct } from '../store/products.ts';
import type { Actor } from './actor.ts';
import { SequenceCache } from './read-cache.ts';
import { resolveZone } from './zone-ref.ts';

export interface MetricsFigures {
  timeToRemediate: { count: number; meanHours: number | null; medianHours: number | null };
  timeToDetect: { count: number; meanDays: number | null; medianDays: number | null };
  closedGapRate: { closed: number; opened: number; rate: number | null };
  slaCompliance: { fixed: number; onTime: number; rate: number | null };
  open: {
    total: number; bySeverity: Record<Severity, number>; byAge: Record<AgeBucket, number>;
    awaitingVerification: number; overdue: number;
  };
  safetyDebt: number;
  falsePositives: { triaged: number; falsePositive: number; rate: number | null };
  regressions: number;
}

export interface FalsePositiveRate { tool: string; plugin?: string; triaged: number; falsePositive: number; rate: number | null }

export interface PeriodView { from: string; to: string; label: string }
export interface PersonView { id: string; name: string; email: string }
export interface ZoneView { id: string; key: string; name: string; tier: Tier; product: string; archived: boolean }
export interface ZoneMetricsRow { zone: ZoneView; owner: PersonView; figures: MetricsFigures }
export interface OwnerMetricsRow { owner: PersonView; zones: number; figures: MetricsFigures }

export interface Scorecard {
  owner: PersonView;
  period: PeriodView;
  asOf: string;
  figures: MetricsFigures;
  falsePositivesByTool: FalsePositiveRate[];
  falsePositivesByPlugin: FalsePositiveRate[];
  zones: ZoneMetricsRow[];
}

export type ScopeView =
  | { kind: 'org' } | { kind: 'product'; product: string } | { kind: 'zone'; zone: string } | { kind: 'owner'; owner: PersonView };

export interface Dashboard {
  scope: ScopeView;
  period: PeriodView;
  /** When these figures were computed. */
  asOf: string;
  /** True when something changed since asOf: newer figures are being computed, and a later read gets them. */
  stale: boolean;
  figures: MetricsFigures;
  falsePositivesByTool: FalsePositiveRate[];
  falsePositivesByPlugin: FalsePositiveRate[];
  zones: ZoneMetricsRow[];
  owners: OwnerMetricsRow[];
}

export interface SeriesPoint {
  from: string;
  to: string;
  timeToRemediate: MetricsFigures['timeToRemediate'];
  timeToDetect: MetricsFigures['timeToDetect'];
  closedGapRate: MetricsFigures['closedGapRate'];
  slaCompliance: MetricsFigures['slaCompliance'];
  falsePositives: MetricsFigures['falsePositives'];
  regressions: number;
}

export interface Series { scope: ScopeView; period: PeriodView; bucket: TrendBucket; points: SeriesPoint[] }

/** Which part of the organization: at most one of owner (id or e-mail), zone (key or id), product (key or id). */
export interface ScopeInput { owner?: string | undefined; zone?: string | undefined; product?: string | undefined }

export function figuresOf(r: RemediationFigures, d: DetectFigures, t: TriageCounts, regressions: number): MetricsFigures {
  return {
    timeToRemediate: { count: r.verified, meanHours: roundHours(r.ttrMeanHours), medianHours: roundHours(r.ttrMedianHours) },
    timeToDetect: { count: d.measured, meanDays: roundDays(d.ttdMeanDays), medianDays: roundDays(d.ttdMedianDays) },
    closedGapRate: { closed: r.closed, opened: r.opened, rate: rate(r.closed, r.opened) },
    slaCompliance: { fixed: r.fixed, onTime: r.fixedOnTime, rate: rate(r.fixedOnTime, r.fixed) },
    open: {
      total: r.open, bySeverity: r.openBySeverity, byAge: r.openByAge, awaitingVerification: r.awaitingVerification, overdue: r.overdue,
    },
    safetyDebt: r.safetyDebt,
    falsePositives: { triaged: t.triaged, falsePositive: t.falsePositive, rate: rate(t.falsePositive, t.triaged) },
    regressions,
  };
}

const periodView = (p: Period): PeriodView => ({ from: p.from.toISOString(), to: p.to.toISOString(), label: p.label });
const zoneView = (z: MetricsZoneRecord): ZoneView => ({
  id: z.id, key: z.key, name: z.name, tier: z.tier, product: z.product.key, archived: z.archived,
});
/** How long an org dashboard may be served from the cache when nothing changed. */
export const DASHBOARD_MAX_AGE_MS = 60_000;
/** How old a dashboard may be served (marked stale) while newer figures are computed in the background. */
export const DASHBOARD_SERVE_STALE_MS = 5 * 60_000;

const withRate = <T extends TriageCounts>(c: T) => ({ ...c, rate: rate(c.falsePositive, c.triaged) });

export function createMetricsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  // The dashboard reads every item and finding of the organization (measured: ~0.4 s on
  // PostgreSQL with 1M findings and 2,000 zones, too slow to compute on every read). An answer
  // stands while nothing changed (the audit sequence) and for at most a minute, since overdue
  // counts, ages and debt move with the clock alone. After a change, or after that minute, the
  // answer is still served for up to five minutes, marked stale, while the figures are computed
  // again in the background; `asOf` says when they were computed.
  const dashboards = new SequenceCache<Omit<Dashboard, 'stale'>>(db, (d) => 1 + d.zones.length, 20_000, {
    maxAgeMs: DASHBOARD_MAX_AGE_MS, serveStaleMs: DASHBOARD_SERVE_STALE_MS, now: () => now().getTime(),
  });

  async function debtSettings(orgId: string) {
    const policy = (await findPolicy(db, orgId)) ?? DEFAULT_POLICY;
    return { sprintDays: policy.sprintDays, interestRate: policy.debtInterestRate };
  }

  async function person(orgId: string, ref: string, field: string): Promise<PersonView> {
    const p = await findMetricsPerson(db, orgId, ref);
    if (!p) throw InputError.field(field, `no member ${JSON.stringify(ref)} in this organization`);
    return p;
  }

  async function resolveScope(actor: Actor, input: ScopeInput): Promise<{ scope: MetricsScope; view: ScopeView }> {
    const given = (['owner', 'zone', 'product'] as const).filter((k) => input[k] !== undefined && input[k] !== '');
    if (given.length > 1) throw InputError.field(given[1]!, `choose one scope: ${given.join(' or ')}, not both`);
    if (input.owner) {
      const owner = await person(actor.orgId, input.owner, 'owner');
      return { scope: { kind: 'owner', userId: owner.id }, view: { kind: 'owner', owner } };
    }
    if (input.zone) {
      const zone = await resolveZone(db, actor.orgId, input.zone, 'zone', { allowArchived: true });
      return { scope: { kind: 'zone', zoneId: zone.id }, view: { kind: 'zone', zone: zone.key } };
    }
    if (input.product) {
      const product = await findProduct(db, actor.orgId, input.product);
      if (!product) throw InputError.field('product', `no product ${JSON.stringify(input.product)} in this organization`);
      return { scope: { kind: 'product', productId: product.id }, view: { kind: 'product', product: product.key } };
    }
    return { scope: { kind: 'org' }, view: { kind: 'org' } };
  }

  /** All figures of a scope over a period, for the total, its zones and their owners. */
  async function compute(orgId: string, scope: MetricsScope, period: Period, at: Date) {
    const debt = await debtSettings(orgId);
    const reads = [
      () => remediationFigures(db, orgId, scope, { from: period.from, to: period.to, now: at }, debt),
      () => detectFigures(db, orgId, scope, period.from, period.to),
      () => falsePositiveFigures(db, orgId, scope, period.from, period.to),
      () => regressionCounts(db, orgId, scope, period.from, period.to),
      () => metricsZones(db, orgId, scope),
    ] as const;
    // Independent reads: PostgreSQL runs them at once on separate connections. The embedded engine
    // has one connection: one at a time, so another request's query waits for one of them, not all.
    const [rem, detect, fp, regressions, zones] = db.engine === 'postgres'
      ? await Promise.all([reads[0](), reads[1](), reads[2](), reads[3](), reads[4]()])
      : [await reads[0](), await reads[1](), await reads[2](), await reads[3](), await reads[4]()];
    const figures = (pick: <T>(m: { total: T; zones: Map<string, T>; owners: Map<string, T> }, empty: T) => T) =>
      figuresOf(pick(rem, EMPTY_REMEDIATION_FIGURES), pick(detect, EMPTY_DETECT), pick(fp.grouped, EMPTY_TRIAGE), pick(regressions, 0));
    const zoneRows: ZoneMetricsRow[] = zones.map((z) => ({
      zone: zoneView(z), owner: z.owner, figures: figures((m, empty) => m.zones.get(z.id) ?? empty),
    }));
    const owners = new Map<string, { owner: PersonView; zones: number }>();
    for (const z of zones) owners.set(z.owner.id, { owner: z.owner, zones: (owners.get(z.owner.id)?.zones ?? 0) + 1 });
    const ownerRows: OwnerMetricsRow[] = [...owners.values()].map((o) => ({
      ...o, figures: figures((m, empty) => m.owners.get(o.owner.id) ?? empty),
    })).sort((a, b) => b.figures.safetyDebt - a.figures.safetyDebt || a.owner.name.localeCompare(b.owner.name));
    return {
      figures: figures((m) => m.total), fp: fp.figures, zones: zoneRows, owners: ownerRows,
    };
  }

  const fpLists = (fp: FalsePositiveFigures) => ({
    falsePositivesByTool: fp.byTool.map(withRate),
    falsePositivesByPlugin: fp.byPlugin.map(withRate),
  });

  return {
    /** One owner's scorecard over the zones they own now: the actor's own unless `owner` names another member. */
    async scorecard(actor: Actor, input: { owner?: string | undefined; period?: PeriodInput | undefined }): Promise<Scorecard> {
      authorize(actor.role, 'org.read');
      const at = now();
      const period = parsePeriod(input.period ?? {}, at);
      const ownerRef = input.owner ?? actor.userId;
      if (!ownerRef) throw InputError.field('owner', 'the local operator owns no zones: name the owner (id or e-mail) whose scorecard to show');
      const owner = await person(actor.orgId, ownerRef, 'owner');
      const result = await compute(actor.orgId, { kind: 'owner', userId: owner.id }, period, at);
      return {
        owner, period: periodView(period), asOf: at.toISOString(), figures: result.figures, ...fpLists(result.fp), zones: result.zones,
      };
    },

    /** The organization's figures (or a product's, or a zone's) with a row per zone and per owner. */
    async dashboard(actor: Actor, input: { period?: PeriodInput | undefined; product?: string | undefined; zone?: string | undefined }): Promise<Dashboard> {
      authorize(actor.role, 'org.read');
      const key = JSON.stringify([input.period ?? {}, input.product ?? '', input.zone ?? '']);
      const { value, stale } = await dashboards.read(actor, key, async () => {
        const at = now();
        const period = parsePeriod(input.period ?? {}, at);
        const { scope, view } = await resolveScope(actor, { product: input.product, zone: input.zone });
        const result = await compute(actor.orgId, scope, period, at);
        return {
          scope: view, period: periodView(period), asOf: at.toISOString(), figures: result.figures, ...fpLists(result.fp),
          zones: result.zones, owners: result.owners,
        };
      });
      return { ...value, stale };
    },

    /** Resolves once no dashboard is being computed in the background (before the database closes). */
    settled: () => dashboards.settled(),

    /** The period's flows per week or month, for trend charts (the backlog is not reconstructed per point). */
    async series(
      actor: Actor, input: { scope?: ScopeInput | undefined; period?: PeriodInput | undefined; bucket?: TrendBucket | undefined },
    ): Promise<Series> {
      authorize(actor.role, 'org.read');
      const at = now();
      const period = parsePeriod(input.period ?? {}, at);
      const bucket = input.bucket ?? defaultBucket(period);
      const { scope, view } = await resolveScope(actor, input.scope ?? {});
      const [rem, fnd] = await Promise.all([
        remediationTrend(db, actor.orgId, scope, period.from, period.to, bucket),
        findingTrend(db, actor.orgId, scope, period.from, period.to, bucket),
      ]);
      const remBy = new Map(rem.map((r) => [r.bucket, r]));
      const fndBy = new Map(fnd.map((r) => [r.bucket, r]));
      const points = trendPoints(period, bucket).map((p): SeriesPoint => {
        const key = p.start.toISOString();
        const r = remBy.get(key);
        const f = fndBy.get(key);
        const figures = figuresOf(
          r ? { ...EMPTY_REMEDIATION_FIGURES, ...r } : EMPTY_REMEDIATION_FIGURES,
          f ? { measured: f.ttdMeasured, ttdMeanDays: f.ttdMeanDays, ttdMedianDays: f.ttdMedianDays } : EMPTY_DETECT,
          f ? { triaged: f.triaged, falsePositive: f.falsePositive } : EMPTY_TRIAGE,
          f?.regressions ?? 0);
        return {
          from: p.from.toISOString(), to: p.to.toISOString(), timeToRemediate: figures.timeToRemediate,
          timeToDetect: figures.timeToDetect, closedGapRate: figures.closedGapRate, slaCompliance: figures.slaCompliance,
          falsePositives: figures.falsePositives, regressions: figures.regressions,
        };
      });
      return { scope: view, period: periodView(period), bucket, points };
    },
  };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
