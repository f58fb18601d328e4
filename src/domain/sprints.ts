/** Splitting a planning period into sprints, and the rules a period's sprints must keep. Dates are YYYY-MM-DD, inclusive. */
import { InputError } from './errors.ts';

const DAY_MS = 86_400_000;

export interface SprintDates {
  startsOn: string;
  endsOn: string;
}

const toDay = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Days in [startsOn, endsOn], both included. */
export function daysIn(startsOn: string, endsOn: string): number {
  return toDay(endsOn) - toDay(startsOn) + 1;
}

/** `count` back-to-back sprints covering the period, as even as whole days allow. */
export function splitPeriod(period: SprintDates, count: number): SprintDates[] {
  const start = toDay(period.startsOn);
  const days = daysIn(period.startsOn, period.endsOn);
  if (!Number.isInteger(count) || count < 1) throw InputError.field('sprints.count', 'a period needs at least one sprint');
  if (days < count * 2) {
    throw InputError.field('sprints.count', `${days} days cannot hold ${count} sprints of at least two days each`);
  }
  return Array.from({ length: count }, (_, i) => ({
    startsOn: fromDay(start + Math.floor((i * days) / count)),
    endsOn: fromDay(start + Math.floor(((i + 1) * days) / count) - 1),
  }));
}

/** Explicit sprints must lie in the period, in order, without overlap, each ending after it starts. */
export function checkSprints(period: SprintDates, sprints: readonly SprintDates[]): void {
  if (toDay(period.endsOn) <= toDay(period.startsOn)) throw InputError.field('endsOn', 'the period must end after it starts');
  sprints.forEach((s, i) => {
    const field = `sprints.${i}`;
    if (toDay(s.endsOn) <= toDay(s.startsOn)) throw InputError.field(`${field}.endsOn`, 'a sprint must end after it starts');
    if (s.startsOn < period.startsOn || s.endsOn > period.endsOn) {
      throw InputError.field(field, `sprint ${s.startsOn}…${s.endsOn} lies outside the period ${period.startsOn}…${period.endsOn}`);
    }
    const prev = sprints[i - 1];
    if (prev && s.startsOn <= prev.endsOn) {
      throw InputError.field(`${field}.startsOn`, `sprint ${i + 1} starts before sprint ${i} ends (${prev.endsOn})`);
    }
  });
}
