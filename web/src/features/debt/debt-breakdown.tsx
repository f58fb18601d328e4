import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DebtReport } from '../../../../src/contracts/debt.ts';
import { SortHeader } from '../findings/sort-header.tsx';
import { formatPoints } from '../metrics/format.ts';
import { TierBadge } from '../zones/tier-badge.tsx';

type Mode = 'zone' | 'owner';

interface Row { id: string; name: string; debt: number; items: number; over: boolean; link: string; extra?: ReactNode }

function rowsOf(report: DebtReport, mode: Mode): Row[] {
  if (mode === 'zone') {
    return report.zones.map((z) => ({
      id: z.zone.id, name: z.zone.name, debt: z.debt, items: z.items, over: z.overThreshold,
      link: `/zones/${encodeURIComponent(z.zone.key)}`, extra: <TierBadge tier={z.zone.tier} />,
    }));
  }
  return report.owners.map((o) => ({
    id: o.owner.id, name: o.owner.name, debt: o.debt, items: o.items, over: false,
    link: `/scorecard?${new URLSearchParams({ owner: o.owner.email }).toString()}`,
  }));
}

/** Debt per zone or per owner: a sortable table beside a bar chart, the zone threshold marked. */
export function DebtBreakdown({ report }: { report: DebtReport }) {
  const [mode, setMode] = useState<Mode>('zone');
  const [sort, setSort] = useState('-debt');
  const rows = rowsOf(report, mode);
  const dir = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '') as 'debt' | 'items' | 'name';
  const sorted = [...rows].sort((a, b) => (field === 'name' ? dir * a.name.localeCompare(b.name) : dir * (a[field] - b[field]) || a.name.localeCompare(b.name)));
  const chart = [...rows].sort((a, b) => b.debt - a.debt);
  const height = Math.max(150, chart.length * 36 + 50);
  const noun = mode === 'zone' ? 'Zone' : 'Owner';
  return (
    <div>
      <div className="segmented" role="radiogroup" aria-label="Debt per">
        {(['zone', 'owner'] as const).map((m) => (
          <label key={m} className={`segment${mode === m ? ' is-on' : ''}`}>
            <input type="radio" name="debt-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'zone' ? 'Per zone' : 'Per owner'}
          </label>
        ))}
      </div>
      {rows.length === 0 ? <p className="muted ok-note">No debt: no open item is past its SLA.</p> : (
        <div className="debt-grid">
          <div className="table-wrap">
            <table className="table table-compact debt-table" aria-label={`Safety debt per ${mode}`}>
              <thead>
                <tr>
                  <SortHeader label={noun} field="name" natural="asc" sort={sort} onSort={setSort} />
                  <SortHeader label="Items" field="items" natural="desc" sort={sort} onSort={setSort} className="num" />
                  <SortHeader label="Debt" field="debt" natural="desc" sort={sort} onSort={setSort} className="num" />
                </tr>
              </thead>
              <tbody>
                {sorted.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link className="strong-link" to={r.link}>{r.name}</Link>{r.extra && <> {r.extra}</>}
                      {r.over && <span className="badge badge-escalated">Over threshold</span>}
                    </td>
                    <td className="num">{r.items}</td>
                    <td className="num"><strong>{formatPoints(r.debt)}</strong></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <figure className="chart" aria-label={`Safety debt per ${mode}`}>
            <ResponsiveContainer width="100%" height={height}>
              <BarChart data={chart} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
                <XAxis type="number" tick={{ fontSize: 12, fill: '#475569' }} />
                <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12, fill: '#0f172a' }} />
                <Tooltip cursor={{ fill: 'rgba(148,163,184,0.15)' }} formatter={(v) => (typeof v === 'number' ? formatPoints(v) : String(v))} />
                {mode === 'zone' && <ReferenceLine x={report.rules.zoneDebtThreshold} stroke="#b42318" strokeDasharray="4 3"
                  label={{ value: 'threshold', fontSize: 11, fill: '#b42318', position: 'insideTopRight' }} />}
                <Bar dataKey="debt" name="Debt" maxBarSize={22} isAnimationActive={false}>
                  {chart.map((r) => <Cell key={r.id} fill={r.over ? '#b42318' : '#c2410c'} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
            <figcaption className="sr-only">{chart.map((r) => `${r.name}: ${formatPoints(r.debt)}`).join('; ')}</figcaption>
          </figure>
        </div>
      )}
    </div>
  );
}
