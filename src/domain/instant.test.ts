import { describe, expect, it } from 'vitest';
import { parseInstant } from './instant.ts';

describe('parseInstant', () => {
  it('reads dates as midnight UTC and date-times with or without a zone', () => {
    expect(parseInstant('2026-05-01')).toBe('2026-05-01T00:00:00.000Z');
    expect(parseInstant(' 2026-05-01T10:30 ')).toBe('2026-05-01T10:30:00.000Z');
    expect(parseInstant('2026-05-01 10:30:15.5Z')).toBe('2026-05-01T10:30:15.500Z');
    expect(parseInstant('2026-05-01T10:30:00+02:00')).toBe('2026-05-01T08:30:00.000Z');
    expect(parseInstant('2026-05-01T10:30:00-0130')).toBe('2026-05-01T12:00:00.000Z');
  });

  it('refuses what is not a real day or time', () => {
    for (const bad of ['2026-02-30', '2026-05-01T24:00', '2026-05-01T10:61', 'yesterday', '05/01/2026', '', '2026-05-01T10']) {
      expect([bad, parseInstant(bad)]).toEqual([bad, null]);
    }
  });
});
