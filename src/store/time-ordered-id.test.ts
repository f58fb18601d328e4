import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.ts';

describe('timeOrderedId', () => {
  it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const id = timeOrderedId(Date.UTC(2026, 11, 7, 2, 30));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 11, 7, 2, 30));
  });

  it('sorts ids of later milliseconds after earlier ones, and never repeats one', () => {
    const t = Date.now();
    const early = Array.from({ length: 1000 }, () => timeOrderedId(t));
    const late = Array.from({ length: 1000 }, () => timeOrderedId(t + 1));
    expect(new Set([...early, ...late]).size).toBe(2000);
    expect(early.every((e) => late.every((l) => e < l))).toBe(true);
  });
});
