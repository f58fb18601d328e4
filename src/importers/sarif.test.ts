import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, importFile, type Imported } from '../../test/helpers/feed-importer.ts';
import { SEVERITIES } from '../domain/severity.ts';
import { sarifImporter } from './sarif.ts';
import { MAX_EVIDENCE } from './types.ts';

type Json = Record<string, unknown>;
const FIXTURES = readdirSync(fixturePath('sarif', '.')).filter((f) => /\.(sarif|json)$/.test(f)).sort();
const load = (name: string) => JSON.parse(readFileSync(fixturePath('sarif', name), 'utf8')) as { runs: { results?: Json[] }[] };
const run = (name: string) => importFile(sarifImporter, 'sarif', name);

/** The tool's own record, read independently with JSON.parse: what should and should not be a finding. */
function expected(name: string) {
  const results = load(name).runs.flatMap((r) => r.results ?? []);
  const statusOf = (s: Json) => (s.status ?? s.state) as string | undefined;
  const suppressed = (r: Json) => Array.isArray(r.suppressions) && r.suppressions.length > 0
    && (r.suppressions as Json[]).every((s) => statusOf(s) === undefined || statusOf(s) === 'accepted');
  const passed = results.filter((r) => r.kind === 'pass').length;
  const skippedKind = (r: Json) => ['pass', 'notApplicable', 'informational'].includes(r.kind as string);
  return {
    results: results.length,
    passed,
    suppressed: results.filter((r) => !skippedKind(r) && suppressed(r)).length,
    failures: results.filter((r) => !skippedKind(r) && r.baselineState !== 'absent' && !suppressed(r)).length,
  };
}

const byRule = (imported: Imported, ruleId: string) => imported.findings.filter((f) => f.ruleId === ruleId);

describe('SARIF importer on real scanner outputs', () => {
  it.each(FIXTURES)('%s: one finding per failed, unsuppressed result, as the log itself counts them', async (name) => {
    const want = expected(name);
    const { findings, info } = await run(name);
    expect(findings).toHaveLength(want.failures);
    expect(info.reported).toMatchObject({ results: want.results, failures: want.failures, suppressed: want.suppressed, passed: want.passed });
    for (const f of findings) {
      expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(SEVERITIES).toContain(f.severity);
      expect(f.title.trim()).not.toBe('');
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE);
    }
  });

  it('skips the results a team suppressed (SuppressionTestCurrent) and keeps the one that is not', async () => {
    const { findings, info } = await run('SuppressionTestCurrent.sarif');
    expect(info.reported).toMatchObject({ results: 4, suppressed: 3, failures: 1 });
    expect(findings.map((f) => [f.ruleId, f.location, f.title])).toEqual([['TST0004', '/C:/code/file4.c', 'Existing, originally suppressed result.']]);
    // appendix K: a suppression with the pre-release "state": "accepted" is honoured too.
    expect((await run('appendix_k.sarif')).info.reported).toMatchObject({ results: 1, suppressed: 1, failures: 0 });
  });

  it('skips kind "pass" results (flawfinder) without counting them as failures', async () => {
    const { findings, info } = await run('flawfinder.sarif');
    expect(info.reported).toMatchObject({ results: 54, passed: 1, failures: 53 });
    expect(findings).toHaveLength(53);
  });

  it('keeps every location of a multi-location result as evidence, capped at the evidence limit', async () => {
    const njs = await run('njsscan.sarif');
    const [password] = byRule(njs, 'node_password');
    expect(password!.location).toBe('/src/index.js:235');
    expect(password!.evidence.map((e) => [e.location, e.snippet?.trim()])).toEqual([
      ['/src/index.js:235', 'passwdInput.type = "text";'],
      ['/src/index.js:239', 'passwdInput.type = "password";'],
    ]);
    expect(password!.evidence[0]!.reason).toBe('A hardcoded password in plain text is identified. Store it properly in an environment variable.');
    const mobsf = await run('mobsfscan.json');
    const [logging] = byRule(mobsf, 'android_logging');
    expect(load('mobsfscan.json').runs[0]!.results![0]!.locations).toHaveLength(8);
    expect(logging!.evidence).toHaveLength(MAX_EVIDENCE);
  });

  it('maps severity from security-severity, else the level of the result or its rule', async () => {
    const grype = await run('cxf-3.4.6.sarif');
    const sev = (id: string) => grype.findings.find((f) => f.ruleId.startsWith(id))!.severity;
    expect([sev('CVE-2008-0732'), sev('CVE-2019-12406'), sev('CVE-2011-5034'), sev('CVE-2019-12419')])
      .toEqual(['low', 'medium', 'high', 'critical']); // security-severity 2.1, 6.5, 7.8, 9.8
    const dockle = await run('dockle_0_3_15.sarif');
    expect(byRule(dockle, 'CIS-DI-0010')[0]!.severity).toBe('high'); // level error
    expect(byRule(dockle, 'CIS-DI-0005')[0]!.severity).toBe('low'); // level note
    const flaw = await run('flawfinder.sarif');
    expect(flaw.findings[0]!.severity).toBe('high'); // no level: the rule's defaultConfiguration error
    const njs = await run('njsscan.sarif');
    expect(byRule(njs, 'node_insecure_random_generator')[0]!.severity).toBe('medium'); // no level anywhere: warning
  });

  it('normalises CWE from rule tags, result properties and rule relationships; other tags as tag:', async () => {
    const codeql = await run('codeQL-output.sarif');
    expect(byRule(codeql, 'py/reflective-xss')[0]!.categories).toEqual(expect.arrayContaining(['cwe:79', 'cwe:116', 'tag:security']));
    expect(byRule(codeql, 'py/sql-injection')[0]!.categories).toContain('cwe:89');
    const njs = await run('njsscan.sarif');
    expect(byRule(njs, 'node_password')[0]!.categories).toEqual(['cwe:798']);
    const flaw = await run('flawfinder.sarif');
    expect(byRule(flaw, 'FF1021')[0]!.categories).toEqual(['cwe:120', 'cwe:20']);
    const bd = await run('blackduck_nested_fingerprints.sarif');
    expect(bd.findings[0]!.categories).toEqual(['tag:bdsa', 'cwe:79', 'tag:sbom']);
    for (const f of [...codeql.findings, ...njs.findings, ...flaw.findings]) expect(new Set(f.categories).size).toBe(f.categories.length);
  });

  it('titles a finding by its rule, describes it by its message, and fills templated messages', async () => {
    const codeql = await run('codeQL-output.sarif');
    const [except] = byRule(codeql, 'py/empty-except');
    expect(except!.title).toBe('Empty except');
    expect(except!.description).toMatch(/^'except' clause does nothing but pass/);
    expect(except!.evidence[0]!.snippet).toContain('except FileNotFoundError');
    const k2 = await run('appendix_k2.sarif');
    expect(k2.findings[0]!.description).toMatch(/^Variable "count" was used without being initialized\./);
    const grype = await run('cxf-3.4.6.sarif');
    // The rule's help is its findings' mitigation, carried once per rule (the store keeps it once).
    expect(grype.findings[0]!.mitigation).toBeNull();
    expect(grype.findings[0]!.ruleText!.mitigation).toMatch(/^Vulnerability CVE-2008-0732/);
    const sameRule = byRule(codeql, 'py/empty-except');
    expect(sameRule.length).toBeGreaterThan(1);
    expect(new Set(sameRule.map((f) => f.ruleText)).size).toBe(1);
    expect(except!.description).not.toContain(except!.ruleText!.description ?? '\u0000');
    expect(grype.info).toMatchObject({ tool: 'Grype', toolVersion: '0.34.7' });
  });

  it('reports progress up to the whole file and every finding', async () => {
    const calls: [number, number][] = [];
    const { findings } = await importFile(sarifImporter, 'sarif', 'codeQL-output.sarif', (b, n) => calls.push([b, n]));
    expect(calls.at(-1)![0]).toBe(statSync(fixturePath('sarif', 'codeQL-output.sarif')).size);
    expect(Math.max(...calls.map((c) => c[1]))).toBeLessThanOrEqual(findings.length);
    expect(calls.some(([, n]) => n > 0)).toBe(true);
  });
});

