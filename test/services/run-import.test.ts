/** The verification loop: new, still present, not reproduced → verified, regressed; same file twice; failed imports. */
import { describe, expect, it } from 'vitest';
import { NotAllowedError } from '../../src/domain/errors.ts';
import type { Importer } from '../../src/importers/types.ts';
import { createRunImportService } from '../../src/services/run-import.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { file, linesImporter, textFile } from '../helpers/lines-importer.ts';

describe(`run import and the verification loop (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  const service = () => createRunImportService({ db: ctx.t.db, resolveImporter: () => linesImporter });
  const statuses = async (zoneId: string) => {
    const rows = await ctx.t.db.query<{ rule_id: string; status: string; regressed: boolean; regression_count: number; clean_runs: number }>(
      'SELECT rule_id, status, regressed, regression_count, clean_runs FROM findings WHERE zone_id = $1 ORDER BY rule_id', [zoneId]);
    return Object.fromEntries(rows.map((r) => [r.rule_id, r]));
  };

  it('classifies each run of a scope against the last, and verifies after two clean runs', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    const imp = (...fps: string[]) => service().importRun(ctx.w.people.contributor.actor, { zone: zone.key, fileName: 'run.jsonl', source: file(...fps) });

    const r1 = await imp('a', 'b', 'c', 'a');
    expect(r1.unchanged).toBe(false);
    expect(r1.run.counts).toEqual({ findings: 3, new: 3, still_present: 0, not_reproduced: 0, regressed: 0, verified: 0, duplicates: 1 });

    const r2 = await imp('a', 'b', 'd');
    expect(r2.run.counts).toMatchObject({ new: 1, still_present: 2, not_reproduced: 1, regressed: 0, verified: 0 });
    expect((await statuses(zone.id)).c).toMatchObject({ status: 'fixed_unverified', clean_runs: 1 });

    const r3 = await imp('a', 'd', 'x');
    expect(r3.run.counts).toMatchObject({ new: 1, still_present: 2, not_reproduced: 1, verified: 1 });
    const s3 = await statuses(zone.id);
    expect(s3.c).toMatchObject({ status: 'verified', clean_runs: 2 });
    expect(s3.b).toMatchObject({ status: 'fixed_unverified', clean_runs: 1 });

    const r4 = await imp('a', 'c', 'd', 'x');
    expect(r4.run.counts).toMatchObject({ new: 0, still_present: 3, regressed: 1, not_reproduced: 0, verified: 1 });
    const s4 = await statuses(zone.id);
    expect(s4.c).toMatchObject({ status: 'open', regressed: true, regression_count: 1, clean_runs: 0 });
    expect(s4.b).toMatchObject({ status: 'verified' });

    const outcomes = await ctx.t.db.query<{ outcome: string; rule_id: string }>(
      `SELECT rf.outcome, f.rule_id FROM run_findings rf JOIN findings f ON f.id = rf.finding_id WHERE rf.run_id = $1 ORDER BY f.rule_id`, [r4.run.id]);
    expect(outcomes.map((o) => `${o.rule_id}:${o.outcome}`)).toEqual(['a:still_present', 'b:verified', 'c:regressed', 'd:still_present', 'x:still_present']);
  });

  it('lists a run\'s findings by outcome, its new ones read from the findings it first saw', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    const actor = ctx.w.people.contributor.actor;
    const imp = (...fps: string[]) => service().importRun(actor, { zone: zone.key, fileName: 'run.jsonl', source: file(...fps) });
    const r1 = await imp('a', 'b', 'c');
    const r2 = await imp('a', 'b', 'd', 'e');
    const list = async (runId: string, outcome?: 'new' | 'still_present' | 'not_reproduced') => {
      const page = await service().findings(actor, runId, { outcome, limit: 10, offset: 0 });
      return { total: page.total, items: page.items.map((i) => `${i.ruleId}:${i.outcome}`).sort() };
    };
    expect(await list(r1.run.id, 'new')).toEqual({ total: 3, items: ['a:new', 'b:new', 'c:new'] });
    expect(await list(r2.run.id)).toEqual({
      total: 5, items: ['a:still_present', 'b:still_present', 'c:not_reproduced', 'd:new', 'e:new'],
    });
    expect(await list(r2.run.id, 'new')).toEqual({ total: 2, items: ['d:new', 'e:new'] });
    expect(await list(r2.run.id, 'still_present')).toEqual({ total: 2, items: ['a:still_present', 'b:still_present'] });
    // A later page past the end still counts them all.
    expect((await service().findings(actor, r2.run.id, { limit: 2, offset: 10 })).total).toBe(5);
    const [rows] = await ctx.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM run_findings WHERE run_id = ANY($1::uuid[]) AND outcome = 'new'`,
      [[r1.run.id, r2.run.id]]);
    expect(rows!.n).toBe(0);
  });

  it('writes findings with long texts in several batches by size, and classifies them as one run', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    // 120 findings of ~30,000 characters: ~3.6 MB of content, written in batches of at most ~1 MB.
    const long = (fp: string, variant = '') => ({ fp, title: `${fp} ${variant}${'x'.repeat(30_000)}`, severity: 'high' });
    const lines = (items: object[]) => textFile(items.map((v) => JSON.stringify(v)).join('\n'));
    const fps = Array.from({ length: 120 }, (_, i) => `long-${String(i).padStart(3, '0')}`);
    const first = await service().importRun(ctx.w.people.lead.actor, {
      zone: zone.key, fileName: 'long-1.jsonl', source: lines([...fps.map((fp) => long(fp)), long('long-000')]),
    });
    expect(first.run.counts).toMatchObject({ findings: 120, new: 120, duplicates: 1 });

    const again = fps.slice(1).map((fp) => long(fp, fp === 'long-119' ? 'changed ' : ''));
    const second = await service().importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'long-2.jsonl', source: lines(again) });
    expect(second.run.counts).toMatchObject({ findings: 119, new: 0, still_present: 119, not_reproduced: 1 });
    const rows = await ctx.t.db.query<{ rule_id: string; status: string; n: number }>(
      'SELECT rule_id, status, length(title)::int AS n FROM findings WHERE zone_id = $1 ORDER BY rule_id', [zone.id]);
    expect(rows).toHaveLength(120);
    expect(rows[0]).toMatchObject({ rule_id: 'long-000', status: 'fixed_unverified' });
    expect(rows.at(-1)).toMatchObject({ rule_id: 'long-119', status: 'open', n: 'long-119 changed '.length + 30_000 });
    expect(rows.filter((r) => r.n === 'long-000 '.length + 30_000)).toHaveLength(119);
  });

  it('importing the very same file twice changes nothing and says so', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    const first = await service().importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'a.jsonl', source: file('p', 'q') });
    const events = (await ctx.w.services.audit.verify(ctx.w.system)).headSeq;
    const again = await service().importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'renamed.jsonl', source: file('p', 'q') });
    expect(again).toEqual({ run: first.run, unchanged: true });
    expect((await ctx.w.services.audit.verify(ctx.w.system)).headSeq).toBe(events);
    const [n] = await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM runs WHERE zone_id = $1', [zone.id]);
    expect(n!.n).toBe(1);
  });

  it('a file that fails half-way leaves nothing behind, and names the line', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    await service().importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'ok.jsonl', source: file('keep') });
    const before = await statuses(zone.id);
    const bad = `${JSON.stringify({ fp: 'new-one' })}\n${JSON.stringify({ fp: 'two' })}\n{"fp": "broken"\n`;
    await expect(service().importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'bad.jsonl', source: textFile(bad) }))
      .rejects.toThrow(/Line 3 is not valid JSON/);
    expect(await statuses(zone.id)).toEqual(before);
    const [n] = await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM runs WHERE zone_id = $1', [zone.id]);
    expect(n!.n).toBe(1);
  });

  it('a file that fails after batches were written (one still being written) leaves nothing either', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    const good = Array.from({ length: 4500 }, (_, i) => JSON.stringify({ fp: `bulk-${i}` })).join('\n');
    await expect(service().importRun(ctx.w.people.lead.actor, {
      zone: zone.key, fileName: 'big-bad.jsonl', source: textFile(`${good}\n{"fp": broken}\n`),
    })).rejects.toThrow(/Line 4501 is not valid JSON/);
    const [n] = await ctx.t.db.query<{ findings: number; outcomes: number }>(
      `SELECT (SELECT count(*)::int FROM findings WHERE zone_id = $1) AS findings,
              (SELECT count(*)::int FROM run_findings rf LEFT JOIN runs r ON r.id = rf.run_id WHERE r.id IS NULL) AS outcomes`, [zone.id]);
    expect(n).toEqual({ findings: 0, outcomes: 0 });
  });

  it('records the run in the audit trail and lets findings without a zone wait in the unrouted queue', async () => {
    const r = await service().importRun(ctx.w.people.admin.actor, { fileName: 'nozone.jsonl', source: file('u1', 'u2'), introducedIn: 'v2.3' });
    expect(r.run.zoneId).toBeNull();
    const [row] = await ctx.t.db.query<{ n: number; introduced: string }>(
      `SELECT count(*)::int AS n, min(introduced_in) AS introduced FROM findings WHERE org_id = $1 AND zone_id IS NULL`, [ctx.w.orgId]);
    expect(row).toEqual({ n: 2, introduced: 'v2.3' });
    const [event] = await ctx.w.services.audit.history(ctx.w.system, 'run', r.run.id);
    expect(event).toMatchObject({ action: 'run.imported', after: { fileName: 'nozone.jsonl', counts: { new: 2 } } });
    expect((await ctx.w.services.audit.verify(ctx.w.system)).ok).toBe(true);
  });

  it('a run that names its target judges absence among that target\'s findings only, whatever the targets hold', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    // The run's target is the first line's: a tool that tests one model per run.
    const perTarget: Importer = {
      ...linesImporter,
      async *parse(source, onProgress) {
        const inner = linesImporter.parse(source, onProgress);
        let target: string | null = null;
        let next = await inner.next();
        while (!next.done) {
          target ??= next.value.target;
          yield next.value;
          next = await inner.next();
        }
        return { ...next.value, target };
      },
    };
    const svc = createRunImportService({ db: ctx.t.db, resolveImporter: () => perTarget });
    const a = 'model "A"\nv1 with spaces';
    const lines = (...items: [string, string][]) => textFile(items.map(([fp, target]) => JSON.stringify({ fp, target })).join('\n'));
    await svc.importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'a.jsonl', source: lines(['a1', a], ['a2', a], ['a3', a]) });
    await svc.importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'b.jsonl', source: lines(['b1', 'model B'], ['b2', 'model B']) });
    const again = await svc.importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'a-2.jsonl', source: lines(['a1', a]) });
    expect(again.run).toMatchObject({ target: a, counts: { still_present: 1, not_reproduced: 2, new: 0 } });
    const s = await statuses(zone.id);
    expect([s.a2!.status, s.a3!.status, s.b1!.status, s.b2!.status]).toEqual(['fixed_unverified', 'fixed_unverified', 'open', 'open']);
  });

  it('refuses viewers and reviewers, and an unknown zone', async () => {
    await expect(service().importRun(ctx.w.people.viewer.actor, { fileName: 'x', source: file('v') })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(service().importRun(ctx.w.people.reviewer.actor, { fileName: 'x', source: file('v') })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(service().importRun(ctx.w.people.lead.actor, { zone: 'no-such-zone', fileName: 'x', source: file('v') })).rejects.toThrow(/no zone "no-such-zone"/);
  });
});
