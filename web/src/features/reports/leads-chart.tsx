import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OwnershipReport } from '../../../../src/contracts/reports.ts';
import { TIERS, TIER_COLORS, TIER_LABELS } from '../zones/tiers.ts';

/** Zones per lead, stacked by tier: who carries the load, and how critical it is. */
export function LeadsChart({ leads }: { leads: OwnershipReport['leads'] }) {
  const data = [...leads]
    .sort((a, b) => b.total - a.total)
    .map((l) => ({ name: l.user.name, ...l.byTier, total: l.total }));
  const height = Math.max(180, data.length * 44 + 60);
  return (
    <figure className="chart" aria-label="Zones per lead, by tier">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
          <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12, fill: '#0f172a' }} />
          <Tooltip cursor={{ fill: 'rgba(148,163,184,0.15)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {TIERS.map((t) => (
            <Bar key={t} dataKey={t} name={TIER_LABELS[t]} stackId="tiers" fill={TIER_COLORS[t]} maxBarSize={28} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {data.map((d) => `${d.name}: ${d.total} zones`).join('; ')}
      </figcaption>
    </figure>
  );
}
