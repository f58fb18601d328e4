/** Single ownership of zones: owners must be leads, orphans are prevented, handoffs are recorded. */
import { describe, expect, it } from 'vitest';
import { ConflictError, InputError } from '../../src/domain/errors.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { makeWorld, makeZone, useWorld } from '../helpers/factories.ts';

describe(`zone ownership (${TEST_ENGINE})`, () => {
  const s = useWorld();

  it('creates a zone owned by the lead who creates it, with creation as the first ownership record', async () => {
    const z = await s.w.services.zones.create(s.w.people.lead.actor, {
      product: s.w.productKey, name: 'Self-harm replies', tier: 'tier1', buckets: ['user_wellbeing', 'user_wellbeing'],
    });
    expect(z.owner.id).toBe(s.w.people.lead.id);
    expect(z.buckets).toEqual(['user_wellbeing']);
    const history = await s.w.services.zones.handoffs(s.w.system, z.key);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ from: null, to: { id: s.w.people.lead.id }, reason: 'Zone created' });
  });

  it('refuses an owner who is not a lead or admin, naming the field', async () => {
    const err = await s.w.services.zones.create(s.w.system, {
      product: s.w.productKey, name: 'Viewer-owned', tier: 'tier3', buckets: ['data_stewardship'], ownerId: s.w.people.viewer.id,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]).toMatchObject({ field: 'ownerId' });
    expect((err as InputError).message).toMatch(/viewer; a zone's owner must be a lead or an admin/);
  });

  it('refuses a zone without any bucket and a duplicate key', async () => {
    await expect(s.w.services.zones.create(s.w.system, { product: s.w.productKey, name: 'No bucket', tier: 'tier3', buckets: [], ownerId: s.w.people.lead.id }))
      .rejects.toThrow(/at least one outcome bucket/);
    const z = await makeZone(s.w, s.w.people.lead.id, { name: 'Unique name' });
    await expect(s.w.services.zones.create(s.w.system, { product: s.w.productKey, key: z.key, name: 'Dup', tier: 'tier3', buckets: ['data_stewardship'], ownerId: s.w.people.lead.id }))
      .rejects.toThrow(/another zone already uses the key/);
  });

  it('records every handoff with from, to, when, who and why, newest first', async () => {
    const z = await makeZone(s.w, s.w.people.lead.id);
    await s.w.services.zones.handoff(s.w.people.lead.actor, z.key, { toUserId: s.w.people.lead2.id, reason: 'Moving to the payments launch' });
    await s.w.services.zones.handoff(s.w.people.admin.actor, z.key, { toUserId: s.w.people.lead.id, reason: 'Launch slipped; back to Lee' });
    const history = await s.w.services.zones.handoffs(s.w.people.viewer.actor, z.key);
    expect(history.map((h) => [h.from?.id ?? null, h.to.id, h.reason])).toEqual([
      [s.w.people.lead2.id, s.w.people.lead.id, 'Launch slipped; back to Lee'],
      [s.w.people.lead.id, s.w.people.lead2.id, 'Moving to the payments launch'],
      [null, s.w.people.lead.id, 'Zone created'],
    ]);
    expect(history[0]!.actor).toBe(`user:${s.w.people.admin.id}`);
    expect(history[0]!.actorName).toBe('Ada Admin');
    expect(history[1]!.actor).toBe(`user:${s.w.people.lead.id}`);
    expect(Date.parse(history[0]!.at)).toBeGreaterThanOrEqual(Date.parse(history[1]!.at));
    const events = await s.w.services.audit.history(s.w.system, 'zone', z.id);
    expect(events.filter((e) => e.action === 'zone.handed_off')).toHaveLength(2);
  });

  it('requires a reason for a handoff and refuses handing to the current owner', async () => {
    const z = await makeZone(s.w, s.w.people.lead.id);
    await expect(s.w.services.zones.handoff(s.w.people.lead.actor, z.key, { toUserId: s.w.people.lead2.id, reason: '  ' }))
      .rejects.toThrow(/needs a reason/);
    await expect(s.w.services.zones.handoff(s.w.people.lead.actor, z.key, { toUserId: s.w.people.lead.id, reason: 'no-op handoff' }))
      .rejects.toThrow(/already owns/);
    await expect(s.w.services.zones.handoff(s.w.people.lead.actor, z.key, { toUserId: s.w.people.contributor.id, reason: 'to a contributor' }))
      .rejects.toThrow(/must be a lead or an admin/);
    expect((await s.w.services.zones.get(s.w.system, z.key)).owner.id).toBe(s.w.people.lead.id);
  });

  it('refuses to deactivate, remove or demote an owner, listing the zones to hand off first', async () => {
    const owner = await s.w.services.users.add(s.w.system, { email: `owner-${Date.now()}@example.com`, name: 'Olive Owner', role: 'lead' });
    const a = await makeZone(s.w, owner.id, { name: 'Alpha zone' });
    const b = await makeZone(s.w, owner.id, { name: 'Beta zone' });
    for (const attempt of [
      () => s.w.services.users.update(s.w.people.admin.actor, owner.id, { status: 'deactivated' }),
      () => s.w.services.users.remove(s.w.people.admin.actor, owner.id),
      () => s.w.services.users.update(s.w.people.admin.actor, owner.id, { role: 'viewer' }),
    ]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).message).toContain('Alpha zone');
      expect((err as ConflictError).message).toContain('Beta zone');
      expect((err as ConflictError).issues.map((i) => i.message)).toEqual([`${a.key}: owner of Alpha zone`, `${b.key}: owner of Beta zone`]);
    }
    const still = await s.w.services.users.get(s.w.system, owner.id);
    expect(still).toMatchObject({ status: 'active', role: 'lead', zonesOwned: 2 });

    await s.w.services.zones.handoff(s.w.people.admin.actor, a.key, { toUserId: s.w.people.lead.id, reason: 'Olive is leaving' });
    await s.w.services.zones.handoff(s.w.people.admin.actor, b.key, { toUserId: s.w.people.lead.id, reason: 'Olive is leaving' });
    await s.w.services.users.update(s.w.people.admin.actor, owner.id, { status: 'deactivated' });
    expect((await s.w.services.users.get(s.w.system, owner.id)).status).toBe('deactivated');
  });

  it('refuses to deactivate a deputy of an active zone too', async () => {
    const deputy = await s.w.services.users.add(s.w.system, { email: `deputy-${Date.now()}@example.com`, name: 'Dee Deputy', role: 'contributor' });
    await makeZone(s.w, s.w.people.lead.id, { tier: 'tier1', deputyId: deputy.id, name: 'Deputized zone' });
    await expect(s.w.services.users.update(s.w.people.admin.actor, deputy.id, { status: 'deactivated' })).rejects.toThrow(/Deputized zone .*deputy/);
  });

  it('the database itself refuses to remove the membership of an owner', async () => {
    const z = await makeZone(s.w, s.w.people.lead2.id);
    await expect(s.t.db.query('DELETE FROM memberships WHERE org_id = $1 AND user_id = $2', [s.w.orgId, s.w.people.lead2.id]))
      .rejects.toThrow(/foreign key/);
    expect((await s.w.services.zones.get(s.w.system, z.key)).owner.id).toBe(s.w.people.lead2.id);
  });

  it('the ownership report shows load per lead, inactive owners and tier-1 zones without a deputy', async () => {
    const t1 = await makeZone(s.w, s.w.people.lead2.id, { tier: 'tier1', name: 'Tier one no deputy' });
    const t1d = await makeZone(s.w, s.w.people.lead2.id, { tier: 'tier1', name: 'Tier one with deputy', deputyId: s.w.people.lead.id });
    // An owner whose membership was deactivated outside Keel's rules (e.g. directly in the database).
    const gone = await s.w.services.users.add(s.w.system, { email: `gone-${Date.now()}@example.com`, name: 'Gus Gone', role: 'lead' });
    const orphan = await makeZone(s.w, gone.id, { tier: 'tier2', name: 'Owner deactivated' });
    await s.t.db.query(`UPDATE memberships SET status = 'deactivated' WHERE org_id = $1 AND user_id = $2`, [s.w.orgId, gone.id]);

    const report = await s.w.services.ownership.report(s.w.people.viewer.actor);
    expect(report.tier1WithoutDeputy.map((z) => z.key)).toContain(t1.key);
    expect(report.tier1WithoutDeputy.map((z) => z.key)).not.toContain(t1d.key);
    expect(report.ownerInactive.map((z) => [z.key, z.owner.status])).toEqual([[orphan.key, 'deactivated']]);
    const zones = await s.w.services.zones.list(s.w.system, { limit: 1000, offset: 0 });
    const lead2 = report.leads.find((l) => l.user.id === s.w.people.lead2.id)!;
    expect(lead2.total).toBe(zones.items.filter((z) => z.owner.id === s.w.people.lead2.id).length);
    expect(lead2.byTier.tier1).toBe(zones.items.filter((z) => z.owner.id === s.w.people.lead2.id && z.tier === 'tier1').length);
    expect(report.totals.zones).toBe(zones.total);
    expect(report.zonesByTier.map((g) => g.tier)).toEqual(['tier1', 'tier2', 'tier3', 'tier4']);
  });

  it('filters the zone list by tier, bucket, owner, product and text, with a total', async () => {
    const z = await s.w.services.zones.create(s.w.system, {
      product: s.w.productKey, name: 'Needle in the haystack', tier: 'tier4', buckets: ['systemic_integrity'], ownerId: s.w.people.lead.id,
    });
    const found = await s.w.services.zones.list(s.w.system, { q: 'needle', limit: 10, offset: 0 });
    expect(found.items.map((x) => x.key)).toEqual([z.key]);
    const t4 = await s.w.services.zones.list(s.w.system, { tier: 'tier4', bucket: 'systemic_integrity', ownerId: s.w.people.lead.id, limit: 10, offset: 0 });
    expect(t4.items.map((x) => x.key)).toContain(z.key);
    expect(t4.items.every((x) => x.tier === 'tier4' && x.owner.id === s.w.people.lead.id)).toBe(true);
    const page = await s.w.services.zones.list(s.w.system, { product: s.w.productKey, limit: 2, offset: 0 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const none = await s.w.services.zones.list(s.w.system, { product: 'no-such-product', limit: 2, offset: 0 });
    expect(none).toEqual({ items: [], total: 0 });
  });

  it('the zone list shows every change at once, across organizations sharing a person', async () => {
    const z = await makeZone(s.w, s.w.people.lead.id, { name: 'Cache probe zone' });
    const owner = async (actor = s.w.system) => (await s.w.services.zones.list(actor, { q: 'cache probe', limit: 5, offset: 0 })).items[0]!.owner;
    expect((await owner()).id).toBe(s.w.people.lead.id);
    await s.w.services.zones.handoff(s.w.people.lead.actor, z.key, { toUserId: s.w.people.lead2.id, reason: 'cache check' });
    expect((await owner()).id).toBe(s.w.people.lead2.id);

    const other = await makeWorld(s.t.db);
    await other.services.users.add(other.system, { email: s.w.people.lead2.email, name: 'ignored', role: 'lead' });
    expect((await owner()).name).toBe('Lou Second');
    await other.services.users.update(other.system, s.w.people.lead2.id, { name: 'Louise Second' });
    expect((await owner()).name).toBe('Louise Second');
    const renamed = (await s.w.services.audit.recent(s.w.system, 1))[0]!;
    expect(renamed).toMatchObject({ action: 'member.renamed', after: { name: 'Louise Second' } });
  });

  it('pages through zones in name order with a stable total', async () => {
    const all = await s.w.services.zones.list(s.w.system, { limit: 500, offset: 0 });
    const names = all.items.map((z) => z.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const page = await s.w.services.zones.list(s.w.system, { limit: 3, offset });
      expect(page.total).toBe(all.total);
      pages.push(...page.items.map((z) => z.id));
    }
    expect(pages).toEqual(all.items.map((z) => z.id));
    expect(await s.w.services.zones.list(s.w.system, { limit: 3, offset: all.total + 10 })).toEqual({ items: [], total: all.total });
    const byOwner = await s.w.services.zones.list(s.w.system, { sort: 'owner', limit: 500, offset: 0 });
    const owners = byOwner.items.map((z) => z.owner.name.toLowerCase());
    expect(owners).toEqual([...owners].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
