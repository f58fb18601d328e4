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

export function eventHash(prevHash: string, content: ChainedContent): string {
  // Only the chained fields: a stored link also carries its hashes and display fields.
  const { seq, orgId, at, actor, action, entityType, entityId } = content;
  const body = canonicalize({
    seq, orgId, at, actor, action, entityType, entityId, before: content.before ?? null, after: content.after ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body ?? '').digest('hex');
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
