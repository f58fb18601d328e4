/** `keel gate check` for CI/CD pipelines: 0 when the gate passes, 1 when it fails, other codes for other errors. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKeel } from '../../src/composition.ts';
import { loadConfig } from '../../src/config.ts';
import { systemActor } from '../../src/services/actor.ts';
import { keel } from '../helpers/run-keel.ts';

const dir = mkdtempSync(join(tmpdir(), 'keel-gate-cli-'));
const fixture = new URL('../fixtures/zones/company.csv', import.meta.url).pathname;

describe('keel gate check', () => {
  beforeAll(async () => {
    process.env.KEEL_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    expect((await keel('orgs', 'create', 'acme', 'Acme AI', '--admin-email', 'root@acme.example', '--admin-name', 'Root Admin', '--admin-password', 'a-long-password')).code).toBe(0);
    expect((await keel('zones', 'import', fixture)).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails with exit code 1 while a check fails, naming it, and passes with 0 once it is fixed', async () => {
    const planned = await keel('launch', 'create', 'Citations v2', '--zone', 'search-citations', '--date', '2026-06-01', '--json');
    expect(planned.code).toBe(0);
    const launchId = JSON.parse(planned.out).id as string;

    const failing = await keel('gate', 'check', 'search-citations/Citations v2');
    expect(failing.code).toBe(1);
    expect(failing.out.split('\n')).toEqual(expect.arrayContaining([
      'Launch gate of "Citations v2" in zone search-citations (tier3), planned: FAILS (1 of 6 checks)',
      '  ✗ PRD approved: No PRD is linked to this launch',
      '  – Pre-mortem done: Not required for a tier3 zone',
      '  ✓ No open critical finding: No open critical finding in the zone',
    ]));
    const json = await keel('gate', 'check', launchId, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ launch: { id: launchId }, evaluation: { passed: false, failing: ['prd_approved'] } });

    // approve a PRD and link it (through the services, as the web app would)
    const k = await openKeel(loadConfig());
    try {
      const actor = systemActor((await k.services.orgs.list())[0]!.id);
      const prd = await k.services.prds.create(actor, {
        zone: 'search-citations', title: 'Citations v2',
        failureModes: [{ harm: 'Made-up citations look authoritative', bucket: 'systemic_integrity', severity: 'high', likelihood: 'likely', mitigation: 'Verify every URL' }],
      });
      await k.services.prds.submit(actor, prd.id);
      await k.services.prds.approve(actor, prd.id);
      await k.services.launches.update(actor, launchId, { prdId: prd.id });
    } finally {
      await k.close();
    }
    const passing = await keel('gate', 'check', 'search-citations');
    expect(passing.code).toBe(0);
    expect(passing.out).toContain('Launch gate of "Citations v2" in zone search-citations (tier3), planned: PASSES');
    expect(passing.out).toMatch(/ {2}✓ PRD approved: Approved on \d{4}-\d{2}-\d{2}\n {6}prd [0-9a-f-]{36} {2}Citations v2 \(approved\)/);

    const list = await keel('launch', 'list', '--csv');
    expect(list.out.split('\n')[1]).toBe(`${launchId},search-citations,Citations v2,2026-06-01,planned,approved`);
  });

  it('keeps other errors apart: unknown launch 5, unknown zone 3, missing argument 2', async () => {
    expect((await keel('gate', 'check', 'search-citations/No such launch')).code).toBe(5);
    const zone = await keel('gate', 'check', 'no-such-zone/x');
    expect(zone.code).toBe(3);
    expect(zone.err).toContain('no zone "no-such-zone"');
    expect((await keel('gate', 'check')).code).toBe(2);
  });
});
