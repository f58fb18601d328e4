import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.ts';

describe('calendar dates', () => {
  it('takes real days in YYYY-MM-DD only', () => {
    expect(isCalendarDate('2027-03-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(isCalendarDate('2027-3-1')).toBe(false);
    expect(isCalendarDate('2027-03-01T00:00:00Z')).toBe(false);
  });
});
