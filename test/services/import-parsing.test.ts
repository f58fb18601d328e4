/**
 * A large file is parsed in a worker thread (services/import-parsing.ts): the findings, their
 * content, rule texts, counts and errors are the same as when the file is parsed on the main
 * thread; a failure anywhere leaves nothing behind. `threadMinBytes: 0` sends every file there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveImporter } from '../../src/importers/index.ts';
import { createRunImportService } from '../../src/services/run-import.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES));

/** The bytes in chunks of `size`, as a slow upload sends them. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A SARIF log of `n` results of two rules, each rule with its help: enough findings to fill several batches. */
function manyResults(n: number, tag = '', startTimeUtc = '2026-03-01T10:00:00Z'): Uint8Array {
  const rule = (id: string) => ({ id, shortDescription: { text: `Rule ${id}` }, fullDescription: { text: `About ${id}.` }, help: { text: `Fix ${id}.` } });
  return new TextEncoder().encode(JSON.stringify({
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Scanner', rules: [rule('r1'), rule('r2')] } },
      invocations: [{ executionSuccessful: true, startTimeUtc }],
      results: Array.from({ length: n }, (_, i) => ({
        ruleId: i % 2 ? 'r1' : 'r2', level: i % 3 ? 'warning' : 'error', message: { text: `Issue ${i}${tag}\twith a tab, "quotes" and \\ a backslash\nand a line` },
        locations: [{ physicalLocation: { artifactLocation: { uri: `src/file-${i}.js` }, region: { startLine: i + 1, snippet: { text: `line ${i}\r\n` } } } }],
        properties: { tags: ['security', `external/cwe/cwe-${79 + (i % 3)}`] },
      })),
    }],
  }));
}

