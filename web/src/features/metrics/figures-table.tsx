import { useState, type ReactNode } from 'react';
import type { MetricsFigures } from '../../../../src/contracts/metrics.ts';
import { SortHeader } from '../findings/sort-header.tsx';
import { formatHours, formatPoints, formatRate } from './format.ts';

export interface FiguresRow {
  key: string;
  /** What the row is about (a zone link, a person); `sortName` orders it. */
  label: ReactNode;
  sortName: string;
  extra?: ReactNode;
  figures: MetricsFigures;
}

const COLUMNS = {
  open: { label: 'Open', get: (f: MetricsFigures) => f.open.total },
  overdue: { label: 'Overdue', get: (f: MetricsFigures) => f.open.overdue },
  debt: { label: 'Debt', get: (f: MetricsFigures) => f.safetyDebt },
  ttr: { label: 'TTR mean', get: (f: MetricsFigures) => f.timeToRemediate.meanHours },
  sla: { label: 'SLA', get: (f: MetricsFigures) => f.slaCompliance.rate },
  gap: { label: 'Closed gaps', get: (f: MetricsFigures) => f.closedGapRate.rate },
} as const;
type Column = keyof typeof COLUMNS;

/** One row per zone or owner with the figures that compare them; sortable by any column. */
export function FiguresTable({ rows, nameLabel, extraLabel, empty }: {
  rows: readonly FiguresRow[];
  nameLabel: string;
  extraLabel?: string;
  empty: string;
}) {
  const [sort, setSort] = useState('-debt');
  if (rows.length === 0) return <p className="muted ok-note">{empty}</p>;
  const field = sort.replace(/^-/, '');
  const dir = sort.startsWith('-') ? -1 : 1;
  const sorted = [...rows].sort((a, b) => {
    if (field === 'name') return dir * a.sortName.localeCompare(b.sortName);
    const get = COLUMNS[field as Column].get;
    // Rows without a value go last whatever the direction.
    const va = get(a.figures);
    const vb = get(b.figures);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return dir * (va - vb) || a.sortName.localeCompare(b.sortName);
  });
  return (
    <div className="table-wrap">
      <table className="table table-compact table-stack figures-table">
        <thead>
          <tr>
            <SortHeader label={nameLabel} field="name" natural="asc" sort={sort} onSort={setSort} />
            {extraLabel && <th scope="col" className="hide-sm">{extraLabel}</th>}
            {(Object.keys(COLUMNS) as Column[]).map((c) => (
              <SortHeader key={c} label={COLUMNS[c].label} field={c} natural="desc" sort={sort} onSort={setSort} className="num" />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const f = r.figures;
            return (
              <tr key={r.key}>
                <td>{r.label}</td>
                {extraLabel && <td className="hide-sm" data-label={extraLabel}>{r.extra}</td>}
                <td className="num" data-label="Open">{f.open.total}</td>
                <td className={`num${f.open.overdue > 0 ? ' text-danger' : ''}`} data-label="Overdue">{f.open.overdue}</td>
                <td className={`num${f.safetyDebt > 0 ? ' text-danger' : ''}`} data-label="Debt">{formatPoints(f.safetyDebt)}</td>
                <td className="num" data-label="TTR mean">{formatHours(f.timeToRemediate.meanHours)}</td>
                <td className="num" data-label="SLA">{formatRate(f.slaCompliance.rate)}</td>
                <td className="num" data-label="Closed gaps">{formatRate(f.closedGapRate.rate)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
