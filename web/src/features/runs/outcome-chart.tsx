import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Run } from '../../../../src/contracts/runs.ts';
import { OUTCOMES, OUTCOME_COLORS, OUTCOME_LABELS } from './outcomes.ts';

/** One bar per outcome: how this run's findings split between new, still present, gone and back. */
export function OutcomeChart({ counts }: { counts: Run['counts'] }) {
  const data = OUTCOMES.map((o) => ({ outcome: o, name: OUTCOME_LABELS[o], count: counts[o] }));
  return (
    <figure className="chart" aria-label="Findings of this run by outcome">
      <ResponsiveContainer width="100%" height={210}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
          <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12, fill: '#0f172a' }} />
          <Tooltip cursor={{ fill: 'rgba(148,163,184,0.15)' }} />
          <Bar dataKey="count" name="Findings" maxBarSize={24} isAnimationActive={false}>
            {data.map((d) => <Cell key={d.outcome} fill={OUTCOME_COLORS[d.outcome]} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{data.map((d) => `${d.name}: ${d.count}`).join('; ')}</figcaption>
    </figure>
  );
}
