import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, importAll, importError, textSource } from '../../test/helpers/feed-importer.ts';
import { InputError } from '../domain/errors.ts';
import { sarifImporter } from './sarif.ts';
import { MAX_EVIDENCE_CHARS } from './types.ts';

const fixture = (name: string) => readFileSync(fixturePath('sarif', name), 'utf8');
const parse = (doc: unknown, chunk?: number) => importAll(sarifImporter, textSource(JSON.stringify(doc), chunk));
const fail = (text: string) => importError(sarifImporter, textSource(text));

const rule = { id: 'R1', shortDescription: { text: 'Prompt injection via tool output' }, defaultConfiguration: { level: 'error' },
  properties: { tags: ['security', 'external/cwe/cwe-77', 'owasp:llm01'], 'security-severity': '9.1' } };
const result = (extra: Record<string, unknown> = {}) => ({
  ruleId: 'R1', message: { text: 'Untrusted text reaches the system prompt at agent.py:12' },
  locations: [{ physicalLocation: { artifactLocation: { uri: 'src/agent.py' }, region: { startLine: 12 } } }], ...extra,
});
const log = (results: unknown[], runExtra: Record<string, unknown> = {}) => ({
  version: '2.1.0', runs: [{ tool: { driver: { name: 'LLMScan', version: '1.2', rules: [rule] } }, results, ...runExtra }],
});

describe('SARIF importer, streaming and rule order', () => {
  it('uses the rule when the tool comes first: severity, categories, title', async () => {
    const { findings } = await parse(log([result()]));
    expect(findings[0]).toMatchObject({
      title: 'Prompt injection via tool output', severity: 'critical', location: 'src/agent.py:12',
      categories: ['tag:security', 'cwe:77', 'owasp-llm:LLM01'],
    });
  });

  it('when results come before the tool, yields them with what they carry and the same fingerprint', async () => {
    const ordered = await parse(log([result()]));
    const doc = { runs: [{ results: [result(), result({ level: 'note' })], tool: { driver: { name: 'LLMScan', rules: [rule] } } }], version: '2.1.0' };
    const reversed = await parse(doc, 7);
    expect(reversed.findings).toHaveLength(2);
    expect(reversed.findings[0]!.fingerprint).toBe(ordered.findings[0]!.fingerprint);
    // The rule is not known yet: SARIF's default level (warning), the message as title.
    expect(reversed.findings[0]).toMatchObject({ severity: 'medium', title: 'Untrusted text reaches the system prompt at agent.py:12', categories: [] });
    expect(reversed.findings[1]!.severity).toBe('low');
    expect(reversed.info).toMatchObject({ tool: 'LLMScan', toolVersion: null });
  });

  it('finds rules in tool extensions by rule.toolComponent.index (current CodeQL layout)', async () => {
    const doc = { version: '2.1.0', runs: [{
      tool: { driver: { name: 'CodeQL', semanticVersion: '2.20.0' }, extensions: [{ name: 'codeql/python-queries', rules: [rule] }] },
      results: [{ ...result(), ruleId: undefined, rule: { id: 'R1', index: 0, toolComponent: { index: 0 } } }],
    }] };
    const { findings, info } = await parse(doc);
    expect(findings[0]).toMatchObject({ ruleId: 'R1', severity: 'critical', title: 'Prompt injection via tool output' });
    expect(info).toMatchObject({ tool: 'CodeQL', toolVersion: '2.20.0' });
  });

  it('yields the first finding before the whole file is read', async () => {
    const doc = log(Array.from({ length: 2000 }, (_, i) => result({ message: { text: `case ${i}` } })));
    const bytes = new TextEncoder().encode(JSON.stringify(doc));
    let consumed = 0;
    const source = (async function* () {
      for (let i = 0; i < bytes.length; i += 4096) { consumed = i + 4096; yield bytes.subarray(i, i + 4096); }
    })();
    const gen = sarifImporter.parse(source);
    const first = await gen.next();
    expect(first.done).toBe(false);
    expect(consumed).toBeLessThan(bytes.length / 4);
    await gen.return(undefined as never);
  });

  it('keeps the fingerprint when the weakness moves to another line, and tells different weaknesses apart', async () => {
    const a = await parse(log([result()]));
    const moved = await parse(log([result({
      message: { text: 'Untrusted text reaches the system prompt at agent.py:40' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/agent.py' }, region: { startLine: 40 } } }],
    })]));
    const otherFile = await parse(log([result({ locations: [{ physicalLocation: { artifactLocation: { uri: 'src/other.py' }, region: { startLine: 12 } } }] })]));
    expect(moved.findings[0]!.fingerprint).toBe(a.findings[0]!.fingerprint);
    expect(moved.findings[0]!.location).toBe('src/agent.py:40');
    expect(otherFile.findings[0]!.fingerprint).not.toBe(a.findings[0]!.fingerprint);
    const pf = (v: string) => result({ partialFingerprints: { primaryLocationLineHash: v } });
    const [p1, p2, p3] = (await parse(log([pf('abc:1'), pf('abc:1'), pf('def:1')]))).findings;
    expect(p1!.fingerprint).toBe(p2!.fingerprint);
    expect(p1!.fingerprint).not.toBe(p3!.fingerprint);
  });

  it('skips absent, not-applicable and informational results; a rejected or under-review suppression leaves a result open', async () => {
    const { findings, info } = await parse(log([
      result({ baselineState: 'absent' }), result({ kind: 'notApplicable' }), result({ kind: 'informational' }),
      result({ suppressions: [{ kind: 'inSource', status: 'rejected' }] }),
      result({ suppressions: [{ kind: 'external', status: 'underReview' }] }),
      result({ suppressions: [{ kind: 'external', status: 'accepted' }] }),
      result({ kind: 'review', level: undefined }),
    ]));
    expect(info.reported).toMatchObject({ results: 7, absent: 1, notApplicable: 1, informational: 1, suppressed: 1, failures: 3 });
    expect(findings.at(-1)!.severity).toBe('critical'); // security-severity of the rule wins over the review default
  });

  it('caps oversized messages and snippets', async () => {
    const huge = 'x'.repeat(MAX_EVIDENCE_CHARS * 3);
    const { findings } = await parse(log([result({
      message: { text: huge },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a.py' }, region: { startLine: 1, snippet: { text: huge } } } }],
    })]));
    const f = findings[0]!;
    expect(f.description.length).toBeLessThan(MAX_EVIDENCE_CHARS + 100);
    expect(f.evidence[0]!.snippet!.length).toBeLessThan(MAX_EVIDENCE_CHARS + 100);
    expect(f.evidence[0]!.reason).toMatch(/more characters not kept\]$/);
  });
});

