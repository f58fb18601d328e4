import { Link } from 'react-router-dom';
import type { PeriodPlan, ScheduleResult } from '../../../../src/contracts/planning.ts';
import { formatDate } from '../../ui/dates.ts';
import { SeverityBadge } from '../findings/finding-badges.tsx';
import { formatPoints } from '../metrics/format.ts';
import { TierBadge } from '../zones/tier-badge.tsx';
import { ScheduleControl } from './schedule-control.tsx';

type Item = PeriodPlan['unscheduled']['items'][number] & { withinReserve?: boolean; overdue?: boolean; escalated?: boolean };

export const itemKey = (i: { number: number }) => `REM-${i.number}`;

/** Items in priority order with their flags, and a control to schedule or move each (for who may plan). */
export function PlannedItemsTable({ items, sprints, canSchedule, onScheduled, empty }: {
  items: readonly Item[];
  sprints: PeriodPlan['sprints'];
  canSchedule: boolean;
  onScheduled: (result: ScheduleResult) => void;
  empty: string;
}) {
  if (items.length === 0) return <p className="muted ok-note">{empty}</p>;
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="table table-compact table-stack plan-items">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="hide-sm">Zone</th>
            <th scope="col">Severity</th>
            <th scope="col" className="num">Priority</th>
            <th scope="col" className="num">Effort</th>
            <th scope="col">Due</th>
            {canSchedule && <th scope="col"><span className="sr-only">Schedule</span></th>}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const overdue = i.overdue ?? (!i.pausedAt && new Date(i.dueAt).getTime() < now);
            return (
              <tr key={i.id} className={i.withinReserve === false ? 'row-displaced' : undefined}>
                <td>
                  <Link className="strong-link" to={`/remediations/${itemKey(i)}`}>{itemKey(i)}</Link>{' '}
                  <span>{i.title}</span>
                  <span className="plan-flags">
                    {i.withinReserve === false && <span className="badge badge-displaced" title="Higher-priority items fill the safety reserve before it">Beyond the reserve</span>}
                    {i.escalated && <span className="badge badge-escalated">Escalated</span>}
                  </span>
                </td>
                <td className="hide-sm" data-label="Zone">{i.zone.name} <TierBadge tier={i.zone.tier} /></td>
                <td data-label="Severity"><SeverityBadge severity={i.severity} /></td>
                <td className="num" data-label="Priority">{formatPoints(i.priority)}</td>
                <td className="num" data-label="Effort">{formatPoints(i.effort)}</td>
                <td data-label="Due" className={overdue ? 'text-danger' : undefined}>
                  {i.pausedAt ? 'Paused' : <span className="nowrap">{formatDate(i.dueAt)}</span>}
                  {overdue && !i.pausedAt && <div className="small">Overdue</div>}
                </td>
                {canSchedule && (
                  <td className="row-actions">
                    <ScheduleControl itemKey={itemKey(i)} title={itemKey(i)} currentSprintId={i.sprintId} sprints={sprints} onDone={onScheduled} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