describe(`imports parsed in a worker thread (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  const inWorker = () => createRunImportService({ db: ctx.t.db, resolveImporter, threadMinBytes: 0 });
  const here = () => createRunImportService({ db: ctx.t.db, resolveImporter, threadMinBytes: Number.MAX_SAFE_INTEGER });

  /** What a user sees of each finding of a zone, by fingerprint. */
  async function findingsOf(zoneKey: string) {
    const { services, people } = ctx.w;
    const list = await services.findings.list(people.lead.actor, { zone: zoneKey, limit: 5000, offset: 0 });
    const details = await Promise.all(list.items.map((f) => services.findings.get(people.lead.actor, f.id)));
    return Object.fromEntries(details.map((d) => [d.fingerprint, {
      title: d.title, severity: d.severity, ruleId: d.ruleId, location: d.location, description: d.description,
      mitigation: d.mitigation, categories: d.categories, evidence: d.evidence, status: d.status,
    }]));
  }

  it('gives the very findings, texts and counts the main thread gives, for a real scanner log', async () => {
    const a = await makeZone(ctx.w, ctx.w.people.lead.id);
    const b = await makeZone(ctx.w, ctx.w.people.lead.id);
    const actor = ctx.w.people.contributor.actor;
    const bytes = fixture('sarif/codeQL-output.sarif');
    const viaWorker = await inWorker().importRun(actor, { zone: a.key, fileName: 'codeql.sarif', source: chunked(bytes, 4096) });
    const viaHere = await here().importRun(actor, { zone: b.key, fileName: 'codeql.sarif', source: chunked(bytes, 4096) });
    expect(viaWorker.run.counts.new).toBeGreaterThan(0);
    expect(viaWorker.run.counts).toEqual(viaHere.run.counts);
    expect(viaWorker.run).toMatchObject({ checksum: viaHere.run.checksum, sizeBytes: bytes.length, tool: viaHere.run.tool, reported: viaHere.run.reported });
    const [fromWorker, fromHere] = [await findingsOf(a.key), await findingsOf(b.key)];
    expect(Object.keys(fromWorker)).toHaveLength(viaHere.run.counts.new);
    expect(fromWorker).toEqual(fromHere);
  });

  it('streams thousands of findings in batches both ways, and a re-import finds them all still present', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    const actor = ctx.w.people.contributor.actor;
    const progress: number[] = [];
    const bytes = manyResults(3000);
    const textCount = async () => (await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rule_texts WHERE org_id = $1', [actor.orgId]))[0]!.n;
    const textsBefore = await textCount();
    const first = await inWorker().importRun(actor, { zone: zone.key, fileName: 'many.sarif', source: chunked(bytes, 64 * 1024) }, (b) => progress.push(b));
    expect(first.run.counts).toMatchObject({ findings: 3000, new: 3000, duplicates: 0 });
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(await textCount()).toBe(textsBefore + 2);
    const list = await ctx.w.services.findings.list(actor, { zone: zone.key, limit: 5000, offset: 0 });
    const one = await ctx.w.services.findings.get(actor, list.items.find((f) => f.location === 'src/file-7.js:8')!.id);
    expect(one).toMatchObject({
      title: 'Rule r1', severity: 'medium', description: 'Issue 7\twith a tab, "quotes" and \\ a backslash\nand a line\n\nAbout r1.',
      mitigation: 'Fix r1.', categories: expect.arrayContaining(['cwe:80', 'tag:security']),
    });
    expect(one.evidence[0]).toMatchObject({ snippet: 'line 7\r\n', location: 'src/file-7.js:8' });

    const same = await inWorker().importRun(actor, { zone: zone.key, fileName: 'many-1.sarif', source: chunked(bytes, 1 << 20) });
    expect(same.unchanged).toBe(true);
    const later = manyResults(3000, '', '2026-03-02T10:00:00Z');
    const again = await inWorker().importRun(actor, { zone: zone.key, fileName: 'many-2.sarif', source: chunked(later, 1 << 20) });
    expect(again.run.counts).toMatchObject({ findings: 3000, new: 0, still_present: 3000, not_reproduced: 0 });
    const changed = await inWorker().importRun(actor, { zone: zone.key, fileName: 'many-3.sarif', source: chunked(manyResults(2999, ' (again)'), 1 << 20) });
    expect(changed.run.counts).toMatchObject({ findings: 2999, new: 2999, still_present: 0, not_reproduced: 3000 });
  });

  it('names the byte of a truncated file, and keeps nothing of it', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    const bytes = manyResults(1500);
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.9));
    await expect(inWorker().importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'cut.sarif', format: 'sarif', source: chunked(cut, 8192) }))
      .rejects.toThrow(`The file ends in the middle of a JSON value after ${cut.length} bytes`);
    const [n] = await ctx.t.db.query<{ findings: number; runs: number }>(
      'SELECT (SELECT count(*)::int FROM findings WHERE zone_id = $1) AS findings, (SELECT count(*)::int FROM runs WHERE zone_id = $1) AS runs', [zone.id]);
    expect(n).toEqual({ findings: 0, runs: 0 });
  });

  it('fails with the upload when it breaks off half-way, keeping nothing', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    const bytes = manyResults(1500);
    async function* breaksOff(): AsyncGenerator<Uint8Array> {
      yield* chunked(bytes.subarray(0, bytes.length / 2), 8192);
      throw new Error('connection reset by the client');
    }
    await expect(inWorker().importRun(ctx.w.people.lead.actor, { zone: zone.key, fileName: 'reset.sarif', source: breaksOff() }))
      .rejects.toThrow('connection reset by the client');
    const [n] = await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM findings WHERE zone_id = $1', [zone.id]);
    expect(n!.n).toBe(0);
  });

  it('parses a garak report and a promptfoo file there too, with the counts the tools report', async () => {
    const zone = await makeZone(ctx.w, ctx.w.people.lead.id);
    const zone2 = await makeZone(ctx.w, ctx.w.people.lead.id);
    const actor = ctx.w.people.contributor.actor;
    for (const path of ['garak/test.report.jsonl', 'promptfoo/many_findings.json']) {
      const bytes = fixture(path);
      const w = await inWorker().importRun(actor, { zone: zone.key, fileName: path, source: chunked(bytes, 2048) });
      const h = await here().importRun(actor, { zone: zone2.key, fileName: path, source: chunked(bytes, 2048) });
      expect(w.run.counts).toEqual(h.run.counts);
      expect(w.run.reported).toEqual(h.run.reported);
    }
    expect(await findingsOf(zone.key)).toEqual(await findingsOf(zone2.key));
  });
});
