/**
 * Who a session or token belongs to, remembered between requests — only where that is exact:
 * on the embedded engine this process is the only writer (its data directory is locked), so an
 * entry stays valid until this process commits any transaction. On PostgreSQL, where other
 * servers may write, every request looks its credential up (a prepared statement).
 */
import type { PrincipalRecord } from '../store/credentials.ts';
import type { Db } from '../store/db.ts';

const TTL_MS = 60_000;
const CAPACITY = 10_000;

export class PrincipalCache {
  readonly #entries = new Map<string, { principal: PrincipalRecord; commits: number; until: number }>();

  constructor(private readonly db: Db) {}

  async get(tokenHash: string, load: () => Promise<PrincipalRecord | null>): Promise<PrincipalRecord | null> {
    if (!this.db.singleWriter) return load();
    const now = Date.now();
    const hit = this.#entries.get(tokenHash);
    if (hit && hit.commits === this.db.commits && hit.until > now && (hit.principal.expiresAt?.getTime() ?? Infinity) > now) {
      return hit.principal;
    }
    // Read the commit count first: a commit during the load makes the entry stale at once.
    const commits = this.db.commits;
    const principal = await load();
    if (!principal) {
      this.#entries.delete(tokenHash);
      return null;
    }
    if (this.#entries.size >= CAPACITY) this.#entries.clear();
    this.#entries.set(tokenHash, { principal, commits, until: now + TTL_MS });
    return principal;
  }
}
