import type { KpiStatus, KpiStatusCounts } from '../../../../src/contracts/kpis.ts';
import { KPI_STATUS_LABELS } from './kpi-labels.ts';

const ORDER: KpiStatus[] = ['off_track', 'at_risk', 'on_track', 'no_data'];

/** Counts of KPIs by status: "2 off track · 1 at risk · 3 on track". */
export function KpiSummary({ summary }: { summary: KpiStatusCounts }) {
  return (
    <p className="kpi-summary" aria-label="KPIs by status">
      {ORDER.filter((s) => summary[s] > 0).map((s) => (
        <span key={s} className={`badge badge-kpi-${s}`}>{summary[s]} {KPI_STATUS_LABELS[s].toLowerCase()}</span>
      ))}
    </p>
  );
}
