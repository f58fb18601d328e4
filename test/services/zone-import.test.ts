/** Bulk set-up from CSV and YAML: one transaction; errors name line and column; nothing written on error. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useWorld } from '../helpers/factories.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/zones/${name}`, import.meta.url), 'utf8');

async function failure(p: Promise<unknown>): Promise<InputError> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe(`zone import (${TEST_ENGINE})`, () => {
  const ctx = useWorld();

  const counts = async () => {
    const [row] = await ctx.t.db.query<{ zones: number; products: number; members: number; events: number; users: number }>(
      `SELECT (SELECT count(*)::int FROM zones WHERE org_id = $1) AS zones,
              (SELECT count(*)::int FROM products WHERE org_id = $1) AS products,
              (SELECT count(*)::int FROM memberships WHERE org_id = $1) AS members,
              (SELECT count(*)::int FROM events WHERE org_id = $1) AS events,
              (SELECT count(*)::int FROM users) AS users`, [ctx.w.orgId]);
    return row!;
  };

  it('names every bad line and column, and writes nothing', async () => {
    const before = await counts();
    const err = await failure(ctx.w.services.zoneImport.importZones(ctx.w.people.admin.actor, fixture('bad-rows.csv'), 'csv'));
    expect(err.issues).toEqual([
      { line: 3, column: 'tier', message: '"tier9" is not a tier; expected tier1, tier2, tier3 or tier4' },
      { line: 4, column: 'buckets', message: '"wellbeing" is not an outcome bucket; expected systemic_integrity, user_wellbeing or data_stewardship' },
      { line: 5, column: 'owner_email', message: 'is required: every zone has exactly one accountable owner' },
    ]);
    expect(err.message).toMatch(/^Nothing was imported\. line 3, column tier: .* \(and 2 more problems\)$/);
    expect(await counts()).toEqual(before);
  });

  it('rejects broken CSV, unknown columns and duplicate keys with their line', async () => {
    const before = await counts();
    const unterminated = 'product_key,zone_name,tier,buckets,owner_email\na,"Open quote,tier1,user_wellbeing,x@y.co\n';
    expect((await failure(ctx.w.services.zoneImport.importZones(ctx.w.system, unterminated, 'csv'))).message).toMatch(/not valid CSV/);
    const ragged = 'product_key,zone_name,tier,buckets,owner_email\na,Z,tier1,user_wellbeing,x@y.co,extra\n';
    expect((await failure(ctx.w.services.zoneImport.importZones(ctx.w.system, ragged, 'csv'))).issues[0]).toMatchObject({ line: 2 });
    const unknown = 'product_key,zone_name,tier,buckets,owner_email,colour\na,Z,tier1,user_wellbeing,x@y.co,red\n';
    expect((await failure(ctx.w.services.zoneImport.importZones(ctx.w.system, unknown, 'csv'))).issues[0]).toMatchObject({ line: 1, column: 'colour' });
    const dup = 'product_key,zone_key,zone_name,tier,buckets,owner_email\na,k1,Z,tier1,user_wellbeing,x@y.co\na,k1,Z2,tier1,user_wellbeing,x@y.co\n';
    expect((await failure(ctx.w.services.zoneImport.importZones(ctx.w.system, dup, 'csv'))).issues).toEqual([
      { line: 3, column: 'zone_key', message: 'zone "k1" appears twice (first on line 2)' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('creates products, zones, owners and deputies from a CSV in one go, then updates idempotently', async () => {
    const before = await counts();
    const s = await ctx.w.services.zoneImport.importZones(ctx.w.people.admin.actor, fixture('company.csv'), 'csv');
    expect(s).toMatchObject({ rows: 4, productsCreated: 3, zonesCreated: 4, zonesUpdated: 0, handoffs: 0, usersCreated: 3, membersAdded: 3 });
    const after = await counts();
    expect(after.zones - before.zones).toBe(4);
    const payments = await ctx.w.services.zones.get(ctx.w.system, 'agents-payments');
    expect(payments).toMatchObject({ tier: 'tier2', buckets: ['user_wellbeing', 'data_stewardship'], owner: { email: 'mei@acme.example', name: 'Mei Lin' }, deputy: { email: 'dana@acme.example' } });
    const injection = await ctx.w.services.zones.get(ctx.w.system, 'assistant-injection');
    expect(injection.description).toBe('Hidden instructions in pages, files');
    const mei = (await ctx.w.services.users.list(ctx.w.system, { q: 'mei@acme.example' }))[0]!;
    expect(mei).toMatchObject({ role: 'lead', hasPassword: false });

    const again = await ctx.w.services.zoneImport.importZones(ctx.w.people.admin.actor, fixture('company.csv'), 'csv');
    expect(again).toMatchObject({ zonesCreated: 0, zonesUpdated: 0, zonesUnchanged: 4, usersCreated: 0, productsCreated: 0 });
    expect((await counts()).events).toBe(after.events);
  });

  it('an owner change in the file is a handoff and needs handoff_reason', async () => {
    const csv = (reason: string) =>
      `product_key,zone_key,zone_name,tier,buckets,owner_email,handoff_reason\nassistant,assistant-self-harm,Self-harm replies,tier1,user_wellbeing,sam@acme.example,${reason}\n`;
    const err = await failure(ctx.w.services.zoneImport.importZones(ctx.w.system, csv(''), 'csv'));
    expect(err.issues[0]).toMatchObject({ line: 2, column: 'handoff_reason' });
    expect(err.issues[0]!.message).toMatch(/owned by dana@acme.example; giving it to sam@acme.example is a handoff/);
    expect((await ctx.w.services.zones.get(ctx.w.system, 'assistant-self-harm')).owner.email).toBe('dana@acme.example');

    const s = await ctx.w.services.zoneImport.importZones(ctx.w.system, csv('Dana moves to search'), 'csv');
    expect(s.handoffs).toBe(1);
    const history = await ctx.w.services.zones.handoffs(ctx.w.system, 'assistant-self-harm');
    expect(history[0]).toMatchObject({ from: { email: 'dana@acme.example' }, to: { email: 'sam@acme.example' }, reason: 'Dana moves to search' });
  });

  it('refuses a viewer as owner, naming the line', async () => {
    const csv = `product_key,zone_name,tier,buckets,owner_email\nassistant,Viewer zone,tier3,user_wellbeing,${ctx.w.people.viewer.email}\n`;
    const err = await failure(ctx.w.services.zoneImport.importZones(ctx.w.system, csv, 'csv'));
    expect(err.issues[0]).toMatchObject({ line: 2, column: 'owner_email' });
    expect(err.issues[0]!.message).toMatch(/is a viewer/);
  });

  it('imports YAML and names YAML lines in errors', async () => {
    const s = await ctx.w.services.zoneImport.importZones(ctx.w.system, fixture('company.yaml'), 'yaml');
    expect(s).toMatchObject({ rows: 2, zonesCreated: 2, zonesUnchanged: 0 });
    expect((await ctx.w.services.zones.get(ctx.w.system, 'assistant-minors')).owner.email).toBe('dana@acme.example');
    const bad = 'products:\n  - key: assistant\n    zones:\n      - name: X\n        tier: tier7\n        buckets: [user_wellbeing]\n        owner: a@b.co\n';
    const err = await failure(ctx.w.services.zoneImport.importZones(ctx.w.system, bad, 'yaml'));
    expect(err.issues[0]).toMatchObject({ line: 4, column: 'tier' });
    const broken = 'products:\n  - key: [unclosed\n';
    expect((await failure(ctx.w.services.zoneImport.importZones(ctx.w.system, broken, 'yaml'))).message).toMatch(/not valid YAML/);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const before = await counts();
    const csv = 'product_key,zone_name,tier,buckets,owner_email\nnewprod,Brand new,tier4,data_stewardship,newperson@acme.example\n';
    const s = await ctx.w.services.zoneImport.importZones(ctx.w.system, csv, 'csv', { dryRun: true });
    expect(s).toMatchObject({ dryRun: true, productsCreated: 1, zonesCreated: 1, usersCreated: 1 });
    expect(await counts()).toEqual(before);
  });
});
