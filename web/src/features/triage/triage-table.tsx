import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { TriageQueueItem } from '../../../../src/contracts/triage.ts';
import { formatDateTime, formatRelative } from '../../ui/dates.ts';
import { RegressedFlag, SeverityBadge } from '../findings/finding-badges.tsx';
import { TOOL_LABELS } from '../findings/severity.ts';
import { TierBadge } from '../zones/tier-badge.tsx';
import { EARLIER_DECISION } from './triage-labels.ts';

/** The "select all on this page" box: checked, unchecked, or mixed when some rows are chosen. */
function SelectAll({ ids, selected, onChange }: { ids: readonly string[]; selected: ReadonlySet<string>; onChange: (ids: string[], on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const chosen = ids.filter((id) => selected.has(id)).length;
  const all = ids.length > 0 && chosen === ids.length;
  useEffect(() => { if (ref.current) ref.current.indeterminate = chosen > 0 && !all; }, [chosen, all]);
  return (
    <input ref={ref} type="checkbox" checked={all} aria-label="Select all on this page" disabled={ids.length === 0}
      onChange={(e) => onChange([...ids], e.target.checked)} />
  );
}

/** The queue: oldest and most severe first (the server's order), a checkbox per row. */
export function TriageTable({ items, selected, onSelect }: {
  items: readonly TriageQueueItem[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
}) {
  const ids = items.map((i) => i.id);
  return (
    <div className="table-wrap">
      <table className="table table-stack triage-table">
        <thead>
          <tr>
            <th scope="col" className="col-check"><SelectAll ids={ids} selected={selected} onChange={onSelect} /></th>
            <th scope="col">Severity</th>
            <th scope="col">Finding</th>
            <th scope="col">Zone</th>
            <th scope="col">First seen</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => {
            const on = selected.has(f.id);
            return (
              <tr key={f.id} className={on ? 'is-selected' : undefined}>
                <td className="col-check">
                  <input type="checkbox" checked={on} aria-label={`Select ${f.title}`} onChange={(e) => onSelect([f.id], e.target.checked)} />
                </td>
                <td data-label="Severity"><SeverityBadge severity={f.severity} /></td>
                <td>
                  <Link to={`/findings/${encodeURIComponent(f.id)}`} className="strong-link break">{f.title}</Link>
                  {f.regressed && <> <RegressedFlag /></>}
                  <div className="muted small break">
                    {EARLIER_DECISION[f.triage]} · {TOOL_LABELS[f.format] ?? f.format} <span className="mono">{f.ruleId}</span>{f.target ? ` · ${f.target}` : ''}
                  </div>
                </td>
                <td data-label="Zone">
                  {f.zone ? <Link to={`/zones/${encodeURIComponent(f.zone.key)}`}>{f.zone.name}</Link> : '—'}{' '}
                  <TierBadge tier={f.zoneTier} />
                  <div className="muted small">{f.owner.name}</div>
                </td>
                <td data-label="First seen"><span title={formatDateTime(f.firstSeenAt)}>{formatRelative(f.firstSeenAt)}</span></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
