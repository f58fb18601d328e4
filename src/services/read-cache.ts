/**
 * A read cache whose entries are valid while their organization's audit sequence has not
 * moved. Every change writes an event in the same transaction (the design's invariant), so a
 * moved sequence means something may have changed; an unmoved one means nothing did, on any
 * server sharing the database. Entries are computed from data read after the sequence, so an
 * entry is never older than its sequence says. Bounded by a total weight (e.g. rows held):
 * least recently used entries go first. Figures that move with the clock alone (overdue items,
 * ages) bound an entry's life with `maxAgeMs` as well: the value then says when it was computed.
 */
import type { Queryable } from '../store/db.ts';
import { chainHead } from '../store/events.ts';
import type { Actor } from './actor.ts';

export interface SequenceCacheOptions {
  /** An entry older than this is recomputed even when nothing changed (default: no limit). */
  maxAgeMs?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

export class SequenceCache<T> {
  readonly #entries = new Map<string, { seq: number; value: T; weight: number; at: number }>();
  #weight = 0;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(
    private readonly q: Queryable,
    private readonly weigh: (value: T) => number,
    private readonly capacity: number,
    options: SequenceCacheOptions = {},
  ) {
    this.#maxAgeMs = options.maxAgeMs ?? Number.POSITIVE_INFINITY;
    this.#now = options.now ?? Date.now;
  }

  async get(actor: Actor, key: string, compute: () => Promise<T>): Promise<T> {
    const seq = actor.orgSeq ?? (await chainHead(this.q, actor.orgId))?.seq ?? 0;
    const fullKey = `${actor.orgId}\u0000${key}`;
    const hit = this.#entries.get(fullKey);
    if (hit && hit.seq === seq && this.#now() - hit.at < this.#maxAgeMs) {
      this.#entries.delete(fullKey);
      this.#entries.set(fullKey, hit);
      return hit.value;
    }
    const at = this.#now();
    const value = await compute();
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
