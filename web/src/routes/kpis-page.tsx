import { useState } from 'react';
import { useLiveSearchParams } from '../ui/use-live-search-params.ts';
import { kpisApi } from '../api/kpis.ts';
import { useResource } from '../api/use-resource.ts';
import { zonesApi } from '../api/zones.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { KpiCard } from '../features/kpis/kpi-card.tsx';
import { KpiForm } from '../features/kpis/kpi-form.tsx';
import { KpiSummary } from '../features/kpis/kpi-summary.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Field } from '../ui/field.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

/** Safety KPIs: status badges with the rule, a chart per KPI with its target (dual metrics together), adding and recording. */
export function KpisPage() {
  const [params, setParams] = useLiveSearchParams();
  const zone = params.get('zone') ?? '';
  const includeActivity = params.get('activity') === '1';
  const [adding, setAdding] = useState(false);
  const role = useRole();
  const kpis = useResource(() => kpisApi.list({ zone: zone || undefined, includeActivity }), [zone, includeActivity]);
  const zones = useResource(() => zonesApi.list({ limit: 500 }), []);
  const set = (key: string, value: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }, { replace: true });
  const canAdd = role === 'admin' || role === 'lead';
  const items = kpis.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Safety KPIs"
        subtitle="Outcome metrics of each zone against their targets. The status comes from the trend; the rule says how."
        actions={canAdd && (
          <button type="button" className="btn btn-primary" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
            {adding ? 'Close' : 'Add a KPI'}
          </button>
        )}
      />
      {adding && (
        <section className="card kpi-add" aria-label="Add a KPI">
          <h2 className="card-title">Add a KPI</h2>
          <KpiForm zones={zones.data?.items ?? []} {...(zone ? { zoneKey: zone } : {})} pairable={items}
            onDone={() => kpis.reload()} />
        </section>
      )}
      <div className="form-row" role="search">
        <Field label="Zone">
          <select value={zone} onChange={(e) => set('zone', e.target.value)}>
            <option value="">All zones</option>
            {(zones.data?.items ?? []).map((z) => <option key={z.key} value={z.key}>{z.name}</option>)}
          </select>
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={includeActivity} onChange={(e) => set('activity', e.target.checked ? '1' : '')} />
          Show activity metrics (not in scorecards)
        </label>
      </div>
      <ProblemAlert error={kpis.error} title="Could not load the KPIs" />
      {!kpis.data && !kpis.error && <Loading label="Loading KPIs…" />}
      {kpis.data && (
        <>
          <KpiSummary summary={kpis.data.summary} />
          {items.length === 0 && <p className="muted">No KPIs {zone ? 'in this zone ' : ''}yet.</p>}
          <div className="kpi-list">
            {items.map((k) => <KpiCard key={k.id} kpi={k} onChange={() => kpis.reload()} />)}
          </div>
        </>
      )}
    </>
  );
}
