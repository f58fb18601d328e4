import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixturePath, importAll, importError, importFile, textSource } from '../../test/helpers/feed-importer.ts';
import { InputError } from '../domain/errors.ts';
import { genericImporter } from './generic.ts';
import { sarifImporter } from './sarif.ts';
import { MAX_EVIDENCE_CHARS } from './types.ts';

type Json = Record<string, unknown>;
const NAMES = readdirSync(fixturePath('generic', '.')).filter((f) => f !== 'SOURCES.md').sort();
const INVALID = ['generic_empty.json', 'generic_invalid.json'];
const text = (name: string) => readFileSync(fixturePath('generic', name), 'utf8');
const run = (name: string) => importFile(genericImporter, 'generic', name);
const parse = (t: string, chunk?: number) => importAll(genericImporter, textSource(t, chunk));
const fail = (t: string) => importError(genericImporter, textSource(t));
const yes = (v: unknown) => v === true || (typeof v === 'string' && /^t/i.test(v));

/** The file's own records, read independently: all of them, and those not already dismissed. */
function records(name: string): { all: number; kept: number } {
  const rows: Json[] = name.endsWith('.csv')
    ? (parseCsv(text(name), { columns: true, skip_empty_lines: true, bom: true }) as Json[])
      .map((r) => ({ false_p: r.FalsePositive, duplicate: r.Duplicate, is_mitigated: r.IsMitigated }))
    : (JSON.parse(text(name)) as { findings: Json[] }).findings;
  return { all: rows.length, kept: rows.filter((r) => !yes(r.false_p) && !yes(r.duplicate) && !yes(r.is_mitigated)).length };
}

