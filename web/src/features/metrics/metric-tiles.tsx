import type { MetricsFigures } from '../../../../src/contracts/metrics.ts';
import { formatCount, formatDays, formatHours, formatPoints, formatRate } from './format.ts';

interface TileProps {
  metric: string;
  label: string;
  value: string;
  note: string;
  tone?: 'danger' | 'ok' | undefined;
}

function Tile({ metric, label, value, note, tone }: TileProps) {
  return (
    <div className={`tile tile-metric${tone ? ` tile-${tone}` : ''}`} data-metric={metric}>
      <span className="tile-label">{label}</span>
      <span className="tile-value">{value}</span>
      <span className="tile-note">{note}</span>
    </div>
  );
}

/** The headline figures of a scorecard or dashboard, each with what it counts. */
export function MetricTiles({ figures }: { figures: MetricsFigures }) {
  const { timeToRemediate: ttr, timeToDetect: ttd, closedGapRate: gap, slaCompliance: sla, open, falsePositives: fp } = figures;
  const verified = formatCount(ttr.count, 'item') + ' verified';
  return (
    <div className="tiles tiles-metrics">
      <Tile metric="ttr-mean" label="Time to remediate · mean" value={formatHours(ttr.meanHours)} note={verified} />
      <Tile metric="ttr-median" label="Time to remediate · median" value={formatHours(ttr.medianHours)} note={verified} />
      <Tile metric="ttd" label="Time to detect · mean" value={formatDays(ttd.meanDays)}
        note={ttd.count > 0 ? `median ${formatDays(ttd.medianDays)} · ${formatCount(ttd.count, 'finding')}` : 'no finding with a known introduction date'} />
      <Tile metric="closed-gap" label="Closed-gap rate" value={formatRate(gap.rate)}
        note={`${gap.closed} closed of ${gap.opened} opened`} />
      <Tile metric="sla" label="SLA compliance" value={formatRate(sla.rate)}
        note={sla.fixed > 0 ? `${sla.onTime} of ${sla.fixed} fixed on time` : 'nothing fixed in the period'}
        tone={sla.rate !== null && sla.rate < 0.8 ? 'danger' : sla.rate !== null ? 'ok' : undefined} />
      <Tile metric="overdue" label="Overdue" value={String(open.overdue)}
        note={`of ${formatCount(open.total, 'open item')} · ${open.awaitingVerification} awaiting verification`}
        tone={open.overdue > 0 ? 'danger' : 'ok'} />
      <Tile metric="debt" label="Safety debt" value={formatPoints(figures.safetyDebt)}
        note="effort × interest of overdue items, now" tone={figures.safetyDebt > 0 ? 'danger' : 'ok'} />
      <Tile metric="regressions" label="Regressions" value={String(figures.regressions)}
        note={`false positives ${formatRate(fp.rate)} of ${formatCount(fp.triaged, 'finding')} triaged`}
        tone={figures.regressions > 0 ? 'danger' : undefined} />
    </div>
  );
}
