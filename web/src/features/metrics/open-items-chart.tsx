import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Scorecard } from '../../../../src/contracts/metrics.ts';

type ZoneMetricsRow = Scorecard['zones'][number];
import { SEVERITIES, SEVERITY_COLORS, SEVERITY_LABELS } from '../findings/severity.ts';

const AGES = ['lt7d', 'd7to30', 'd30to90', 'gt90d'] as const;
const AGE_LABELS: Record<(typeof AGES)[number], string> = {
  lt7d: 'Under 7 days', d7to30: '7–30 days', d30to90: '30–90 days', gt90d: 'Over 90 days',
};
const AGE_COLORS: Record<(typeof AGES)[number], string> = {
  lt7d: '#93c5fd', d7to30: '#3b82f6', d30to90: '#b54708', gt90d: '#b42318',
};

type Mode = 'severity' | 'age';

/** Open items per zone, stacked by severity or by age: where the backlog sits and how old it is. */
export function OpenItemsChart({ rows, total }: { rows: readonly ZoneMetricsRow[]; total: number }) {
  const [mode, setMode] = useState<Mode>('severity');
  const data = rows
    .filter((r) => r.figures.open.total > 0)
    .sort((a, b) => b.figures.open.total - a.figures.open.total)
    .map((r) => ({ name: r.zone.name, ...r.figures.open.bySeverity, ...r.figures.open.byAge, total: r.figures.open.total }));
  const keys = mode === 'severity' ? SEVERITIES : AGES;
  const label = (k: string) => (mode === 'severity' ? SEVERITY_LABELS[k as (typeof SEVERITIES)[number]] : AGE_LABELS[k as (typeof AGES)[number]]);
  const color = (k: string) => (mode === 'severity' ? SEVERITY_COLORS[k as (typeof SEVERITIES)[number]] : AGE_COLORS[k as (typeof AGES)[number]]);
  const height = Math.max(160, data.length * 40 + 70);
  return (
    <div>
      <div className="segmented" role="radiogroup" aria-label="Stack open items by">
        {(['severity', 'age'] as const).map((m) => (
          <label key={m} className={`segment${mode === m ? ' is-on' : ''}`}>
            <input type="radio" name="open-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'severity' ? 'By severity' : 'By age'}
          </label>
        ))}
      </div>
      {data.length === 0 ? <p className="muted ok-note">No open items{total > 0 ? '' : ' in these zones'}.</p> : (
        <figure className="chart" aria-label={`Open items per zone, by ${mode}`}>
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
              <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 12, fill: '#0f172a' }} />
              <Tooltip cursor={{ fill: 'rgba(148,163,184,0.15)' }} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {keys.map((k) => (
                <Bar key={k} dataKey={k} name={label(k)} stackId="open" fill={color(k)} maxBarSize={26} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
          <figcaption className="sr-only">
            {data.map((d) => `${d.name}: ${keys.map((k) => `${d[k]} ${label(k).toLowerCase()}`).join(', ')}`).join('; ')}
          </figcaption>
        </figure>
      )}
    </div>
  );
}
