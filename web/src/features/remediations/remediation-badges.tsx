import type { RemediationStatus, RemediationSummary } from '../../../../src/contracts/remediations.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { STATUS_LABELS, STATUS_MEANINGS } from './remediation-labels.ts';
import { slaText } from './sla-text.ts';

export function RemediationStatusBadge({ status }: { status: RemediationStatus }) {
  return <span className={`badge badge-rstatus-${status}`} title={STATUS_MEANINGS[status]}>{STATUS_LABELS[status]}</span>;
}

/** "3 days left", "overdue by 2 days", "paused", coloured by urgency; the due date on hover. */
export function SlaBadge({ item }: { item: Pick<RemediationSummary, 'sla' | 'status'> }) {
  const { text, tone } = slaText(item);
  return (
    <span className={`sla sla-${tone}`} title={`Due ${formatDateTime(item.sla.dueAt)}`} data-testid="sla">{text}</span>
  );
}

/** The 0–100 score with a bar, so a column of them reads at a glance. */
export function PriorityMeter({ value }: { value: number }) {
  const pct = Math.max(0, Math.min(100, value));
  return (
    <span className="priority" title={`Priority ${value} of 100`}>
      <span className="priority-value">{value.toFixed(1)}</span>
      <span className="priority-track" aria-hidden="true"><span className="priority-bar" style={{ width: `${pct}%` }} /></span>
    </span>
  );
}
