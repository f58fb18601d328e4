import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ScheduleResult } from '../../../src/contracts/planning.ts';
import { planningApi } from '../api/planning.ts';
import { useResource } from '../api/use-resource.ts';
import { useMe } from '../features/auth/session-context.tsx';
import { formatPoints, formatRate } from '../features/metrics/format.ts';
import { PeriodCreateForm } from '../features/planning/period-create-form.tsx';
import { itemKey, PlannedItemsTable } from '../features/planning/planned-items-table.tsx';
import { SprintCapacityChart } from '../features/planning/sprint-capacity-chart.tsx';
import { SprintCard } from '../features/planning/sprint-card.tsx';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { formatDate } from '../ui/dates.ts';
import { Field } from '../ui/field.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

const PLANNERS = ['admin', 'lead'];

function ScheduledNotice({ result }: { result: ScheduleResult }) {
  const what = `${itemKey(result.item)} ${result.decision === 'deferred' ? 'deferred' : result.decision === 'unchanged' ? 'stays' : 'scheduled'}`;
  const where = result.sprint ? ` ${result.decision === 'unchanged' ? 'in' : 'into'} ${result.sprint.name}` : ' out of its sprint';
  return (
    <Alert tone={result.displaced.length ? 'warning' : 'success'} title={`${what}${where}`}>
      {result.sprint && <p>The sprint now holds {formatPoints(result.sprint.used)} of safety work against a reserve of {formatPoints(result.sprint.reserve)}.</p>}
      {result.displaced.length > 0 && (
        <>
          <p>It jumped the queue and displaced from the safety reserve:</p>
          <ul className="zone-issue-list">
            {result.displaced.map((d) => (
              <li key={d.id}><Link to={`/remediations/${itemKey(d)}`}>{itemKey(d)}</Link> {d.title} (priority {formatPoints(d.priority)}, effort {formatPoints(d.effort)})</li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}

/** Planning periods: sprints with their safety reserve, what is scheduled, what waits, what was pushed out. */
export function PlanPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [lastResult, setLastResult] = useState<ScheduleResult>();
  const periods = useResource(() => planningApi.periods(), []);
  const periodId = params.get('period') || periods.data?.items[0]?.id;
  const plan = useResource(() => (periodId ? planningApi.plan(periodId) : Promise.resolve(undefined)), [periodId]);
  const canPlan = PLANNERS.includes(me.role);
  const p = plan.data;
  const onScheduled = (r: ScheduleResult) => { setLastResult(r); plan.reload(); };
  const choose = (id: string) => { setLastResult(undefined); setParams(new URLSearchParams({ period: id })); };

  const reserve = p ? p.sprints.reduce((s, x) => s + x.reserve, 0) : 0;
  const used = p ? p.sprints.reduce((s, x) => s + x.used, 0) : 0;
  const beyond = p ? p.sprints.flatMap((s) => s.items.filter((i) => !i.withinReserve).map((i) => ({ ...i, sprintName: s.name }))) : [];

  return (
    <>
      <PageHeader
        title="Plan"
        subtitle={p ? <>{p.period.name} · {formatDate(p.period.startsOn)} – {formatDate(p.period.endsOn)} · {p.period.sprintCount} sprints</>
          : 'Sprints with the capacity reserved for safety work.'}
        actions={canPlan && !creating && <button type="button" className="btn" onClick={() => setCreating(true)}>New period</button>}
      />
      <ProblemAlert error={periods.error} title="Could not load the planning periods" />
      {creating && (
        <PeriodCreateForm shareRange={p?.safetyShareRange} onCancel={() => setCreating(false)}
          onCreated={(created) => { setCreating(false); periods.reload(); choose(created.id); }} />
      )}
      {periods.data && periods.data.items.length === 0 && !creating && (
        <EmptyState title="No planning period yet">
          {canPlan ? 'Create a period (a quarter, split into sprints) to schedule remediation items into.' : 'An admin or lead creates the first one.'}
        </EmptyState>
      )}
      {periods.data && periods.data.items.length > 0 && (
        <div className="filters filters-metrics">
          <Field label="Planning period">
            <select value={periodId ?? ''} onChange={(e) => choose(e.target.value)}>
              {periods.data.items.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
          </Field>
        </div>
      )}
      <ProblemAlert error={plan.error} title="Could not load the plan" />
      {plan.loading && !p && periodId && <Loading label="Loading the plan…" />}
      {lastResult && <ScheduledNotice result={lastResult} />}
      {p && (
        <div className={`plan${plan.loading ? ' is-refreshing' : ''}`}>
          {p.warnings.map((w) => <Alert key={w.code} tone="warning" title="Safety share outside the policy"><p>{w.message}</p></Alert>)}
          <div className="tiles tiles-metrics">
            <div className="tile" data-metric="capacity">
              <span className="tile-label">Capacity</span>
              <span className="tile-value">{formatPoints(p.period.capacity)}</span>
              <span className="tile-note">effort points over {p.period.sprintCount} sprints</span>
            </div>
            <div className="tile" data-metric="reserve">
              <span className="tile-label">Safety reserve</span>
              <span className="tile-value">{formatRate(p.period.safetyShare)}</span>
              <span className="tile-note">{formatPoints(reserve)} points; policy allows {formatRate(p.safetyShareRange.min)}–{formatRate(p.safetyShareRange.max)}</span>
            </div>
            <div className={`tile${used < reserve ? '' : ' tile-ok'}`} data-metric="used">
              <span className="tile-label">Safety work scheduled</span>
              <span className="tile-value">{formatPoints(used)}</span>
              <span className="tile-note">{reserve > 0 ? `${formatRate(used / reserve)} of the reserve` : 'no reserve'}</span>
            </div>
            <div className={`tile${p.unscheduled.total > 0 ? ' tile-danger' : ' tile-ok'}`} data-metric="unscheduled">
              <span className="tile-label">Waiting</span>
              <span className="tile-value">{p.unscheduled.total}</span>
              <span className="tile-note">open items in no sprint</span>
            </div>
          </div>
          <div className="metrics-grid">
            <section className="card" aria-labelledby="capacity-heading">
              <h2 id="capacity-heading" className="card-title">Capacity per sprint</h2>
              <p className="muted small">Each bar is a sprint's capacity; the blue and amber part is the safety reserve.</p>
              <SprintCapacityChart sprints={p.sprints} />
            </section>
            <section className="card" aria-labelledby="beyond-heading">
              <h2 id="beyond-heading" className="card-title">Displaced from the reserve</h2>
              <p className="muted small">Items that higher-priority work, such as a new critical tier-1 item, pushed past their sprint's safety reserve.</p>
              {beyond.length === 0 ? <p className="muted ok-note">None: every scheduled item fits in its sprint's reserve.</p> : (
                <ul className="displaced-list">
                  {beyond.map((i) => (
                    <li key={i.id}>
                      <Link className="strong-link" to={`/remediations/${itemKey(i)}`}>{itemKey(i)}</Link> {i.title}
                      <span className="muted small"> · {i.sprintName} · effort {formatPoints(i.effort)} · priority {formatPoints(i.priority)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <h2 className="section-title">Sprints</h2>
          <div className="sprint-list">
            {p.sprints.map((s) => <SprintCard key={s.id} sprint={s} sprints={p.sprints} canSchedule={canPlan} onScheduled={onScheduled} />)}
          </div>
          <section className="card" aria-labelledby="unscheduled-heading">
            <div className="card-head">
              <h2 id="unscheduled-heading" className="card-title">Not scheduled</h2>
              <span className="muted small">
                {p.unscheduled.total > p.unscheduled.items.length
                  ? `The ${p.unscheduled.items.length} of highest priority of ${p.unscheduled.total}` : `${p.unscheduled.total} open items`}
              </span>
            </div>
            <PlannedItemsTable items={p.unscheduled.items} sprints={p.sprints} canSchedule={canPlan} onScheduled={onScheduled}
              empty="Every open item is in a sprint." />
          </section>
        </div>
      )}
    </>
  );
}
