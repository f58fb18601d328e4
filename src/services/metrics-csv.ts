/** Metrics as CSV: one row per zone with its owner and figures, what a spreadsheet user expects. */
import { stringify } from 'csv-stringify/sync';
import type { Dashboard, Scorecard, ZoneMetricsRow } from './metrics.ts';

const COLUMNS = ['product', 'zone_key', 'zone_name', 'tier', 'owner_email', 'ttr_count', 'ttr_mean_hours', 'ttr_median_hours',
  'ttd_count', 'ttd_mean_days', 'opened', 'closed', 'closed_gap_rate', 'fixed', 'fixed_on_time', 'sla_compliance', 'open',
  'open_critical', 'open_high', 'open_medium', 'open_low', 'open_info', 'open_lt7d', 'open_7to30d', 'open_30to90d', 'open_gt90d',
  'awaiting_verification', 'overdue', 'safety_debt', 'triaged', 'false_positives', 'false_positive_rate', 'regressions'];

const cell = (v: number | null) => (v === null ? '' : v);

function row(r: ZoneMetricsRow): (string | number)[] {
  const f = r.figures;
  return [r.zone.product, r.zone.key, r.zone.name, r.zone.tier, r.owner.email, f.timeToRemediate.count, cell(f.timeToRemediate.meanHours),
    cell(f.timeToRemediate.medianHours), f.timeToDetect.count, cell(f.timeToDetect.meanDays), f.closedGapRate.opened, f.closedGapRate.closed,
    cell(f.closedGapRate.rate), f.slaCompliance.fixed, f.slaCompliance.onTime, cell(f.slaCompliance.rate), f.open.total,
    f.open.bySeverity.critical, f.open.bySeverity.high, f.open.bySeverity.medium, f.open.bySeverity.low, f.open.bySeverity.info,
    f.open.byAge.lt7d, f.open.byAge.d7to30, f.open.byAge.d30to90, f.open.byAge.gt90d, f.open.awaitingVerification, f.open.overdue,
    f.safetyDebt, f.falsePositives.triaged, f.falsePositives.falsePositive, cell(f.falsePositives.rate), f.regressions];
}

export function metricsCsv(m: Scorecard | Dashboard): string {
  return stringify([COLUMNS, ...m.zones.map(row)]);
}
