/** `keel kpi …` in-process, on a file-backed embedded database and against a running server. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { keel } from '../helpers/run-keel.ts';

const dir = mkdtempSync(join(tmpdir(), 'keel-kpi-cli-'));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('keel kpi', () => {
  beforeAll(async () => {
    process.env.KEEL_DATA_DIR = join(dir, 'data');
    delete process.env.DATABASE_URL;
    expect((await keel('orgs', 'create', 'acme', 'Acme AI', '--admin-email', 'root@acme.example', '--admin-name', 'Root Admin', '--admin-password', 'a-long-password')).code).toBe(0);
    const zones = file('zones.csv', 'product_key,zone_name,zone_key,tier,buckets,owner_email,owner_name\nagents,Payments actions,agents-payments,tier1,data_stewardship,mei@acme.example,Mei Lin\n');
    expect((await keel('zones', 'import', zones)).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds KPIs with a relative target and a business pair, and refuses a bad one with exit code 3', async () => {
    const add = await keel('kpi', 'add', '--zone', 'agents-payments', '--name', 'Fraudulent payouts', '--key', 'fraud-payouts', '--unit', 'per 10k',
      '--direction', 'lower', '--kind', 'outcome', '--cadence', 'weekly', '--target', '-15%', '--period', 'quarter', '--baseline', '4.1');
    expect(add).toMatchObject({ code: 0, out: 'Added KPI fraud-payouts (Fraudulent payouts) to zone agents-payments, target -15% per quarter\n' });
    const pair = await keel('kpi', 'add', '--zone', 'agents-payments', '--name', 'Payout volume', '--key', 'payout-volume', '--direction', 'higher',
      '--cadence', 'weekly', '--business', '--pair', 'fraud-payouts', '--json');
    expect(pair.code).toBe(0);
    expect(JSON.parse(pair.out)).toMatchObject({ key: 'payout-volume', category: 'business', paired: { key: 'fraud-payouts' } });
    const meetings = await keel('kpi', 'add', '--zone', 'agents-payments', '--name', 'Safety reviews held', '--direction', 'higher', '--cadence', 'monthly', '--activity');
    expect(meetings.code).toBe(0);
    const bad = await keel('kpi', 'add', '--zone', 'agents-payments', '--name', 'Other', '--direction', 'lower', '--cadence', 'weekly', '--target', '-10%');
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('targetPeriod: a relative target compares periods');
    const nan = await keel('kpi', 'add', '--zone', 'agents-payments', '--name', 'Other', '--direction', 'lower', '--cadence', 'weekly', '--baseline', 'lots');
    expect(nan).toMatchObject({ code: 3, err: 'error: --baseline: "lots" is not a number\n' });
  });

  it('records a value, says so when the same value comes again, and keeps a correction', async () => {
    const at = ago(0.01);
    const first = await keel('kpi', 'record', 'fraud-payouts', '3.6', '--at', at);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^fraud-payouts: Recorded 1 new measurement\. Status: /);
    expect(first.out).toContain('target −15 % quarter over quarter');
    const again = await keel('kpi', 'record', 'fraud-payouts', '3.6', '--at', at, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ created: 0, unchanged: 1, items: [{ outcome: 'unchanged', previous: 3.6 }] });
    const fix = await keel('kpi', 'record', 'fraud-payouts', '3.4', '--at', at, '--json');
    expect(JSON.parse(fix.out)).toMatchObject({ updated: 1, items: [{ outcome: 'updated', previous: 3.6, value: 3.4 }] });
    const show = await keel('kpi', 'show', 'fraud-payouts', '--json');
    expect(JSON.parse(show.out)).toMatchObject({ latest: { value: 3.4 }, baseline: 4.1 });
    expect((await keel('kpi', 'record', 'nope', '1')).code).toBe(5);
  });

  it('imports a CSV, naming the line of a bad row (exit 3, nothing written), and lists with status', async () => {
    const bad = file('bad.csv', `kpi,measured_at,value\npayout-volume,${ago(3)},120\npayout-volume,${ago(2)},lots\n`);
    const refused = await keel('kpi', 'import', bad);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('line 3, column value: "lots" is not a number');
    const good = file('good.csv', `kpi,measured_at,value\npayout-volume,${ago(3)},120\npayout-volume,${ago(2)},125\n`);
    const done = await keel('kpi', 'import', good);
    expect(done).toMatchObject({ code: 0, out: '2 rows: Recorded 2 new measurements.\n' });
    const list = JSON.parse((await keel('kpi', 'list', '--zone', 'agents-payments', '--json')).out);
    expect(list.items.map((k: { key: string }) => k.key)).toEqual(['fraud-payouts', 'payout-volume']);
    const withActivity = await keel('kpi', 'list', '--zone', 'agents-payments', '--include-activity', '--csv');
    expect(withActivity.out.split('\n')[0]).toBe('key,name,zone,status,latest,target,paired');
    expect(withActivity.out).toContain('safety-reviews-held,Safety reviews held (activity),agents-payments,no data');
  });

  describe('against a running server', () => {
    let server: RunningServer;
    let token: string;
    beforeAll(async () => {
      token = (await keel('tokens', 'create', 'kpi-test', '--as', 'root@acme.example')).out.trim();
      server = await startServer({ ...loadConfig({ KEEL_DATA_DIR: join(dir, 'data'), PORT: '0', KEEL_LOG_LEVEL: 'silent' }) }, { demo: false });
    });
    afterAll(async () => server.stop());

    it('records and lists through the API', async () => {
      const remote = (...args: string[]) => keel('--server', server.url, '--token', token, ...args);
      const yesterday = ago(1);
      const r = await remote('kpi', 'record', 'payout-volume', '130', '--at', yesterday, '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ created: 1, kpi: { key: 'payout-volume' } });
      const csv = await remote('kpi', 'import', file('more.csv', `kpi,measured_at,value\npayout-volume,${yesterday},130\n`));
      expect(csv.out).toBe('1 rows: Nothing changed: 1 measurement was already recorded with the same value.\n');
      const list = await remote('kpi', 'list', '--csv');
      expect(list.out).toMatch(/\npayout-volume,Payout volume,agents-payments,no data,130 \(/);
    });
  });
});