describe('SARIF importer, bad input', () => {
  it('refuses a truncated log', async () => {
    const text = fixture('codeQL-output.sarif');
    const err = await fail(text.slice(0, Math.floor(text.length / 2)));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/truncated/);
  });

  it('refuses invalid JSON, naming where', async () => {
    const err = await fail('{"version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ {,} ] } ] }');
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/not valid JSON (at byte \d+|between bytes \d+ and \d+)/);
  });

  it('refuses a JSON file that is not SARIF', async () => {
    expect((await fail(fixture('../generic/generic_report1.json'))).message).toMatch(/not a SARIF 2\.1\.0 log: no "version" and no "runs" array/);
    expect((await fail('{"version": "2.1.0"}')).message).toBe('The file is not a SARIF 2.1.0 log: no "runs" array');
    expect((await fail('{"version": "2.1.0", "runs": {"tool": {"driver": {"name": "x"}}}}')).message).toMatch(/no "runs" array/);
    expect((await fail('{"version": "2.1.0", "runs": {"a": {"tool": {"driver": {"name": "x"}}}}}')).message).toMatch(/"runs" is not an array/);
  });

  it('refuses other SARIF versions, before or after the runs', async () => {
    const err = await fail('{"version": "2.0.0", "runs": []}');
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/SARIF version "2\.0\.0"; Keel reads SARIF 2\.1\.0/);
    expect((await fail(JSON.stringify({ runs: log([result()]).runs, version: '1.0.0' }))).message).toMatch(/SARIF version "1\.0\.0"/);
  });

  it('names the result that is not a result object', async () => {
    const err = await fail(JSON.stringify(log([result(), 'oops'])));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe('runs[0].results[1] (result 2 of run 1) is not a result object');
  });
});

describe('SARIF detection', () => {
  it('recognises every SARIF fixture, and not the generic findings files', () => {
    for (const name of readdirSync(fixturePath('sarif', '.')).filter((f) => /\.(sarif|json)$/.test(f))) {
      expect(sarifImporter.detect(fixture(name).slice(0, 64 * 1024), name), name).toBe(true);
    }
    for (const name of readdirSync(fixturePath('generic', '.')).filter((f) => f !== 'SOURCES.md')) {
      const head = readFileSync(fixturePath('generic', name), 'utf8');
      expect(sarifImporter.detect(head, name), name).toBe(false);
    }
    expect(sarifImporter.detect('{"evalId": "eval-1", "results": {"version": 3}}', 'out.json')).toBe(false);
    expect(sarifImporter.detect('{"entry_type": "start_run setup"}\n', 'report.jsonl')).toBe(false);
  });
});
