/** The SLA clock in words: "3 days left", "overdue by 2 days", "paused", "stopped (fixed)". */
import type { RemediationSummary } from '../../../../src/contracts/remediations.ts';

export type SlaTone = 'ok' | 'soon' | 'overdue' | 'paused' | 'stopped';

const CLOCK_STOPPED = new Set(['fixed', 'verified', 'obsolete']);

function span(hours: number): string {
  const h = Math.abs(hours);
  if (h < 1) return 'less than an hour';
  if (h < 48) { const n = Math.round(h); return `${n} ${n === 1 ? 'hour' : 'hours'}`; }
  const d = Math.round(h / 24);
  return `${d} ${d === 1 ? 'day' : 'days'}`;
}

export function slaText(item: Pick<RemediationSummary, 'sla' | 'status'>): { text: string; tone: SlaTone } {
  const { sla, status } = item;
  if (sla.paused) return { text: 'paused', tone: 'paused' };
  if (CLOCK_STOPPED.has(status)) {
    return { text: status === 'fixed' ? 'stopped: awaiting verification' : 'closed', tone: 'stopped' };
  }
  if (sla.timeLeftHours < 0) return { text: `overdue by ${span(sla.timeLeftHours)}`, tone: 'overdue' };
  return { text: `${span(sla.timeLeftHours)} left`, tone: sla.timeLeftHours < 72 ? 'soon' : 'ok' };
}
