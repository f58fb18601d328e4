import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FindingSummary } from '../../../../src/contracts/findings.ts';
import { formatDateTime, formatRelative } from '../../ui/dates.ts';
import { FindingStatusBadge, RegressedFlag, SeverityBadge } from './finding-badges.tsx';
import { TOOL_LABELS } from './severity.ts';
import { SortHeader } from './sort-header.tsx';

/**
 * The findings list. Severity sorts critical first on the first click ("-severity"); dates sort
 * newest first. `rowExtra` adds a last cell per row (e.g. the route control on the unrouted page).
 */
export function FindingsTable({ findings, sort, onSort, rowExtra, extraHeader, hideZone = false }: {
  findings: readonly FindingSummary[];
  sort: string;
  onSort: (sort: string) => void;
  rowExtra?: (f: FindingSummary) => ReactNode;
  extraHeader?: string;
  /** When every row has the same zone (or none), the column says nothing. */
  hideZone?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-stack findings-table">
        <thead>
          <tr>
            <SortHeader label="Severity" field="severity" natural="desc" sort={sort} onSort={onSort} />
            <SortHeader label="Title" field="title" natural="asc" sort={sort} onSort={onSort} />
            {!hideZone && <th scope="col">Zone</th>}
            <th scope="col" className="hide-sm">Tool · rule</th>
            <th scope="col">Status</th>
            <SortHeader label="Last seen" field="lastSeen" natural="desc" sort={sort} onSort={onSort} className="hide-sm" />
            {rowExtra && <th scope="col">{extraHeader}</th>}
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.id}>
              <td data-label="Severity"><SeverityBadge severity={f.severity} /></td>
              <td>
                <Link to={`/findings/${encodeURIComponent(f.id)}`} className="strong-link break">{f.title}</Link>
                {f.regressed && <> <RegressedFlag /></>}
                {f.target && <div className="muted small break">{f.target}</div>}
              </td>
              {!hideZone && (
                <td data-label="Zone">
                  {f.zone ? <Link to={`/zones/${encodeURIComponent(f.zone.key)}`}>{f.zone.name}</Link> : <span className="text-warning">Unrouted</span>}
                </td>
              )}
              <td className="hide-sm" data-label="Tool">
                {TOOL_LABELS[f.format] ?? f.format}
                <div className="muted small mono break">{f.ruleId}</div>
              </td>
              <td data-label="Status"><FindingStatusBadge status={f.status} /></td>
              <td className="hide-sm" data-label="Last seen">
                <span title={formatDateTime(f.lastSeenAt)}>{formatRelative(f.lastSeenAt)}</span>
              </td>
              {rowExtra && <td className="row-actions">{rowExtra(f)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
