import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { ageBucket, bucketStart, defaultBucket, mean, median, parsePeriod, rate, roundHours, trendPoints } from './metrics.ts';

const NOW = new Date('2026-12-02T08:30:00Z');

describe('metric math', () => {
  it('means and medians, none for no values', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('rates to four decimals, and no rate when nothing was counted', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 5)).toBe(0);
    expect(rate(3, 0)).toBeNull();
    expect(roundHours(1.23456)).toBe(1.23);
  });

  it('puts an open item in its age bucket, lower bounds inclusive', () => {
    expect([0, 6.99, 7, 29.9, 30, 89, 90, 400].map(ageBucket)).toEqual(
      ['lt7d', 'lt7d', 'd7to30', 'd7to30', 'd30to90', 'd30to90', 'gt90d', 'gt90d']);
  });
});

describe('periods', () => {
  it('reads the last days, weeks and months up to now', () => {
    expect(parsePeriod({ period: '90d' }, NOW)).toEqual({ from: new Date('2026-09-03T08:30:00Z'), to: NOW, label: '90d' });
    expect(parsePeriod({}, NOW).label).toBe('90d');
    expect(parsePeriod({ period: '2w' }, NOW).from).toEqual(new Date('2026-11-18T08:30:00Z'));
    expect(parsePeriod({ period: '3m' }, NOW).from).toEqual(new Date('2026-09-02T08:30:00Z'));
  });

  it('reads calendar quarters, months and years in UTC, and explicit dates', () => {
    expect(parsePeriod({ period: '2026-Q3' }, NOW)).toMatchObject({ from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') });
    expect(parsePeriod({ period: '2026-q4' }, NOW).to).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(parsePeriod({ period: '2026-02' }, NOW)).toMatchObject({ from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') });
    expect(parsePeriod({ period: '2025' }, NOW).to).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(parsePeriod({ from: '2026-11-01' }, NOW)).toMatchObject({ from: new Date('2026-11-01T00:00:00Z'), to: NOW });
    expect(parsePeriod({ from: '2026-11-01', to: '2026-11-15T12:00:00Z' }, NOW).to).toEqual(new Date('2026-11-15T12:00:00Z'));
  });

  it('refuses, naming the field, what is not a period', () => {
    const field = (input: Parameters<typeof parsePeriod>[0]) => {
      try { parsePeriod(input, NOW); } catch (e) { return e instanceof InputError ? e.issues[0]?.field : 'other'; }
      return 'accepted';
    };
    expect(field({ period: 'last week' })).toBe('period');
    expect(field({ period: '2026-13' })).toBe('period');
    expect(field({ period: '0d' })).toBe('period');
    expect(field({ period: '5000d' })).toBe('period');
    expect(field({ to: '2026-11-01' })).toBe('from');
    expect(field({ from: 'yesterday' })).toBe('from');
    expect(field({ from: '2026-11-10', to: '2026-11-01' })).toBe('to');
    expect(field({ period: '90d', from: '2026-11-01' })).toBe('period');
  });
});

describe('trend points', () => {
  it('splits a period into calendar weeks starting Monday, the first and last clipped', () => {
    const p = { from: new Date('2026-11-04T10:00:00Z'), to: new Date('2026-11-20T00:00:00Z'), label: 'x' };
    expect(bucketStart(p.from, 'week')).toEqual(new Date('2026-11-02T00:00:00Z'));
    expect(trendPoints(p, 'week').map((t) => [t.start.toISOString().slice(0, 10), t.from.toISOString(), t.to.toISOString()])).toEqual([
      ['2026-11-02', '2026-11-04T10:00:00.000Z', '2026-11-09T00:00:00.000Z'],
      ['2026-11-09', '2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z'],
      ['2026-11-16', '2026-11-16T00:00:00.000Z', '2026-11-20T00:00:00.000Z'],
    ]);
  });

  it('uses months for long periods', () => {
    const year = parsePeriod({ period: '2026' }, NOW);
    expect(defaultBucket(year)).toBe('month');
    expect(defaultBucket(parsePeriod({ period: '90d' }, NOW))).toBe('week');
    expect(trendPoints(year, 'month')).toHaveLength(12);
    expect(bucketStart(new Date('2026-03-31T23:00:00Z'), 'month')).toEqual(new Date('2026-03-01T00:00:00Z'));
  });
});
