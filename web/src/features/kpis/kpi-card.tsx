import { useState } from 'react';
import type { Kpi } from '../../../../src/contracts/kpis.ts';
import { kpisApi } from '../../api/kpis.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { formatDate } from '../../ui/dates.ts';
import { KpiChart } from './kpi-chart.tsx';
import { targetLabel, valueLabel } from './kpi-labels.ts';
import { KpiMeasuresBadge, KpiStatusBadge } from './kpi-status-badge.tsx';
import { MeasurementForm } from './measurement-form.tsx';

/** One KPI: status with its rule, the facts, the chart with its target (and pair), and recording a value. */
export function KpiCard({ kpi, onChange }: { kpi: Kpi; onChange: () => void }) {
  const [version, setVersion] = useState(0);
  const [recording, setRecording] = useState(false);
  const series = useResource(() => kpisApi.series(kpi.key), [kpi.key, version, kpi.updatedAt]);
  const headingId = `kpi-${kpi.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="kpi-card-head">
        <h3 id={headingId}>{kpi.name} <span className="muted mono small">{kpi.key}</span></h3>
        <div>
          <KpiMeasuresBadge kpi={kpi} />
          <KpiStatusBadge status={kpi.status.status} rule={kpi.status.rule} />
        </div>
      </div>
      <p className="kpi-rule">{kpi.status.rule}</p>
      <div className="kpi-facts">
        <span>Zone <strong>{kpi.zone.name}</strong></span>
        <span>Target <strong>{targetLabel(kpi)}</strong></span>
        {kpi.baseline !== null && <span>Baseline <strong>{valueLabel(kpi.baseline, kpi.unit)}</strong></span>}
        <span>Latest <strong>{kpi.latest ? `${valueLabel(kpi.latest.value, kpi.unit)} on ${formatDate(kpi.latest.at)}` : 'none yet'}</strong></span>
        <span>{kpi.direction === 'lower' ? 'Lower' : 'Higher'} is better · {kpi.kind} · {kpi.cadence}</span>
        {kpi.paired && <span>Paired with <strong>{kpi.paired.name}</strong></span>}
      </div>
      <ProblemAlert error={series.error} title="Could not load the measurements" />
      {series.data && <KpiChart series={series.data} />}
      {kpi.permissions.record && (
        <>
          <button type="button" className="btn btn-small" aria-expanded={recording} onClick={() => setRecording((r) => !r)}>
            {recording ? 'Close' : 'Record a measurement'}
          </button>
          {recording && <MeasurementForm kpi={kpi} onDone={() => { setVersion((v) => v + 1); onChange(); }} />}
        </>
      )}
    </section>
  );
}
