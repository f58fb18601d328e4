import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KpiSeries } from '../../../../src/contracts/kpis.ts';
import { valueLabel } from './kpi-labels.ts';

const SAFETY = '#2563eb';
const PAIRED = '#d97706';
const TARGET = '#b42318';

interface Row { t: number; value?: number; paired?: number }

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The KPI over time with its target line (the goal of the current period); a paired metric is
 * plotted on a second y axis, so a business metric and its safety metric read together.
 */
export function KpiChart({ series }: { series: KpiSeries }) {
  const { kpi, paired } = series;
  const rows = new Map<number, Row>();
  for (const p of series.points) {
    const t = Date.parse(p.measuredAt);
    rows.set(t, { ...rows.get(t), t, value: p.value });
  }
  for (const p of paired?.points ?? []) {
    const t = Date.parse(p.measuredAt);
    rows.set(t, { ...rows.get(t), t, paired: p.value });
  }
  const data = [...rows.values()].sort((a, b) => a.t - b.t);
  if (data.length === 0) return <p className="muted small">No measurements in this range yet.</p>;
  const goal = kpi.status.goal;
  const name = `${kpi.name}${kpi.unit ? ` (${kpi.unit})` : ''}`;
  const pairedName = paired ? `${paired.kpi.name}${paired.kpi.unit ? ` (${paired.kpi.unit})` : ''}` : '';
  return (
    <figure className="chart" aria-label={`${kpi.name} over time${paired ? `, with ${paired.kpi.name}` : ''}`}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: paired ? 8 : 24, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={day} tick={{ fontSize: 12, fill: '#475569' }} />
          <YAxis yAxisId="kpi" tick={{ fontSize: 12, fill: SAFETY }} width={48} domain={['auto', 'auto']} />
          {paired && <YAxis yAxisId="paired" orientation="right" tick={{ fontSize: 12, fill: PAIRED }} width={48} domain={['auto', 'auto']} />}
          <Tooltip labelFormatter={(t) => day(Number(t))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="kpi" dataKey="value" name={name} stroke={SAFETY} strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
          {paired && (
            <Line yAxisId="paired" dataKey="paired" name={pairedName} stroke={PAIRED} strokeWidth={2} strokeDasharray="5 3" dot={{ r: 2 }} connectNulls isAnimationActive={false} />
          )}
          {goal !== null && (
            <ReferenceLine yAxisId="kpi" y={goal} stroke={TARGET} strokeDasharray="6 4" ifOverflow="extendDomain"
              label={{ value: `Target ${valueLabel(goal, kpi.unit)}`, position: 'insideTopRight', fontSize: 11, fill: TARGET }} />
          )}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {series.points.map((p) => `${day(Date.parse(p.measuredAt))}: ${p.value}`).join('; ')}
        {goal !== null ? `; target ${goal}` : ''}
      </figcaption>
    </figure>
  );
}
