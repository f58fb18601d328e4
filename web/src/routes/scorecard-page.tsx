import { useLiveSearchParams } from '../ui/use-live-search-params.ts';
import { metricsApi } from '../api/metrics.ts';
import { useResource } from '../api/use-resource.ts';
import { useMe } from '../features/auth/session-context.tsx';
import { FalsePositiveTable } from '../features/metrics/false-positive-table.tsx';
import { FiguresTable } from '../features/metrics/figures-table.tsx';
import { MetricTiles } from '../features/metrics/metric-tiles.tsx';
import { OpenItemsChart } from '../features/metrics/open-items-chart.tsx';
import { OwnerSelect } from '../features/metrics/owner-select.tsx';
import { PeriodSelect } from '../features/metrics/period-select.tsx';
import { DEFAULT_PERIOD } from '../features/metrics/periods.ts';
import { TrendCharts } from '../features/metrics/trend-charts.tsx';
import { zoneRows } from '../features/metrics/zone-rows.tsx';
import { useMembers } from '../features/users/use-members.ts';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { formatDate, formatDateTime } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

/** Who may look at anyone's scorecard from the picker (everyone may read them through the API). */
const PICKS_ANY_OWNER = ['admin', 'reviewer'];

/** An owner's scorecard over a period: owner and period in the URL, the signed-in person by default. */
export function ScorecardPage() {
  const me = useMe();
  const [params, setParams] = useLiveSearchParams();
  const owner = params.get('owner') || me.user.email;
  const period = params.get('period') || DEFAULT_PERIOD;
  const canPick = PICKS_ANY_OWNER.includes(me.role);
  const members = useMembers();
  const card = useResource(() => metricsApi.scorecard(owner, { period }), [owner, period]);
  const series = useResource(() => metricsApi.series({ owner }, { period }), [owner, period]);
  const set = (key: string, value: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    next.set(key, value);
    return next;
  });
  const c = card.data;
  const isMe = owner === me.user.email || owner === me.user.id;

  return (
    <>
      <PageHeader
        title="Scorecard"
        subtitle={c
          ? <>{c.owner.name} · {formatDate(c.period.from)} – {formatDate(c.period.to)} · backlog as of {formatDateTime(c.asOf)}</>
          : 'Remediation figures of an owner\'s zones, from the records.'}
        actions={<a className="btn" href={metricsApi.scorecardCsvUrl(owner, { period })} download>Download CSV</a>}
      />
      <div className="filters filters-metrics">
        {canPick && members.data && <OwnerSelect members={members.data.items} value={owner} onChange={(v) => set('owner', v)} />}
        <PeriodSelect value={period} onChange={(v) => set('period', v)} />
      </div>
      <ProblemAlert error={card.error} title="Could not load the scorecard" />
      {card.loading && !c && <Loading label="Computing the scorecard…" />}
      {c && (
        <div className={card.loading ? 'is-refreshing' : undefined}>
          {c.zones.length === 0 && (
            <Alert tone="info" title={`${isMe ? 'You own' : `${c.owner.name} owns`} no zones`}>
              {canPick ? 'A scorecard counts the zones a person owns now. Pick an owner above.' : 'A scorecard counts the zones a person owns now.'}
            </Alert>
          )}
          <MetricTiles figures={c.figures} />
          <section className="card" aria-labelledby="trend-heading">
            <h2 id="trend-heading" className="card-title">Trends over the period</h2>
            <ProblemAlert error={series.error} title="Could not load the trends" />
            {series.data ? <TrendCharts series={series.data} /> : !series.error && <Loading label="Loading the trends…" />}
          </section>
          <div className="metrics-grid">
            <section className="card" aria-labelledby="open-heading">
              <h2 id="open-heading" className="card-title">Open items</h2>
              <p className="muted small">
                {c.figures.open.total} open now per zone; {c.figures.open.awaitingVerification} fixed and awaiting verification.
              </p>
              <OpenItemsChart rows={c.zones} total={c.figures.open.total} />
            </section>
            <section className="card" aria-labelledby="fp-heading">
              <h2 id="fp-heading" className="card-title">False positives per tool and plugin</h2>
              <p className="muted small">Findings triaged in the period, and how many of them were false positives.</p>
              <FalsePositiveTable byTool={c.falsePositivesByTool} byPlugin={c.falsePositivesByPlugin} />
            </section>
          </div>
          <section className="card" aria-labelledby="zones-heading">
            <h2 id="zones-heading" className="card-title">Zones</h2>
            <FiguresTable rows={zoneRows(c.zones)} nameLabel="Zone" empty="No zones." />
          </section>
        </div>
      )}
    </>
  );
}
