import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PeriodPlan } from '../../../../src/contracts/planning.ts';
import { formatPoints } from '../metrics/format.ts';

const round = (n: number) => Math.round(n * 100) / 100;

/** The capacity split of one sprint: safety work inside the reserve, reserve left free, safety work past it, other work. */
export function capacitySplit(s: PeriodPlan['sprints'][number]) {
  const inReserve = Math.min(s.used, s.reserve);
  return {
    used: round(inReserve),
    free: round(Math.max(0, s.reserve - s.used)),
    over: round(Math.max(0, s.used - s.reserve)),
    other: round(Math.max(0, s.capacity - Math.max(s.used, s.reserve))),
  };
}

const SERIES = [
  { key: 'used', name: 'Safety work in the reserve', color: '#1f4e79' },
  { key: 'free', name: 'Reserve left unused', color: '#f5c26b' },
  { key: 'over', name: 'Safety work past the reserve', color: '#b42318' },
  { key: 'other', name: 'Other capacity', color: '#cbd5e1' },
] as const;

/** One bar per sprint, as long as its capacity: how much of the safety reserve is used, unused, or overrun. */
export function SprintCapacityChart({ sprints }: { sprints: PeriodPlan['sprints'] }) {
  const data = sprints.map((s) => ({ name: s.name, ...capacitySplit(s), reserve: s.reserve, capacity: s.capacity }));
  const height = Math.max(180, data.length * 38 + 80);
  return (
    <figure className="chart" aria-label="Capacity per sprint with the safety reserve">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tick={{ fontSize: 12, fill: '#475569' }} />
          <YAxis type="category" dataKey="name" width={76} tick={{ fontSize: 12, fill: '#0f172a' }} />
          <Tooltip cursor={{ fill: 'rgba(148,163,184,0.15)' }} formatter={(v) => (typeof v === 'number' ? formatPoints(v) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="capacity" fill={s.color} maxBarSize={24} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {data.map((d) => `${d.name}: capacity ${d.capacity}, reserve ${d.reserve}, safety work ${round(d.used + d.over)}`).join('; ')}
      </figcaption>
    </figure>
  );
}
