import type { Kpi, KpiStatus } from '../../../../src/contracts/kpis.ts';
import { KPI_STATUS_LABELS } from './kpi-labels.ts';

/** The computed status of a KPI; the rule behind it is the title (and shown beside it by callers). */
export function KpiStatusBadge({ status, rule }: { status: KpiStatus; rule?: string }) {
  return <span className={`badge badge-kpi-${status}`} title={rule}>{KPI_STATUS_LABELS[status]}</span>;
}

/** Marks metrics that count activity rather than outcome: they stay out of scorecards. */
export function KpiMeasuresBadge({ kpi }: { kpi: Pick<Kpi, 'measures' | 'category'> }) {
  return (
    <>
      {kpi.measures === 'activity' && <span className="badge badge-muted" title="Counts activity, not an outcome: left out of scorecards">Activity</span>}
      {kpi.category === 'business' && <span className="badge badge-kpi-business">Business</span>}
    </>
  );
}
