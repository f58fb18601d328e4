import type { PeriodPlan, ScheduleResult } from '../../../../src/contracts/planning.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatDate } from '../../ui/dates.ts';
import { formatPoints } from '../metrics/format.ts';
import { PlannedItemsTable } from './planned-items-table.tsx';

type Sprint = PeriodPlan['sprints'][number];

export function sprintPhase(s: Sprint, today = new Date().toISOString().slice(0, 10)): 'past' | 'current' | 'future' {
  if (s.endsOn < today) return 'past';
  return s.startsOn <= today ? 'current' : 'future';
}

/** One sprint: its reserve against the safety work in it, its warnings, and its items in priority order. */
export function SprintCard({ sprint, sprints, canSchedule, onScheduled }: {
  sprint: Sprint;
  sprints: PeriodPlan['sprints'];
  canSchedule: boolean;
  onScheduled: (r: ScheduleResult) => void;
}) {
  const phase = sprintPhase(sprint);
  const pct = sprint.reserve > 0 ? Math.min(100, (sprint.used / sprint.reserve) * 100) : 0;
  const over = sprint.used > sprint.reserve;
  return (
    <section className={`card sprint-card sprint-${phase}`} aria-labelledby={`sprint-${sprint.id}`} data-sprint={sprint.name}>
      <div className="card-head">
        <h3 id={`sprint-${sprint.id}`} className="card-title">
          {sprint.name}{' '}
          {phase === 'current' && <span className="badge badge-current">Current</span>}
          {phase === 'past' && <span className="badge badge-muted">Ended</span>}
        </h3>
        <span className="muted small">{formatDate(sprint.startsOn)} – {formatDate(sprint.endsOn)} · capacity {formatPoints(sprint.capacity)}</span>
      </div>
      <div className="reserve-meter">
        <div className="reserve-meter-text">
          <span>Safety work <strong>{formatPoints(sprint.used)}</strong> of a reserve of <strong>{formatPoints(sprint.reserve)}</strong></span>
          <span className={over ? 'text-danger' : sprint.free > 0 ? 'text-warning' : undefined}>
            {over ? `${formatPoints(sprint.used - sprint.reserve)} past the reserve` : `${formatPoints(sprint.free)} free`}
          </span>
        </div>
        <div className="progress-track" role="meter" aria-label={`${sprint.name}: safety reserve used`} aria-valuemin={0}
          aria-valuemax={sprint.reserve} aria-valuenow={Math.min(sprint.used, sprint.reserve)}>
          <div className={`progress-bar${over ? ' is-over' : ''}`} style={{ width: `${pct}%` }} />
        </div>
      </div>
      {sprint.warnings.map((w) => (
        <Alert key={w.code} tone={w.code === 'safety_squeezed' ? 'warning' : 'info'}
          title={w.code === 'safety_squeezed' ? 'Safety work is being squeezed out' : 'Beyond the reserve'}>
          <p>{w.message}</p>
        </Alert>
      ))}
      <PlannedItemsTable items={sprint.items} sprints={sprints} canSchedule={canSchedule && phase !== 'past'} onScheduled={onScheduled}
        empty="Nothing scheduled." />
    </section>
  );
}
