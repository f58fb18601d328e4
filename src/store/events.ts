/** The audit trail: appends hash-chained events and reads them back. */
import { eventHash, type StoredLink } from '../domain/audit-chain.ts';
import { copyRow } from './copy-text.ts';
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';

export interface NewEvent {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface EventRecord extends StoredLink {
  actorName: string | null;
}

interface EventRow {
  org_id: string; seq: number; at: Date; actor: string; action: string; entity_type: string; entity_id: string;
  before: unknown; after: unknown; prev_hash: string; hash: string; actor_name?: string | null;
}

const toEvent = (r: EventRow): EventRecord => ({
  orgId: r.org_id, seq: Number(r.seq), at: iso(r.at), actor: r.actor, action: r.action, entityType: r.entity_type,
  entityId: r.entity_id, before: r.before ?? null, after: r.after ?? null, prevHash: r.prev_hash, hash: r.hash,
  actorName: r.actor_name ?? null,
});

const EVENT_COLUMNS = ['org_id', 'seq', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'before', 'after', 'prev_hash', 'hash'] as const;
/** From this many events on, they go in by COPY. */
const COPY_FROM = 200;

/**
 * Appends events to the organization's chain inside the caller's transaction. The head row is
 * locked, so concurrent appends of one organization serialize and the chain stays linear.
 */
export async function appendEvents(q: Queryable, orgId: string, events: NewEvent[], at = new Date()): Promise<void> {
  if (events.length === 0) return;
  const [head] = await q.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_heads WHERE org_id = $1 FOR UPDATE', [orgId]);
  if (!head) throw new Error(`audit head missing for org ${orgId}`);
  let seq = Number(head.seq);
  let prev = head.hash;
  const when = at.toISOString();
  const rows: unknown[][] = [];
  const memo = new WeakMap<object, string>(); // events of one decision share their `after`
  for (const e of events) {
    seq += 1;
    const content = {
      seq, orgId, at: when, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId,
      before: e.before ?? null, after: e.after ?? null,
    };
    const hash = eventHash(prev, content, memo);
    rows.push([orgId, seq, when, e.actor, e.action, e.entityType, e.entityId,
      JSON.stringify(content.before), JSON.stringify(content.after), prev, hash]);
    prev = hash;
  }
  if (rows.length >= COPY_FROM) {
    // A bulk decision (10k findings triaged at once) writes its events by COPY, without the
    // 5,500 bound parameters per chunk of the multi-row INSERT below.
    await q.copyIn('events', EVENT_COLUMNS, rows.map((r) => copyRow(r.map((v) => (v === null || v === undefined ? null : String(v))))).join(''));
  } else {
    // Multi-row inserts in chunks: a few round trips for a few events.
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const params: unknown[] = [];
      const values = chunk.map((r) => {
        const base = params.length;
        params.push(...r);
        return `(${r.map((_, j) => `$${base + j + 1}${j === 7 || j === 8 ? '::jsonb' : ''}`).join(', ')})`;
      });
      await q.query(`INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${values.join(', ')}`, params);
    }
  }
  await q.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE org_id = $1', [orgId, seq, prev]);
}

const ACTOR_JOIN = `LEFT JOIN users a ON e.actor LIKE 'user:%' AND a.id::text = substr(e.actor, 6)`;

export async function listEntityEvents(
  q: Queryable, orgId: string, entityType: string, entityId: string, limit: number,
): Promise<EventRecord[]> {
  const rows = await q.query<EventRow>(
    `SELECT e.*, a.name AS actor_name FROM events e ${ACTOR_JOIN}
      WHERE e.org_id = $1 AND e.entity_type = $2 AND e.entity_id = $3
      ORDER BY e.seq DESC LIMIT $4`, [orgId, entityType, entityId, limit]);
  return rows.map(toEvent);
}

export async function listRecentEvents(q: Queryable, orgId: string, limit: number, beforeSeq?: number): Promise<EventRecord[]> {
  const rows = await q.query<EventRow>(
    `SELECT e.*, a.name AS actor_name FROM events e ${ACTOR_JOIN}
      WHERE e.org_id = $1 AND ($2::bigint IS NULL OR e.seq < $2)
      ORDER BY e.seq DESC LIMIT $3`, [orgId, beforeSeq ?? null, limit]);
  return rows.map(toEvent);
}

/** Reads the chain in seq order, a page at a time (never the whole table at once). */
export async function* readChain(q: Queryable, orgId: string, pageSize = 2000): AsyncGenerator<EventRecord[]> {
  let after = 0;
  for (;;) {
    const rows = await q.query<EventRow>(
      `SELECT * FROM events WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [orgId, after, pageSize]);
    if (rows.length === 0) return;
    const page = rows.map(toEvent);
    yield page;
    after = page[page.length - 1]!.seq;
  }
}

export async function chainHead(q: Queryable, orgId: string): Promise<{ seq: number; hash: string } | null> {
  const [row] = await q.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_heads WHERE org_id = $1', [orgId]);
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}
