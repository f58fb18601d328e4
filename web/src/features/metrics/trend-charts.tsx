import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Series } from '../../../../src/contracts/metrics.ts';
import { hoursToDays, toPercent } from './format.ts';

const week = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

interface LineSpec { key: string; name: string; color: string }

function TrendChart({ title, caption, data, lines, unit }: {
  title: string;
  caption: string;
  data: Record<string, number | string | null>[];
  lines: readonly LineSpec[];
  unit: string;
}) {
  const fmt = (v: unknown) => (typeof v === 'number' ? `${v}${unit}` : '—');
  return (
    <section className="trend" aria-label={title}>
      <h3 className="trend-title">{title}</h3>
      <p className="muted small">{caption}</p>
      <figure className="chart" aria-label={title}>
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#475569' }} interval="preserveStartEnd" minTickGap={16} />
            <YAxis tick={{ fontSize: 11, fill: '#475569' }} allowDecimals={unit !== ''} width={44} />
            <Tooltip formatter={fmt} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {lines.map((l) => (
              <Line key={l.key} type="linear" dataKey={l.key} name={l.name} stroke={l.color} strokeWidth={2}
                dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
        <figcaption className="sr-only">
          {data.map((d) => `${d.label}: ${lines.map((l) => `${l.name} ${fmt(d[l.key])}`).join(', ')}`).join('; ')}
        </figcaption>
      </figure>
    </section>
  );
}

/** The period's trends per week or month: speed (days), rates (%) and flow (counts). */
export function TrendCharts({ series }: { series: Series }) {
  const label = (iso: string) => (series.bucket === 'week' ? week : month).format(new Date(iso));
  const data = series.points.map((p) => ({
    label: label(p.from),
    ttr: hoursToDays(p.timeToRemediate.meanHours),
    ttd: p.timeToDetect.meanDays,
    gap: toPercent(p.closedGapRate.rate),
    sla: toPercent(p.slaCompliance.rate),
    fp: toPercent(p.falsePositives.rate),
    opened: p.closedGapRate.opened,
    closed: p.closedGapRate.closed,
    regressions: p.regressions,
  }));
  const per = series.bucket === 'week' ? 'per week' : 'per month';
  return (
    <div className="trend-grid">
      <TrendChart title="Speed" caption={`Mean time to remediate and to detect, days, ${per}`} unit=" d" data={data} lines={[
        { key: 'ttr', name: 'Time to remediate', color: '#1f4e79' },
        { key: 'ttd', name: 'Time to detect', color: '#b54708' },
      ]} />
      <TrendChart title="Rates" caption={`Closed-gap rate, SLA compliance and false positives, %, ${per}`} unit="%" data={data} lines={[
        { key: 'gap', name: 'Closed gaps', color: '#067647' },
        { key: 'sla', name: 'SLA compliance', color: '#2563eb' },
        { key: 'fp', name: 'False positives', color: '#7a5af8' },
      ]} />
      <TrendChart title="Flow" caption={`Items opened and closed, and regressions, ${per}`} unit="" data={data} lines={[
        { key: 'opened', name: 'Opened', color: '#64748b' },
        { key: 'closed', name: 'Closed', color: '#067647' },
        { key: 'regressions', name: 'Regressions', color: '#b42318' },
      ]} />
    </div>
  );
}