describe('generic findings importer on DefectDojo\'s files', () => {
  it.each(NAMES.filter((n) => !INVALID.includes(n)))('%s: one finding per record the file has not dismissed', async (name) => {
    const want = records(name);
    const { findings, info } = await run(name);
    expect(findings).toHaveLength(want.kept);
    expect(info.reported).toMatchObject({ findings: want.all, imported: want.kept });
    for (const f of findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('maps a JSON finding\'s fields', async () => {
    const { findings, info } = await run('generic_report3.json');
    expect(findings[0]).toMatchObject({
      title: 'test title with endpoints as dict', severity: 'medium', categories: ['cwe:261'], location: 'src/first.cpp:13',
      mitigation: 'Some mitigation', ruleId: 'CVE-2020-36234',
    });
    expect(findings[0]!.description).toMatch(/^Some very long description with\n\n some UTF-8 chars à qu'il est beau/);
    expect(findings[0]!.evidence.map((e) => e.location)).toEqual(['src/first.cpp:13', 'exemple.com']);
    expect(findings[1]!.severity).toBe('critical');
    expect(info.reported).toMatchObject({ findings: 4, mitigated: 2, imported: 2 }); // two are marked is_mitigated
  });

  it('maps a CSV row\'s columns', async () => {
    const { findings } = await run('generic_report1.csv');
    expect(findings[0]).toMatchObject({
      title: 'ASDF', severity: 'low', categories: ['cwe:1'], location: 'https://vulnerable.endpoint.com/resource1/asdf',
      mitigation: 'Some mitigation advice', description: 'Some description\n\nImpact: Some Impact',
    });
    const four = await run('generic_report4.csv');
    expect(four.findings.map((f) => [f.title, f.severity, f.ruleId])).toEqual([
      ['Title1', 'info', 'CVE-2015-9235'], ['Title2', 'info', 'GHSA-5mrr-rgp6-x4gr'], ['Title3', 'info', 'Title3'], ['Title4', 'info', 'Title4'],
    ]); // blank Severity cells are info, as in DefectDojo
  });

  it('reads tags, several CWEs, vulnerability ids and the tool named by the file', async () => {
    const multi = await run('generic_report_multi_cwe_fabricated.json');
    expect(multi.findings.map((f) => f.categories)).toEqual([['cwe:89', 'cwe:79', 'cwe:22'], ['cwe:79', 'cwe:89', 'cwe:200'], ['cwe:22']]);
    const custom = await run('generic_custom_test.json');
    expect(custom.findings[0]!.categories).toEqual(['cwe:261', 'tag:security', 'tag:network']);
    expect(custom.info).toMatchObject({ tool: 'Tool 1', toolVersion: null });
    expect((await run('generic_custom_test_with_meta.json')).info).toMatchObject({ tool: 'Tool 1', toolVersion: '1.0.0' });
    const ids = await run('generic_cve_and_vulnerability_ids.json');
    expect(ids.findings[0]!.description).toContain('Vulnerability ids: CVE-2020-36234, GHSA-5mrr-rgp6-x4gr, OSV-2021-1234');
  });

  it('tolerates placeholders in numeric fields, as DefectDojo does', async () => {
    const { findings } = await run('generic_non_numeric_fields.json');
    expect(findings.map((f) => [f.categories, f.location])).toEqual([[[], null], [['cwe:79'], null], [['cwe:79'], null]]);
  });

  it('refuses a record with fields the format does not have, naming the record and the fields', async () => {
    const err = await importError(genericImporter, textSource(text('generic_invalid.json')));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/^findings\[0\]: unknown fields invalid_field, last_status_update; expected DefectDojo's generic finding fields \(title, severity/);
    expect((err as InputError).issues.map((i) => i.field)).toEqual(['findings[0].invalid_field', 'findings[0].last_status_update']);
  });

  it('refuses a finding without a title (generic_empty.json), and has no findings in an empty file', async () => {
    const err = await importError(genericImporter, textSource(text('generic_empty.json')));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe('findings[0]: title is required');
    expect((await parse('')).findings).toEqual([]);
    expect((await parse('{"findings": []}')).findings).toEqual([]);
    expect((await parse('Date,Title,CweId,Url,Severity,Description\n')).findings).toEqual([]);
  });
});

describe('generic findings: severities and bad input', () => {
  it('refuses an unknown severity, naming the record or line and the expected words', async () => {
    const json = await fail(JSON.stringify({ findings: [{ title: 'a', severity: 'High', description: '' }, { title: 'b', severity: 'Urgent', description: '' }] }));
    expect(json).toBeInstanceOf(InputError);
    expect(json.message).toBe('findings[1]: severity "Urgent" is not a severity; expected one of Critical, High, Medium, Low, Info');
    const csv = await fail('Title,Severity\nA,high\nB,Severe-ish\n');
    expect(csv.message).toBe('Line 3: severity "Severe-ish" is not a severity; expected one of Critical, High, Medium, Low, Info');
    expect((csv as InputError).issues[0]).toMatchObject({ line: 3 });
    expect((await fail('{"findings": [{"title": "x", "description": ""}]}')).message).toBe('findings[0]: severity is required: one of Critical, High, Medium, Low, Info');
  });

  it('reads severities case-insensitively', async () => {
    const { findings } = await parse('Title,Severity\nA,CRITICAL\nB,info\nC,Medium\n');
    expect(findings.map((f) => f.severity)).toEqual(['critical', 'info', 'medium']);
  });

  it('names the CSV line of a row without a title, a broken row and a missing column', async () => {
    expect((await fail('Title,Severity\nA,Low\n,Low\n')).message).toBe('Line 3: title is required');
    const ragged = await fail('Title,Severity,Description\nA,Low,x\nB,Low\n');
    expect(ragged).toBeInstanceOf(InputError);
    expect(ragged.message).toMatch(/^Line 3: not valid CSV/);
    expect((await fail('Title,Severity\nA,Low\n"B,Low\n')).message).toMatch(/^Line \d+: not valid CSV: .*quote/i);
    expect((await fail('Date,Title,Description\n1/1/2024,A,x\n')).message).toMatch(/^Line 1: the header has no Severity column/);
  });

  it('refuses a truncated JSON file and a JSON file that is not a generic findings file', async () => {
    const full = text('generic_report3.json');
    expect((await fail(full.slice(0, full.length / 2))).message).toMatch(/truncated/);
    expect((await fail('{"runs": []}')).message).toBe('The file is not a DefectDojo generic findings file: no "findings" array');
    expect((await fail('{"findings": {"a": {}}}')).message).toMatch(/"findings" must be an array/);
  });

  it('skips findings the file marks false positive, duplicate or mitigated, and counts them', async () => {
    const csv = 'Title,Severity,FalsePositive,Duplicate\nA,Low,TRUE,FALSE\nB,Low,FALSE,TRUE\nC,Low,FALSE,FALSE\n';
    const { findings, info } = await parse(csv);
    expect(findings.map((f) => f.title)).toEqual(['C']);
    expect(info.reported).toEqual({ findings: 3, falsePositive: 1, duplicate: 1, mitigated: 0, imported: 1 });
    const json = await parse(JSON.stringify({ findings: [{ title: 'A', severity: 'Low', description: '', false_p: true }] }));
    expect(json.info.reported).toMatchObject({ findings: 1, falsePositive: 1, imported: 0 });
  });

  it('reads multi-line quoted cells and characters cut between chunks', async () => {
    const csv = 'Date,Title,CweId,Url,Severity,Description,Mitigation\n11/7/16,Potential XSS — é,79,,High,"FileName: default.aspx.cs\nLine:18\nCode Line: Response.Write(output);",None\n';
    const { findings } = await parse(csv, 3);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ title: 'Potential XSS — é', severity: 'high', categories: ['cwe:79'] });
    expect(findings[0]!.description).toBe('FileName: default.aspx.cs\nLine:18\nCode Line: Response.Write(output);');
  });

  it('caps oversized text', async () => {
    const huge = 'y'.repeat(MAX_EVIDENCE_CHARS * 2);
    const { findings } = await parse(JSON.stringify({ findings: [{ title: 'T', severity: 'Low', description: huge, steps_to_reproduce: huge }] }));
    expect(findings[0]!.description.length).toBeLessThan(MAX_EVIDENCE_CHARS + 100);
    expect(findings[0]!.evidence[0]!.reason).toMatch(/more characters not kept\]$/);
  });
});

describe('generic findings fingerprints', () => {
  it('follow unique_id_from_tool across files (two runs of the same tool)', async () => {
    const one = await run('generic_report1.json');
    const custom = await run('generic_custom_test.json');
    expect(custom.findings[0]!.fingerprint).toBe(one.findings[0]!.fingerprint); // same unique_id_from_tool
    expect(one.findings[1]!.fingerprint).not.toBe(one.findings[0]!.fingerprint);
  });

  it('without ids: the same title, file and CWE is the same finding whatever its line or text; another file is not', async () => {
    const f = (extra: Json) => ({ title: 'SQL injection in login', severity: 'High', description: 'd', cwe: 89, file_path: 'app/login.py', line: 10, ...extra });
    const { findings } = await parse(JSON.stringify({ findings: [
      f({}), f({ line: 55, description: 'reworded', date: '2025-01-01' }), f({ file_path: 'app/signup.py' }), f({ cwe: 564 }),
    ] }));
    const [a, b, c, d] = findings.map((x) => x.fingerprint);
    expect(b).toBe(a);
    expect(new Set([a, c, d]).size).toBe(3);
    const v = (file: string) => ({ title: 't', severity: 'Low', description: '', vuln_id_from_tool: 'RULE-7', file_path: file });
    const byVuln = await parse(JSON.stringify({ findings: [v('a.py'), v('b.py'), { ...v('a.py'), title: 'renamed' }] }));
    expect(byVuln.findings[0]!.fingerprint).not.toBe(byVuln.findings[1]!.fingerprint);
    expect(byVuln.findings[2]!.fingerprint).toBe(byVuln.findings[0]!.fingerprint);
  });
});

describe('generic findings detection', () => {
  it('recognises DefectDojo generic JSON and CSV files, and neither SARIF logs nor other CSVs', () => {
    for (const name of NAMES) expect(genericImporter.detect(text(name), name), name).toBe(true);
    for (const name of readdirSync(fixturePath('sarif', '.')).filter((f) => f !== 'SOURCES.md')) {
      const head = readFileSync(fixturePath('sarif', name), 'utf8').slice(0, 64 * 1024);
      expect(genericImporter.detect(head, name), name).toBe(false);
      expect(sarifImporter.detect(head, name), name).toBe(true);
    }
    expect(genericImporter.detect('"Test ID","Plugin","Strategy","Target","Prompt","Response","Pass","Score"\n', 'report.csv')).toBe(false);
    expect(genericImporter.detect('{"evalId": "e", "results": {"findings": []}}', 'x.json')).toBe(false);
    expect(genericImporter.detect('Title,Severity\nA,Low\n', 'notes.txt')).toBe(false);
  });
});
