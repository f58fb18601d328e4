import { describe, expect, it } from 'vitest';
import type { Queryable } from '../store/db.ts';
import type { Actor } from './actor.ts';
import { SequenceCache } from './read-cache.ts';

const actor = (orgSeq: number, orgId = 'org-a'): Actor => ({ orgId, userId: 'u', role: 'viewer', label: 'user:u', orgSeq });
const noCopy = () => Promise.reject(new Error('no COPY here'));
const noDb: Queryable = { query: () => Promise.reject(new Error('the sequence comes with the actor')), copyIn: noCopy };

describe('sequence cache', () => {
  it('serves an entry while the organization has not changed, and recomputes once it has', async () => {
    const cache = new SequenceCache<string[]>(noDb, (v) => v.length, 100);
    let computed = 0;
    const compute = async () => { computed += 1; return [`v${computed}`]; };
    expect(await cache.get(actor(7), 'page', compute)).toEqual(['v1']);
    expect(await cache.get(actor(7), 'page', compute)).toEqual(['v1']);
    expect(await cache.get(actor(8), 'page', compute)).toEqual(['v2']);
    expect(await cache.get(actor(8, 'org-b'), 'page', compute)).toEqual(['v3']);
    expect(computed).toBe(3);
  });

  it('reads the sequence itself when the actor does not carry it', async () => {
    let seq = 1;
    const db: Queryable = { query: async <T>() => [{ seq, hash: 'h' }] as T[], copyIn: noCopy };
    const cache = new SequenceCache<number>(db, () => 1, 10);
    let computed = 0;
    const compute = async () => ++computed;
    const system: Actor = { orgId: 'o', userId: null, role: 'admin', label: 'system:cli' };
    expect(await cache.get(system, 'k', compute)).toBe(1);
    expect(await cache.get(system, 'k', compute)).toBe(1);
    seq = 2;
    expect(await cache.get(system, 'k', compute)).toBe(2);
  });

  it('evicts the least recently used entries beyond its weight', async () => {
    const cache = new SequenceCache<string[]>(noDb, (v) => v.length, 5);
    const rows = (n: number, tag: string) => async () => Array.from({ length: n }, () => tag);
    await cache.get(actor(1), 'a', rows(2, 'a'));
    await cache.get(actor(1), 'b', rows(2, 'b'));
    await cache.get(actor(1), 'a', rows(2, 'a2')); // a is now the most recent
    await cache.get(actor(1), 'c', rows(2, 'c')); // 6 > 5: b goes
    expect(await cache.get(actor(1), 'a', rows(2, 'a3'))).toEqual(['a', 'a']);
    expect(await cache.get(actor(1), 'b', rows(2, 'b2'))).toEqual(['b2', 'b2']);
  });

  it('recomputes an entry older than its maximum age even when nothing changed', async () => {
    let clock = 1_000;
    const cache = new SequenceCache<number>(noDb, () => 1, 10, { maxAgeMs: 60_000, now: () => clock });
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(actor(3), 'dash', compute)).toBe(1);
    clock += 59_999;
    expect(await cache.get(actor(3), 'dash', compute)).toBe(1);
    clock += 1;
    expect(await cache.get(actor(3), 'dash', compute)).toBe(2);
  });
});
