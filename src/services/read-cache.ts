/**
 * A read cache whose entries are valid while their organization's audit sequence has not
 * moved. Every change writes an event in the same transaction (the design's invariant), so a
 * moved sequence means something may have changed; an unmoved one means nothing did, on any
 * server sharing the database. On the embedded engine, the only writer, the count of this
 * process's commits stands in for the sequence (any commit, in any organization, moves it).
 * Entries are computed from data read after the sequence, so an entry is never older than its
 * sequence says. Bounded by a total weight (e.g. rows held):
 * least recently used entries go first. Figures that move with the clock alone (overdue items,
 * ages) bound an entry's life with `maxAgeMs` as well: the value then says when it was computed.
 *
 * With `serveStaleMs`, an entry that is out of date (the sequence moved, or it is older than
 * `maxAgeMs`) but younger than `serveStaleMs` is still answered at once, marked stale, while
 * one refresh per key runs in the background; a later read gets the refreshed entry. Only a
 * read with no entry that young waits for the computation. For answers too costly to compute
 * on every read after a change (the org dashboard), whose readers are told how old they are.
 */
import type { Queryable } from '../store/db.ts';
import { chainHead } from '../store/events.ts';
import type { Actor } from './actor.ts';

export interface SequenceCacheOptions {
  /** An entry older than this is recomputed even when nothing changed (default: no limit). */
  maxAgeMs?: number;
  /** Out-of-date entries younger than this are served (stale) while refreshed in the background (default: never). */
  serveStaleMs?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

interface Entry<T> { seq: number; value: T; weight: number; at: number }

export class SequenceCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  #weight = 0;
  readonly #maxAgeMs: number;
  readonly #serveStaleMs: number;
  readonly #now: () => number;
  /** Background refreshes by key: at most one each. */
  readonly #refreshing = new Map<string, Promise<void>>();

  constructor(
    /** A Db that is the only writer (the embedded engine) counts its commits: that count then stands for the sequence. */
    private readonly q: Queryable & { readonly singleWriter?: boolean; readonly commits?: number },
    private readonly weigh: (value: T) => number,
    private readonly capacity: number,
    options: SequenceCacheOptions = {},
  ) {
    this.#maxAgeMs = options.maxAgeMs ?? Number.POSITIVE_INFINITY;
    this.#serveStaleMs = options.serveStaleMs ?? 0;
    this.#now = options.now ?? Date.now;
  }

  async get(actor: Actor, key: string, compute: () => Promise<T>): Promise<T> {
    return (await this.read(actor, key, compute)).value;
  }

  /** The entry of `key`, and whether it is stale (out of date, served while a refresh runs). */
  async read(actor: Actor, key: string, compute: () => Promise<T>): Promise<{ value: T; stale: boolean }> {
    const seq = await this.#sequence(actor);
    const fullKey = `${actor.orgId}\u0000${key}`;
    const hit = this.#entries.get(fullKey);
    const age = hit ? this.#now() - hit.at : Number.POSITIVE_INFINITY;
    if (hit && hit.seq === seq && age < this.#maxAgeMs) return { value: this.#touch(fullKey, hit).value, stale: false };
    if (hit && age < this.#serveStaleMs) {
      if (!this.#refreshing.has(fullKey)) {
        const refresh = this.#store(fullKey, seq, compute)
          // A failed refresh leaves the stale entry; the next read tries again (and a read past serveStaleMs reports the error).
          .then(() => undefined, () => undefined)
          .finally(() => this.#refreshing.delete(fullKey));
        this.#refreshing.set(fullKey, refresh);
      }
      return { value: this.#touch(fullKey, hit).value, stale: true };
    }
    return { value: await this.#store(fullKey, seq, compute), stale: false };
  }

  /**
   * What an entry is valid for. The embedded engine's commit count needs no query: a stale entry is
   * then answered without waiting behind the refresh's queries on its single connection.
   */
  async #sequence(actor: Actor): Promise<number> {
    if (this.q.singleWriter && this.q.commits !== undefined) return this.q.commits;
    return actor.orgSeq ?? (await chainHead(this.q, actor.orgId))?.seq ?? 0;
  }

  /** Resolves once no background refresh is running (before closing the database; tests). */
  async settled(): Promise<void> {
    while (this.#refreshing.size > 0) await Promise.all(this.#refreshing.values());
  }

  /** Marks an entry the most recently used. */
  #touch(key: string, entry: Entry<T>): Entry<T> {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  async #store(fullKey: string, seq: number, compute: () => Promise<T>): Promise<T> {
    const at = this.#now();
    const value = await compute();
    const current = this.#entries.get(fullKey);
    // A slower computation that began earlier does not replace a newer one.
    if (current && current.at > at) return value;
    this.#remove(fullKey);
    const weight = Math.max(1, this.weigh(value));
    this.#entries.set(fullKey, { seq, value, weight, at });
    this.#weight += weight;
    for (const oldest of this.#entries.keys()) {
      if (this.#weight <= this.capacity || oldest === fullKey) break;
      this.#remove(oldest);
    }
    return value;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#weight -= entry.weight;
    this.#entries.delete(key);
  }
}
