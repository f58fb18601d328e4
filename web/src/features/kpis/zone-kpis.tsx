import { Link } from 'react-router-dom';
import { kpisApi } from '../../api/kpis.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { targetLabel, valueLabel } from './kpi-labels.ts';
import { KpiMeasuresBadge, KpiStatusBadge } from './kpi-status-badge.tsx';
import { KpiSummary } from './kpi-summary.tsx';

/** The zone page's KPI section: each KPI's status with its rule; charts and recording are on /kpis. */
export function ZoneKpis({ zoneKey }: { zoneKey: string }) {
  const kpis = useResource(() => kpisApi.forZone(zoneKey), [zoneKey]);
  const link = `/kpis?zone=${encodeURIComponent(zoneKey)}`;
  return (
    <section className="card" aria-labelledby="zone-kpis-heading">
      <div className="card-head">
        <h2 id="zone-kpis-heading" className="card-title">Safety KPIs</h2>
        <Link to={link} className="btn btn-small">Charts and measurements</Link>
      </div>
      <ProblemAlert error={kpis.error} title="Could not load the KPIs" />
      {kpis.data && kpis.data.items.length === 0 && <p className="muted small">No KPIs yet. <Link to={link}>Add one</Link>.</p>}
      {kpis.data && kpis.data.items.length > 0 && (
        <>
          <KpiSummary summary={kpis.data.summary} />
          {kpis.data.items.map((k) => (
            <div key={k.id} className="kpi-zone-row">
              <div>
                <strong>{k.name}</strong> <KpiMeasuresBadge kpi={k} />
                <p className="kpi-rule">{k.status.rule}</p>
                <p className="muted small">
                  {k.targetKind ? `Target ${targetLabel(k)}` : 'No target'} · latest {k.latest ? valueLabel(k.latest.value, k.unit) : 'none yet'}
                  {k.paired ? ` · paired with ${k.paired.name}` : ''}
                </p>
              </div>
              <KpiStatusBadge status={k.status.status} rule={k.status.rule} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