describe('SARIF fingerprints', () => {
  it('recognise the weaknesses of a later run: the fixed one disappears, the others keep their fingerprint', async () => {
    // DefectDojo's re-import fixtures: the "subset" run is the same scan with one weakness fixed.
    const before = await run('bash-report-fabricated-no-internal-dupes.sarif');
    const after = await run('bash-report-fabricated-no-internal-dupes-subset.sarif');
    const earlier = new Set(before.findings.map((f) => f.fingerprint));
    expect(earlier.size).toBe(5);
    expect(after.findings.every((f) => earlier.has(f.fingerprint))).toBe(true);
    expect(before.findings.filter((f) => !after.findings.some((a) => a.fingerprint === f.fingerprint)).map((f) => f.ruleId)).toEqual(['1035']);
  });

  it('are equal for results with the same partialFingerprints (repeated results) and differ otherwise', async () => {
    const log = load('bash-report.sarif');
    const keys = log.runs[0]!.results!.map((r) => JSON.stringify([r.ruleId, r.partialFingerprints,
      ((r.locations as Json[])[0]!.physicalLocation as { artifactLocation: { uri: string } }).artifactLocation.uri]));
    const { findings } = await run('bash-report.sarif');
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(new Set(keys).size); // 12 distinct of 27
    keys.forEach((k, i) => keys.forEach((k2, j) => {
      expect(findings[i]!.fingerprint === findings[j]!.fingerprint).toBe(k === k2);
    }));
  });

  it('keep apart the same line hash in two files (CodeQL hashes line text only)', async () => {
    const { findings } = await run('codeQL-output.sarif');
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(72);
    const [good, bad] = [findings[0]!, findings[2]!];
    expect([good.location, bad.location]).toEqual(['good/db_init.py:39', 'bad/db_init.py:40']);
    expect(good.fingerprint).not.toBe(bad.fingerprint);
  });

  it('read nested fingerprint values (Black Duck) and are the same on a second import', async () => {
    const first = await run('blackduck_nested_fingerprints.sarif');
    const second = await run('blackduck_nested_fingerprints.sarif');
    expect(second.findings.map((f) => f.fingerprint)).toEqual(first.findings.map((f) => f.fingerprint));
    expect(new Set(first.findings.map((f) => f.fingerprint)).size).toBe(5);
  });
});
