/** Board sessions: the cadence that dates the next one, and the status flow planned → held → closed. */
import { addDays, daysBetween } from './calendar-date.ts';
import { ConflictError } from './errors.ts';

export const BOARD_SESSION_STATUSES = ['planned', 'held', 'closed'] as const;
export type BoardSessionStatus = (typeof BOARD_SESSION_STATUSES)[number];

/**
 * The date of the next session: the first date on the cadence after the latest session that is
 * not before today; today when there has been no session. A missed date rolls forward by whole
 * cadences, so the board keeps its weekday.
 */
export function nextSessionDate(latest: string | null, cadenceDays: number, today: string): string {
  if (latest === null) return today;
  const next = addDays(latest, cadenceDays);
  if (next >= today) return next;
  const behind = daysBetween(next, today);
  return addDays(next, Math.ceil(behind / cadenceDays) * cadenceDays);
}

const NEXT: Record<BoardSessionStatus, readonly BoardSessionStatus[]> = {
  planned: ['held', 'closed'],
  held: ['closed'],
  closed: [],
};

/** Refuses a move the flow does not allow, saying what is allowed. */
export function checkSessionMove(from: BoardSessionStatus, to: BoardSessionStatus): void {
  if (NEXT[from].includes(to)) return;
  if (from === 'closed') throw new ConflictError('The session is closed: its minutes are final');
  throw new ConflictError(`A session that is ${from} cannot become ${to}; it can become ${NEXT[from].join(' or ')}`);
}

/** Decisions and action items are recorded until the session is closed. */
export function checkRecording(status: BoardSessionStatus): void {
  if (status === 'closed') throw new ConflictError('The session is closed: its minutes are final; record this in the next session');
}
