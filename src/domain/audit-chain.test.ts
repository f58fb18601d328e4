import { describe, expect, it } from 'vitest';
import { checkLink, eventHash, GENESIS_HASH, type StoredLink } from './audit-chain.ts';

const content = { seq: 1, orgId: 'o', at: '2026-01-01T00:00:00.000Z', actor: 'user:u', action: 'zone.created', entityType: 'zone', entityId: 'z', before: null, after: { b: 1, a: [1, 2] } };

describe('audit chain', () => {
  it('hashes canonically: key order does not matter, content does', () => {
    const h = eventHash(GENESIS_HASH, content);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...content, after: { a: [1, 2], b: 1 } })).toBe(h);
    expect(eventHash(GENESIS_HASH, { ...content, after: { a: [2, 1], b: 1 } })).not.toBe(h);
    expect(eventHash('f'.repeat(64), content)).not.toBe(h);
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
