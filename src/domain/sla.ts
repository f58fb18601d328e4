/**
 * The SLA clock of a remediation item (ADR 7): due = created + slaDays[severity][tier] plus all
 * paused time. While paused, time left is frozen at the moment of the pause; `fixed` stops the
 * clock too (the SLA measures time to fix). Overdue only while planned, in progress or reopened.
 */
import { OPEN_STATUSES, type RemediationStatus } from './remediation-status.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SlaState {
  dueAt: string;
  /** When the clock was paused by a decision, or null while it runs. */
  pausedAt: string | null;
  status: RemediationStatus;
  /** When the item was marked fixed (stops the clock while fixed or verified). */
  fixedAt: string | null;
}

export interface SlaView {
  dueAt: string;
  paused: boolean;
  timeLeftHours: number;
  overdue: boolean;
}

/** The first due date: created + days. */
export function dueAt(createdAt: string, days: number): string {
  return new Date(new Date(createdAt).getTime() + days * DAY).toISOString();
}

/** The due date moved later by a span the clock did not run (a pause, or a time as fixed). */
export function extendDue(due: string, from: string, to: string): string {
  const span = Math.max(0, new Date(to).getTime() - new Date(from).getTime());
  return new Date(new Date(due).getTime() + span).toISOString();
}

const STOPPED: readonly RemediationStatus[] = ['fixed', 'verified'];

/** The instant the clock reads: now, or when it stopped (pause, fix). */
function clockAt(s: SlaState, now: Date): number {
  if (s.pausedAt) return new Date(s.pausedAt).getTime();
  if (STOPPED.includes(s.status) && s.fixedAt) return new Date(s.fixedAt).getTime();
  return now.getTime();
}

/** Hours until due (negative when past due), one decimal; frozen while paused or fixed. */
export function timeLeft(s: SlaState, now: Date): number {
  return Math.round((new Date(s.dueAt).getTime() - clockAt(s, now)) / (HOUR / 10)) / 10;
}

/** Past due while the clock counts: planned, in progress or reopened, and not paused. */
export function isOverdue(s: SlaState, now: Date): boolean {
  if (!OPEN_STATUSES.includes(s.status)) return false;
  return clockAt(s, now) > new Date(s.dueAt).getTime();
}

export function slaView(s: SlaState, now: Date): SlaView {
  return { dueAt: s.dueAt, paused: s.pausedAt !== null, timeLeftHours: timeLeft(s, now), overdue: isOverdue(s, now) };
}
