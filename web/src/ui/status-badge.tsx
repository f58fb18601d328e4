import type { PersonRef } from '../../../src/contracts/common.ts';

const LABELS: Record<PersonRef['status'], string> = { active: 'Active', deactivated: 'Deactivated', left: 'Left' };

/** A badge for a person's status; nothing when they are active unless `always`. */
export function StatusBadge({ status, always = false }: { status: PersonRef['status']; always?: boolean }) {
  if (status === 'active' && !always) return null;
  return <span className={`badge badge-status-${status}`}>{LABELS[status]}</span>;
}
