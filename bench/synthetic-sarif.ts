/**
 * A synthetic SARIF 2.1.0 log shaped like CodeQL's: one run, 40 rules with descriptions, tags,
 * CWE ids and security-severity, then the results, streamed to a file one by one.
 *
 * Every result is a distinct finding: the importer fingerprints a result with
 * `partialFingerprints` by (ruleId, file URI, the fingerprints), and each result's
 * `primaryLocationLineHash` is a bijection of its index (distinct by construction). Result `i`
 * is a pure function of `i`, so `reverse: true` writes the same findings in the opposite order
 * (with another start time: a different file, the same findings).
 */
import { between, codeSnippet, pick, prng, prose, TextFileWriter } from './synthetic-text.ts';

export interface SyntheticSarifOptions {
  /** How many results to write (or fewer, when `stopAtBytes` comes first). */
  results: number;
  /** Stop once the file holds this many bytes (the 1 GB file of the peak-RSS run). */
  stopAtBytes?: number;
  /** Write results n-1 … 0 instead of 0 … n-1. */
  reverse?: boolean;
  startTimeUtc: string;
  /** Characters of each result's message and of its code snippet, [min, max]. */
  messageChars: [number, number];
  snippetChars: [number, number];
}

export interface WrittenFile {
  path: string;
  bytes: number;
  /** Results (= distinct findings) written. */
  results: number;
}

const RULE_COUNT = 40;
const LANGS = ['py', 'js', 'java', 'go'];
const WEAKNESSES: [string, string, number, number][] = [
  ['sql-injection', 'Database query built from user-controlled sources', 89, 8.8],
  ['command-line-injection', 'Uncontrolled command line', 78, 9.8],
  ['path-injection', 'Uncontrolled data used in path expression', 22, 7.5],
  ['reflective-xss', 'Reflected server-side cross-site scripting', 79, 6.1],
  ['clear-text-logging-sensitive-data', 'Clear-text logging of sensitive information', 312, 7.5],
  ['unsafe-deserialization', 'Deserialization of user-controlled data', 502, 9.8],
  ['ssrf', 'Full server-side request forgery', 918, 9.1],
  ['weak-cryptographic-algorithm', 'Use of a broken or weak cryptographic algorithm', 327, 7.5],
  ['stack-trace-exposure', 'Information exposure through an exception', 209, 5.4],
  ['prompt-injection', 'User input flows into the system prompt', 77, 8.1],
];

function fmix32(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const hex8 = (n: number) => n.toString(16).padStart(8, '0');

function rule(r: number) {
  const [name, short, cwe, score] = WEAKNESSES[r % WEAKNESSES.length]!;
  const lang = LANGS[Math.floor(r / WEAKNESSES.length) % LANGS.length]!;
  const id = `${lang}/${name}`;
  const rng = prng(1_000_003 * (r + 1));
  return {
    id, name: id,
    shortDescription: { text: short },
    fullDescription: { text: prose(rng, 220) },
    defaultConfiguration: { enabled: true, level: score >= 7 ? 'error' : 'warning' },
    help: { text: `# ${short}\n\n${prose(rng, 600)}` },
    helpUri: `https://codeql.example.com/rules/${id}`,
    properties: {
      tags: ['security', `external/cwe/cwe-${String(cwe).padStart(3, '0')}`],
      'security-severity': String(score), precision: 'high', kind: 'path-problem',
    },
  };
}

const RULES = Array.from({ length: RULE_COUNT }, (_, r) => rule(r));
const MODULES = ['api', 'auth', 'billing', 'chat', 'ingest', 'models', 'plugins', 'retrieval', 'tools', 'webhooks'];

/** Result `i`: a pure function of `i` (the same bytes whatever the order it is written in). */
export function sarifResult(i: number, opts: Pick<SyntheticSarifOptions, 'messageChars' | 'snippetChars'>): object {
  const rng = prng(fmix32(i + 0x5a1f));
  const r = i % RULE_COUNT;
  const uri = `src/${pick(rng, MODULES)}/handler_${Math.floor(i / 8)}.${LANGS[Math.floor(r / WEAKNESSES.length) % LANGS.length]}`;
  const startLine = between(rng, [1, 2000]);
  return {
    ruleId: RULES[r]!.id,
    ruleIndex: r,
    message: { text: prose(rng, between(rng, opts.messageChars)) },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
        region: { startLine, startColumn: between(rng, [1, 40]), endColumn: between(rng, [41, 120]) },
        contextRegion: { startLine: Math.max(1, startLine - 2), endLine: startLine + 2, snippet: { text: codeSnippet(rng, between(rng, opts.snippetChars)) } },
      },
    }],
    partialFingerprints: {
      primaryLocationLineHash: `${hex8(fmix32(i))}${hex8(fmix32(i ^ 0x9e3779b9))}:1`,
      primaryLocationStartColumnFingerprint: String(between(rng, [0, 40])),
    },
  };
}

export async function writeSyntheticSarif(path: string, opts: SyntheticSarifOptions): Promise<WrittenFile> {
  const out = new TextFileWriter(path);
  await out.write(`{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{` +
    `"tool":${JSON.stringify({ driver: { name: 'CodeQL', organization: 'GitHub', semanticVersion: '2.15.4', rules: RULES } })},` +
    `"invocations":[{"executionSuccessful":true,"startTimeUtc":${JSON.stringify(opts.startTimeUtc)}}],` +
    `"columnKind":"utf16CodeUnits","results":[\n`);
  let written = 0;
  for (let k = 0; k < opts.results; k++) {
    if (opts.stopAtBytes !== undefined && out.size >= opts.stopAtBytes) break;
    const i = opts.reverse ? opts.results - 1 - k : k;
    await out.write(`${written > 0 ? ',\n' : ''}${JSON.stringify(sarifResult(i, opts))}`);
    written += 1;
  }
  await out.write('\n]}]}\n');
  await out.close();
  return { path, bytes: out.size, results: written };
}
