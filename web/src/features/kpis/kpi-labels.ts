import type { Kpi, KpiStatus } from '../../../../src/contracts/kpis.ts';

export const KPI_STATUS_LABELS: Record<KpiStatus, string> = {
  on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', no_data: 'No data',
};

/** The target as people say it: "≤ 3.5 %" or "−15 % quarter over quarter". */
export function targetLabel(k: Pick<Kpi, 'targetKind' | 'targetValue' | 'targetPeriod' | 'direction' | 'unit'>): string {
  if (k.targetKind === null || k.targetValue === null) return 'No target';
  if (k.targetKind === 'relative') {
    const pct = Math.round(k.targetValue * 1000) / 10;
    return `${pct > 0 ? '+' : '−'}${Math.abs(pct)} % ${k.targetPeriod} over ${k.targetPeriod}`;
  }
  return `${k.direction === 'lower' ? '≤' : '≥'} ${k.targetValue}${k.unit ? ` ${k.unit}` : ''}`;
}

export function valueLabel(value: number, unit: string): string {
  const v = Number(value.toFixed(Math.abs(value) >= 100 ? 0 : 2)).toString();
  return unit ? `${v} ${unit}` : v;
}
