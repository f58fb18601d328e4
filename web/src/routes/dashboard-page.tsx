import { useEffect, useRef } from 'react';
import { metricsApi } from '../api/metrics.ts';
import { productsApi } from '../api/products.ts';
import { useResource } from '../api/use-resource.ts';
import { FalsePositiveTable } from '../features/metrics/false-positive-table.tsx';
import { FiguresTable } from '../features/metrics/figures-table.tsx';
import { MetricTiles } from '../features/metrics/metric-tiles.tsx';
import { OpenItemsChart } from '../features/metrics/open-items-chart.tsx';
import { PeriodSelect } from '../features/metrics/period-select.tsx';
import { DEFAULT_PERIOD } from '../features/metrics/periods.ts';
import { TrendCharts } from '../features/metrics/trend-charts.tsx';
import { ownerRows, zoneRows } from '../features/metrics/zone-rows.tsx';
import { useZoneOptions, ZoneSelect } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { formatDate, formatDateTime } from '../ui/dates.ts';
import { Field } from '../ui/field.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useLiveSearchParams } from '../ui/use-live-search-params.ts';

/** How soon a stale dashboard is asked for again (the server computes its figures in well under that, measured). */
const STALE_RELOAD_MS = 2_000;
const MAX_STALE_RELOADS = 5;

/** The organization's remediation figures (or one product's, or one zone's), with a row per zone and per owner. */
export function DashboardPage() {
  const [params, setParams] = useLiveSearchParams();
  const period = params.get('period') || DEFAULT_PERIOD;
  const product = params.get('product') || undefined;
  const zone = params.get('zone') || undefined;
  const scope = { product: zone ? undefined : product, zone };
  const products = useResource(() => productsApi.list(), []);
  const zones = useZoneOptions();
  const dash = useResource(() => metricsApi.dashboard(scope, { period }), [period, scope.product, scope.zone]);
  const series = useResource(() => metricsApi.series(scope, { period }), [period, scope.product, scope.zone]);
  const set = (changes: Record<string, string | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    return next;
  });
  const d = dash.data;
  // A stale answer (something changed since it was computed) is being recomputed on the server: ask again shortly.
  // At most a few times in a row: in an organization changing all the time, the figures stay a moment behind.
  const { reload } = dash;
  const staleReloads = useRef(0);
  useEffect(() => {
    if (!d?.stale) {
      staleReloads.current = 0;
      return undefined;
    }
    if (staleReloads.current >= MAX_STALE_RELOADS) return undefined;
    const timer = setTimeout(() => { staleReloads.current += 1; reload(); }, STALE_RELOAD_MS);
    return () => clearTimeout(timer);
  }, [d, reload]);
  const scopeName = !d ? '' : d.scope.kind === 'org' ? 'The whole organization'
    : d.scope.kind === 'product' ? (products.data?.items.find((p) => p.key === (d.scope as { product: string }).product)?.name ?? d.scope.product)
      : d.scope.kind === 'zone' ? (zones.data?.items.find((z) => z.key === (d.scope as { zone: string }).zone)?.name ?? d.scope.zone) : '';
  const scorecardLink = (email: string) => `/scorecard?${new URLSearchParams({ owner: email, period }).toString()}`;
  const visibleZones = d ? d.zones.filter((z) => !z.zone.archived || z.figures.open.total > 0 || z.figures.closedGapRate.opened > 0) : [];

  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={d ? <>{scopeName} · {formatDate(d.period.from)} – {formatDate(d.period.to)} · backlog as of {formatDateTime(d.asOf)}{d.stale && <span className="muted"> · updating…</span>}</>
          : 'Remediation figures per zone, product and organization.'}
        actions={<a className="btn" href={metricsApi.dashboardCsvUrl(scope, { period })} download>Download CSV</a>}
      />
      <div className="filters filters-metrics">
        <Field label="Product">
          <select value={product ?? ''} onChange={(e) => set({ product: e.target.value || undefined, zone: undefined })}>
            <option value="">All products</option>
            {products.data?.items.map((p) => <option key={p.id} value={p.key}>{p.name}</option>)}
          </select>
        </Field>
        <Field label="Zone">
          <ZoneSelect zones={(zones.data?.items ?? []).filter((z) => !product || z.product.key === product)} value={zone ?? ''}
            empty="All zones" onChange={(v) => set({ zone: v || undefined })} />
        </Field>
        <PeriodSelect value={period} onChange={(v) => set({ period: v })} />
      </div>
      <ProblemAlert error={dash.error} title="Could not load the dashboard" />
      {dash.loading && !d && <Loading label="Computing the figures…" />}
      {d && (
        <div className={dash.loading ? 'is-refreshing' : undefined}>
          <MetricTiles figures={d.figures} />
          <section className="card" aria-labelledby="trend-heading">
            <h2 id="trend-heading" className="card-title">Trends over the period</h2>
            <ProblemAlert error={series.error} title="Could not load the trends" />
            {series.data ? <TrendCharts series={series.data} /> : !series.error && <Loading label="Loading the trends…" />}
          </section>
          <div className="metrics-grid">
            <section className="card" aria-labelledby="open-heading">
              <h2 id="open-heading" className="card-title">Open items per zone</h2>
              <OpenItemsChart rows={d.zones} total={d.figures.open.total} />
            </section>
            <section className="card" aria-labelledby="fp-heading">
              <h2 id="fp-heading" className="card-title">False positives per tool and plugin</h2>
              <FalsePositiveTable byTool={d.falsePositivesByTool} byPlugin={d.falsePositivesByPlugin} />
            </section>
          </div>
          <section className="card" aria-labelledby="owners-heading">
            <h2 id="owners-heading" className="card-title">Owners</h2>
            <FiguresTable rows={ownerRows(d.owners, scorecardLink)} nameLabel="Owner" extraLabel="Zones" empty="No owners in this scope." />
          </section>
          <section className="card" aria-labelledby="zones-heading">
            <h2 id="zones-heading" className="card-title">Zones</h2>
            <FiguresTable rows={zoneRows(visibleZones)} nameLabel="Zone" extraLabel="Owner" empty="No zones in this scope." />
          </section>
        </div>
      )}
    </>
  );
}
