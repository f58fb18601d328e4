/** A SARIF rule's full description and help: stored once, shown with each of its findings, and a change to them is a change to the findings. */
import { describe, expect, it } from 'vitest';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { textFile } from '../helpers/lines-importer.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const RULE = {
  id: 'py/sql-injection', shortDescription: { text: 'SQL query built from user input' },
  fullDescription: { text: 'Building a SQL query from user-controlled sources lets a user change its meaning.' },
  help: { text: '# SQL injection\n\nUse parameterised queries.' },
};

function sarif(rule: object, files: string[], startTimeUtc: string): AsyncIterable<Uint8Array> {
  return textFile(JSON.stringify({
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'CodeQL', rules: [rule] } },
      invocations: [{ executionSuccessful: true, startTimeUtc }],
      results: files.map((uri) => ({
        ruleId: 'py/sql-injection', message: { text: `Query built from the request in ${uri}` },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 12 } } }],
      })),
    }],
  }));
}

describe(`rule texts (${TEST_ENGINE})`, () => {
  const ctx = useWorld();

  it('keeps a rule\'s texts once, shows them with each finding, and rewrites its findings when they change', async () => {
    const { services, people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const actor = people.contributor.actor;
    const files = ['app/a.py', 'app/b.py', 'app/c.py'];
    const first = await services.runs.importRun(actor, { zone: zone.key, format: 'sarif', fileName: 'codeql.sarif', source: sarif(RULE, files, '2026-03-01T10:00:00Z') });
    expect(first.run.counts).toMatchObject({ new: 3 });
    const texts = await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rule_texts WHERE org_id = $1', [actor.orgId]);
    expect(texts[0]!.n).toBe(1);

    const list = await services.findings.list(actor, { zone: zone.key, limit: 10, offset: 0 });
    const a = list.items.find((f) => f.location === 'app/a.py:12')!;
    const detail = await services.findings.get(actor, a.id);
    expect(detail.description).toBe('Query built from the request in app/a.py\n\nBuilding a SQL query from user-controlled sources lets a user change its meaning.');
    expect(detail.mitigation).toBe('# SQL injection\n\nUse parameterised queries.');

    // The same results, the same texts: all still present, nothing rewritten.
    const again = await services.runs.importRun(actor, { zone: zone.key, format: 'sarif', fileName: 'codeql-2.sarif', source: sarif(RULE, files, '2026-03-02T10:00:00Z') });
    expect(again.run.counts).toMatchObject({ still_present: 3, new: 0 });
    const hashes = await ctx.t.db.query<{ content_hash: string }>('SELECT content_hash FROM findings WHERE zone_id = $1 ORDER BY location', [zone.id]);

    // The tool's help changed: its findings are changed (rewritten), and show the new help.
    const newer = { ...RULE, help: { text: '# SQL injection\n\nUse parameterised queries; never format SQL strings.' } };
    const third = await services.runs.importRun(actor, { zone: zone.key, format: 'sarif', fileName: 'codeql-3.sarif', source: sarif(newer, files, '2026-03-03T10:00:00Z') });
    expect(third.run.counts).toMatchObject({ still_present: 3, new: 0 });
    const rehashed = await ctx.t.db.query<{ content_hash: string }>('SELECT content_hash FROM findings WHERE zone_id = $1 ORDER BY location', [zone.id]);
    expect(rehashed.map((r) => r.content_hash)).not.toContain(hashes[0]!.content_hash);
    expect((await services.findings.get(actor, a.id)).mitigation).toBe('# SQL injection\n\nUse parameterised queries; never format SQL strings.');
    const after = await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rule_texts WHERE org_id = $1', [actor.orgId]);
    expect(after[0]!.n).toBe(2);

    // A finding's own text comes first; a rule without texts leaves the finding as the tool wrote it.
    const bare = { id: 'py/sql-injection', shortDescription: { text: 'SQL query built from user input' } };
    await services.runs.importRun(actor, { zone: zone.key, format: 'sarif', fileName: 'codeql-4.sarif', source: sarif(bare, files, '2026-03-04T10:00:00Z') });
    const plain = await services.findings.get(actor, a.id);
    expect(plain).toMatchObject({ description: 'Query built from the request in app/a.py', mitigation: null });
  });
});
