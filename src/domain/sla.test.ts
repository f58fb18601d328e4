import { describe, expect, it } from 'vitest';
import { dueAt, extendDue, isOverdue, slaView, timeLeft, type SlaState } from './sla.ts';

const created = '2026-01-01T00:00:00.000Z';
const due = dueAt(created, 7);
const at = (iso: string) => new Date(iso);
const state = (extra: Partial<SlaState> = {}): SlaState => ({ dueAt: due, pausedAt: null, status: 'in_progress', fixedAt: null, ...extra });

describe('SLA clock', () => {
  it('is due the given days after creation', () => {
    expect(due).toBe('2026-01-08T00:00:00.000Z');
    expect(dueAt(created, 0)).toBe(created);
  });

  it('counts down, then is overdue while open', () => {
    expect(timeLeft(state(), at('2026-01-07T12:00:00Z'))).toBe(12);
    expect(isOverdue(state(), at('2026-01-07T12:00:00Z'))).toBe(false);
    expect(timeLeft(state(), at('2026-01-09T00:00:00Z'))).toBe(-24);
    expect(isOverdue(state(), at('2026-01-09T00:00:00Z'))).toBe(true);
    expect(isOverdue(state({ status: 'reopened' }), at('2026-01-09T00:00:00Z'))).toBe(true);
  });

  it('freezes while paused: time left stays where the pause caught it', () => {
    const paused = state({ pausedAt: '2026-01-05T00:00:00.000Z' });
    expect(timeLeft(paused, at('2026-01-20T00:00:00Z'))).toBe(72);
    expect(isOverdue(paused, at('2026-01-20T00:00:00Z'))).toBe(false);
    expect(slaView(paused, at('2026-01-20T00:00:00Z'))).toEqual({ dueAt: due, paused: true, timeLeftHours: 72, overdue: false });
    // resuming on the 20th moves the due date by the 15 paused days
    expect(extendDue(due, '2026-01-05T00:00:00.000Z', '2026-01-20T00:00:00.000Z')).toBe('2026-01-23T00:00:00.000Z');
  });

  it('stops when fixed: a fixed or verified item is never overdue, and its time left is kept', () => {
    const fixed = state({ status: 'fixed', fixedAt: '2026-01-06T00:00:00.000Z' });
    expect(isOverdue(fixed, at('2026-02-01T00:00:00Z'))).toBe(false);
    expect(timeLeft(fixed, at('2026-02-01T00:00:00Z'))).toBe(48);
    expect(isOverdue(state({ status: 'verified', fixedAt: '2026-01-06T00:00:00.000Z' }), at('2026-02-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(state({ status: 'obsolete' }), at('2026-02-01T00:00:00Z'))).toBe(false);
  });
});
