/**
 * "Needs re-scoping" (ADR 0007): an open item with no activity for `staleAfterDays`; one whose
 * linked findings are all no longer reproduced while it is still planned or in progress; one
 * whose zone changed owner after it was created; one with a linked finding in another zone.
 */
import { OPEN_STATUSES, type RemediationStatus } from './remediation-status.ts';

const DAY_MS = 86_400_000;

export type StaleReasonCode = 'no_activity' | 'findings_not_reproduced' | 'zone_owner_changed' | 'finding_in_other_zone';

export interface StaleReason {
  code: StaleReasonCode;
  message: string;
}

export interface StalenessInput {
  status: RemediationStatus;
  zoneId: string;
  createdAt: Date;
  lastActivityAt: Date;
  /** When the item's zone last changed owner, or null when it never did. */
  zoneHandedOffAt: Date | null;
  findings: readonly { status: 'open' | 'fixed_unverified' | 'verified'; zoneId: string | null }[];
}

/** The reasons an item needs re-scoping; empty when it does not (closed items never do). */
export function staleReasons(item: StalenessInput, now: Date, staleAfterDays: number): StaleReason[] {
  if (!OPEN_STATUSES.includes(item.status)) return [];
  const reasons: StaleReason[] = [];
  const idleDays = Math.floor((now.getTime() - item.lastActivityAt.getTime()) / DAY_MS);
  if (idleDays >= staleAfterDays) {
    reasons.push({ code: 'no_activity', message: `no activity for ${idleDays} days (the policy allows ${staleAfterDays})` });
  }
  const gone = item.findings.filter((f) => f.status !== 'open').length;
  if (item.findings.length > 0 && gone === item.findings.length && item.status !== 'reopened') {
    reasons.push({
      code: 'findings_not_reproduced',
      message: item.findings.length === 1
        ? 'its finding is no longer reproduced, but the item is still open'
        : `none of its ${item.findings.length} findings is reproduced any more, but the item is still open`,
    });
  }
  if (item.zoneHandedOffAt && item.zoneHandedOffAt.getTime() > item.createdAt.getTime()) {
    reasons.push({
      code: 'zone_owner_changed',
      message: `its zone changed owner on ${item.zoneHandedOffAt.toISOString().slice(0, 10)}, after the item was planned`,
    });
  }
  const elsewhere = item.findings.filter((f) => f.zoneId !== null && f.zoneId !== item.zoneId).length;
  if (elsewhere > 0) {
    reasons.push({
      code: 'finding_in_other_zone',
      message: elsewhere === 1 ? 'a linked finding now sits in another zone' : `${elsewhere} linked findings now sit in other zones`,
    });
  }
  return reasons;
}
