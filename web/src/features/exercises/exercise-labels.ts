import type { Exercise } from '../../../../src/contracts/exercises.ts';

/** "2026-11-02 – 2026-11-06", or "since 2026-11-02 (ongoing)". */
export function exerciseDates(x: Pick<Exercise, 'startedOn' | 'endedOn'>): string {
  return x.endedOn ? (x.endedOn === x.startedOn ? x.startedOn : `${x.startedOn} – ${x.endedOn}`) : `since ${x.startedOn} (ongoing)`;
}

/** Participants typed one a line or separated by commas. */
export function parseParticipants(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}
