/** Each role × each zone action: allowed, or refused with NotAllowedError and nothing changed. */
import { describe, expect, it } from 'vitest';
import { NotAllowedError } from '../../src/domain/errors.ts';
import type { Role } from '../../src/domain/roles.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useWorld, makeZone } from '../helpers/factories.ts';

type ZoneAction =
  | 'list' | 'read' | 'create own' | 'create for another' | 'edit own' | 'edit another\'s'
  | 'hand off own' | 'hand off another\'s' | 'archive' | 'import' | 'manage users' | 'verify audit';

const Y = true;
const N = false;
// The expected matrix. "own" rows only apply to roles that can own zones (admin, lead).
const MATRIX: Record<ZoneAction, Record<Role, boolean | null>> = {
  'list':                 { admin: Y, lead: Y, contributor: Y, reviewer: Y, viewer: Y },
  'read':                 { admin: Y, lead: Y, contributor: Y, reviewer: Y, viewer: Y },
  'create own':           { admin: Y, lead: Y, contributor: N, reviewer: N, viewer: N },
  'create for another':   { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'edit own':             { admin: Y, lead: Y, contributor: null, reviewer: null, viewer: null },
  'edit another\'s':      { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'hand off own':         { admin: Y, lead: Y, contributor: null, reviewer: null, viewer: null },
  'hand off another\'s':  { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'archive':              { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'import':               { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'manage users':         { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'verify audit':         { admin: Y, lead: N, contributor: N, reviewer: Y, viewer: N },
};

const CSV = (owner: string, key: string) =>
  `product_key,zone_key,zone_name,tier,buckets,owner_email\nimp-${key},imp-${key},Imported,tier3,user_wellbeing,${owner}\n`;

describe(`role matrix (${TEST_ENGINE})`, () => {
  const s = useWorld();

  async function attempt(role: Role, action: ZoneAction): Promise<void> {
    const me = s.w.people[role];
    const other = s.w.people.lead2;
    const z = s.w.services.zones;
    const mine = () => makeZone(s.w, me.id);
    const theirs = () => makeZone(s.w, other.id);
    switch (action) {
      case 'list': await z.list(me.actor, { limit: 10, offset: 0 }); return;
      case 'read': await z.get(me.actor, (await theirs()).key); return;
      case 'create own': await z.create(me.actor, { product: s.w.productKey, name: `Own ${role} ${Math.random()}`, tier: 'tier3', buckets: ['data_stewardship'] }); return;
      case 'create for another': await z.create(me.actor, { product: s.w.productKey, name: `For ${role} ${Math.random()}`, tier: 'tier3', buckets: ['data_stewardship'], ownerId: other.id }); return;
      case 'edit own': await z.update(me.actor, (await mine()).key, { description: 'edited' }); return;
      case 'edit another\'s': await z.update(me.actor, (await theirs()).key, { description: 'edited' }); return;
      case 'hand off own': await z.handoff(me.actor, (await mine()).key, { toUserId: other.id, reason: 'rebalancing the portfolio' }); return;
      case 'hand off another\'s': await z.handoff(me.actor, (await theirs()).key, { toUserId: s.w.people.admin.id, reason: 'rebalancing the portfolio' }); return;
      case 'archive': await z.setArchived(me.actor, (await theirs()).key, true); return;
      case 'import': await s.w.services.zoneImport.importZones(me.actor, CSV(other.email, `${role}-${Math.random().toString(36).slice(2, 8)}`), 'csv'); return;
      case 'manage users': await s.w.services.users.add(me.actor, { email: `new-${role}-${Math.random()}@example.com`, name: 'New', role: 'viewer' }); return;
      case 'verify audit': await s.w.services.audit.verify(me.actor); return;
    }
  }

  for (const [action, row] of Object.entries(MATRIX) as [ZoneAction, Record<Role, boolean | null>][]) {
    for (const [role, allowed] of Object.entries(row) as [Role, boolean | null][]) {
      if (allowed === null) continue;
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
        if (allowed) await expect(attempt(role, action)).resolves.toBeUndefined();
        else await expect(attempt(role, action)).rejects.toBeInstanceOf(NotAllowedError);
      });
    }
  }

  it('a refused edit changes nothing and writes no event', async () => {
    const zone = await makeZone(s.w, s.w.people.lead2.id);
    const before = await s.w.services.audit.recent(s.w.system, 1);
    await expect(s.w.services.zones.update(s.w.people.lead.actor, zone.key, { name: 'Hijacked' })).rejects.toThrow(/only when they own the zone/);
    expect((await s.w.services.zones.get(s.w.system, zone.key)).name).toBe(zone.name);
    expect((await s.w.services.audit.recent(s.w.system, 1))[0]!.seq).toBe(before[0]!.seq);
  });

  it('the zone view tells each caller what they may do', async () => {
    const zone = await makeZone(s.w, s.w.people.lead.id);
    expect((await s.w.services.zones.get(s.w.people.lead.actor, zone.key)).permissions).toEqual({ edit: true, handoff: true, archive: false });
    expect((await s.w.services.zones.get(s.w.people.lead2.actor, zone.key)).permissions).toEqual({ edit: false, handoff: false, archive: false });
    expect((await s.w.services.zones.get(s.w.people.admin.actor, zone.key)).permissions).toEqual({ edit: true, handoff: true, archive: true });
    expect((await s.w.services.zones.get(s.w.people.viewer.actor, zone.key)).permissions).toEqual({ edit: false, handoff: false, archive: false });
  });
});

type RemediationAction =
  | 'read policy' | 'change policy' | 'read triage queue' | 'triage own zone' | 'triage another\'s zone'
  | 'create item in own zone' | 'create item in another\'s zone' | 'read items' | 'edit item in another\'s zone';

// Record-dependent moves (assignee, validator) are in test/services/remediations.test.ts.
const REMEDIATION_MATRIX: Record<RemediationAction, Record<Role, boolean | null>> = {
  'read policy':                    { admin: Y, lead: Y, contributor: Y, reviewer: Y, viewer: Y },
  'change policy':                  { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'read triage queue':              { admin: Y, lead: Y, contributor: Y, reviewer: Y, viewer: Y },
  'triage own zone':                { admin: Y, lead: Y, contributor: null, reviewer: null, viewer: null },
  'triage another\'s zone':         { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'create item in own zone':        { admin: Y, lead: Y, contributor: null, reviewer: null, viewer: null },
  'create item in another\'s zone': { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
  'read items':                     { admin: Y, lead: Y, contributor: Y, reviewer: Y, viewer: Y },
  'edit item in another\'s zone':   { admin: Y, lead: N, contributor: N, reviewer: N, viewer: N },
};

describe(`role matrix of triage and remediation (${TEST_ENGINE})`, () => {
  const s = useWorld();
  const item = { title: 'Fix', severity: 'high' as const, impact: 3, feasibility: 3, customerValue: 3, rationale: 'because it leaks' };

  async function attempt(role: Role, action: RemediationAction): Promise<void> {
    const me = s.w.people[role];
    const sv = s.w.services;
    const zoneOf = async (ownerId: string) => (await makeZone(s.w, ownerId)).key;
    const findingIn = async (zone: string) => (await sv.findings.create(s.w.system, { zone, title: 'Gap', severity: 'medium' })).id;
    switch (action) {
      case 'read policy': await sv.policy.get(me.actor); return;
      case 'change policy': await sv.policy.update(me.actor, { staleAfterDays: 30 }); return;
      case 'read triage queue': await sv.triage.queue(me.actor, { all: true, limit: 5, offset: 0 }); return;
      case 'triage own zone': await sv.triage.decide(me.actor, { findingIds: [await findingIn(await zoneOf(me.id))], decision: 'false_positive', rationale: 'grader bug' }); return;
      case 'triage another\'s zone': await sv.triage.decide(me.actor, { findingIds: [await findingIn(await zoneOf(s.w.people.lead2.id))], decision: 'false_positive', rationale: 'grader bug' }); return;
      case 'create item in own zone': await sv.remediations.create(me.actor, { ...item, zone: await zoneOf(me.id) }); return;
      case 'create item in another\'s zone': await sv.remediations.create(me.actor, { ...item, zone: await zoneOf(s.w.people.lead2.id) }); return;
      case 'read items': await sv.remediations.list(me.actor, { limit: 5, offset: 0 }); return;
      case 'edit item in another\'s zone': {
        const created = await sv.remediations.create(s.w.system, { ...item, zone: await zoneOf(s.w.people.lead2.id) });
        await sv.remediations.update(me.actor, created.id, { description: 'edited' });
        return;
      }
    }
  }

  for (const [action, row] of Object.entries(REMEDIATION_MATRIX) as [RemediationAction, Record<Role, boolean | null>][]) {
    for (const [role, allowed] of Object.entries(row) as [Role, boolean | null][]) {
      if (allowed === null) continue;
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
        if (allowed) await expect(attempt(role, action)).resolves.toBeUndefined();
        else await expect(attempt(role, action)).rejects.toBeInstanceOf(NotAllowedError);
      });
    }
  }
});
