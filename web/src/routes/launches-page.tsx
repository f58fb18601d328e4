import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { launchesApi } from '../api/launches.ts';
import { premortemsApi } from '../api/premortems.ts';
import { prdsApi } from '../api/prds.ts';
import { useResource } from '../api/use-resource.ts';
import { can } from '../features/auth/permissions.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { LaunchCreateForm } from '../features/launches/launch-create-form.tsx';
import { LaunchesTable } from '../features/launches/launches-table.tsx';
import { PremortemCreateForm } from '../features/premortems/premortem-create-form.tsx';
import { CAN_MANAGE_PREMORTEMS, CAN_PLAN_LAUNCHES } from '../features/prds/prd-permissions.ts';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { formatDate } from '../ui/dates.ts';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function LaunchesPage() {
  const role = useRole();
  const navigate = useNavigate();
  const launches = useResource(() => launchesApi.list(), []);
  const prds = useResource(() => prdsApi.list(), []);
  const premortems = useResource(() => premortemsApi.list(), []);
  const zones = useZoneOptions();
  const [form, setForm] = useState<'launch' | 'premortem' | null>(null);
  const toggle = (f: 'launch' | 'premortem') => setForm((cur) => (cur === f ? null : f));
  return (
    <>
      <PageHeader title="Launches"
        subtitle="Planned launches and their gates: PRD approved, pre-mortem done, no open critical or overdue high finding, no KPI regression, no expired risk acceptance."
        actions={(
          <>
            {can(role, CAN_MANAGE_PREMORTEMS) && <button type="button" className="btn" aria-expanded={form === 'premortem'} onClick={() => toggle('premortem')}>New pre-mortem</button>}
            {can(role, CAN_PLAN_LAUNCHES) && <button type="button" className="btn btn-primary" aria-expanded={form === 'launch'} onClick={() => toggle('launch')}>Plan a launch</button>}
          </>
        )} />
      {form === 'launch' && (
        <LaunchCreateForm zones={zones.data?.items ?? []} prds={prds.data?.items ?? []} premortems={premortems.data?.items ?? []}
          onCreated={(l) => navigate(`/launches/${encodeURIComponent(l.id)}`)} />
      )}
      {form === 'premortem' && <PremortemCreateForm zones={zones.data?.items ?? []} onCreated={(p) => navigate(`/premortems/${encodeURIComponent(p.id)}`)} />}
      <ProblemAlert error={launches.error} title="Could not load launches" />
      {launches.loading && !launches.data && <Loading label="Loading launches…" />}
      {launches.data && (launches.data.items.length === 0 ? <EmptyState title="No launches planned" /> : <LaunchesTable launches={launches.data.items} />)}
      {premortems.data && premortems.data.items.length > 0 && (
        <section aria-labelledby="premortems-heading">
          <h2 id="premortems-heading" className="section-title">Pre-mortems</h2>
          <ul>
            {premortems.data.items.map((p) => (
              <li key={p.id}>
                <Link to={`/premortems/${encodeURIComponent(p.id)}`}>{p.release}</Link>
                <span className="muted small"> · {p.zone.name} · {formatDate(p.heldOn)} · {p.completedAt ? 'done' : 'open'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
