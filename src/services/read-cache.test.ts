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

  it('serves an out-of-date entry while one refresh runs in the background, then the refreshed one', async () => {
    let clock = 1_000;
    const cache = new SequenceCache<number>(noDb, () => 1, 10, { maxAgeMs: 60_000, serveStaleMs: 300_000, now: () => clock });
    let computed = 0;
    const waiting: (() => void)[] = [];
    const slow = () => new Promise<number>((resolve) => { computed += 1; const n = computed; waiting.push(() => resolve(n)); });
    /** Lets the oldest computation finish, once it has begun. */
    const release = async () => {
      while (waiting.length === 0) await new Promise((r) => setTimeout(r, 1));
      waiting.shift()!();
    };
    const first = cache.read(actor(1), 'dash', slow);
    await release();
    expect(await first).toEqual({ value: 1, stale: false });
    // The organization changed: answered at once with the old value, and only one refresh starts however many read.
    expect(await cache.read(actor(2), 'dash', slow)).toEqual({ value: 1, stale: true });
    expect(await cache.read(actor(2), 'dash', slow)).toEqual({ value: 1, stale: true });
    expect(computed).toBe(2);
    await release();
    await cache.settled();
    expect(await cache.read(actor(2), 'dash', slow)).toEqual({ value: 2, stale: false });
    // Past serveStaleMs the read waits for a new value.
    clock += 300_000;
    expect(await cache.read(actor(2), 'dash', async () => 3)).toEqual({ value: 3, stale: false });
  });

  it('keeps the stale entry when a background refresh fails, and tries again at the next read', async () => {
    const cache = new SequenceCache<number>(noDb, () => 1, 10, { serveStaleMs: 300_000 });
    expect(await cache.get(actor(1), 'k', async () => 1)).toBe(1);
    expect(await cache.read(actor(2), 'k', () => Promise.reject(new Error('connection lost')))).toEqual({ value: 1, stale: true });
    await cache.settled();
    expect(await cache.read(actor(2), 'k', async () => 2)).toEqual({ value: 1, stale: true });
    await cache.settled();
    expect(await cache.read(actor(2), 'k', async () => 3)).toEqual({ value: 2, stale: false });
  });

  it('on the embedded engine (the only writer) counts its commits instead of reading the sequence', async () => {
    const db = { query: () => Promise.reject(new Error('no query needed')), copyIn: noCopy, singleWriter: true, commits: 4 };
    const cache = new SequenceCache<number>(db, () => 1, 10);
    const system: Actor = { orgId: 'o', userId: null, role: 'admin', label: 'system:cli' };
    expect(await cache.get(system, 'k', async () => 1)).toBe(1);
    expect(await cache.get(system, 'k', async () => 2)).toBe(1);
    db.commits = 5;
    expect(await cache.get(system, 'k', async () => 3)).toBe(3);
  });
});
