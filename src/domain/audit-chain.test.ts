import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { canonicalContent, checkLink, eventHash, GENESIS_HASH, type StoredLink } from './audit-chain.ts';

const content = { seq: 1, orgId: 'o', at: '2026-01-01T00:00:00.000Z', actor: 'user:u', action: 'zone.created', entityType: 'zone', entityId: 'z', before: null, after: { b: 1, a: [1, 2] } };

describe('audit chain', () => {
  it('hashes canonically: key order does not matter, content does', () => {
    const h = eventHash(GENESIS_HASH, content);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...content, after: { a: [1, 2], b: 1 } })).toBe(h);
    expect(eventHash(GENESIS_HASH, { ...content, after: { a: [2, 1], b: 1 } })).not.toBe(h);
    expect(eventHash('f'.repeat(64), content)).not.toBe(h);
  });

  it('builds exactly the canonical JSON of the chained fields, with or without a memo of shared values', () => {
    const shared = { triage: 'false_positive', reason: 'noise \u00e9\u{1F600} "quoted" \\ \n', duplicateOf: null, n: 1e21, f: 0.1 };
    const cases = [
      content,
      { ...content, before: { triage: 'untriaged', remediationId: null }, after: shared },
      { ...content, seq: 123456789, actor: 'system:bench\u2028', before: [3, { z: 1, a: -0 }], after: 'text' },
      { ...content, before: undefined, after: undefined },
    ];
    const memo = new WeakMap<object, string>();
    for (const c of cases) {
      const { seq, orgId, at, actor, action, entityType, entityId } = c;
      const expected = canonicalize({ seq, orgId, at, actor, action, entityType, entityId, before: c.before ?? null, after: c.after ?? null });
      expect(canonicalContent(c)).toBe(expected);
      expect(canonicalContent(c, memo)).toBe(expected);
      expect(canonicalContent(c, memo)).toBe(expected); // memoized the second time
    }
  });

  it('ignores fields outside the chained content (stored hashes, display names)', () => {
    const link = { ...content, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, content), actorName: 'Lee' } as StoredLink;
    expect(checkLink(link, 1, GENESIS_HASH)).toBeNull();
  });

  it('reports gaps, broken links and altered content', () => {
    const link: StoredLink = { ...content, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, content) };
    expect(checkLink({ ...link, seq: 2 }, 1, GENESIS_HASH)).toMatchObject({ reason: 'gap', seq: 1 });
    expect(checkLink(link, 1, 'a'.repeat(64))).toMatchObject({ reason: 'prev_hash' });
    expect(checkLink({ ...link, actor: 'user:other' }, 1, GENESIS_HASH)).toMatchObject({ reason: 'hash' });
  });
});
