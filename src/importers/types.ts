/**
 * What every importer yields: findings normalized from a tool's output, and what it learned
 * about the run. Importers are pure streaming parsers (bytes in, findings out): no database,
 * no HTTP. Each documents its fingerprint: which fields, normalized how, so that the same
 * weakness found again by a later run of the same tool is the same finding.
 */
import type { Severity } from '../domain/severity.ts';

export type ImportFormat = 'promptfoo' | 'garak' | 'sarif' | 'generic' | 'inspect';

/** One piece of evidence: what was sent, what came back, why it failed. Strings are capped. */
export interface Evidence {
  prompt?: string;
  response?: string;
  reason?: string;
  score?: number;
  /** Strategy, detector, test id… whatever the tool names the case by. */
  label?: string;
  location?: string;
  snippet?: string;
}

export interface NormalizedFinding {
  /** Stable identity within a format: hex SHA-256 of the documented fields (see fingerprint.ts). */
  fingerprint: string;
  title: string;
  severity: Severity;
  /** The tool's own rule: promptfoo plugin id, garak probe/detector, SARIF rule id… */
  ruleId: string;
  /** The system under test (model, provider, endpoint), when the tool names one. */
  target: string | null;
  /** Where the weakness is: a file and line for scanners, null for model behaviour. */
  location: string | null;
  description: string;
  mitigation: string | null;
  /** Normalized category ids: `owasp-llm:LLM01`, `atlas:AML.T0051`, `nist-ai-rmf:MS-2.7`, `cwe:79`, `avid:…`, `tag:…`. */
  categories: string[];
  /** How often it failed in this run, when the tool counts attempts (garak, promptfoo groups). */
  counts: { failed: number; total: number } | null;
  /** At most MAX_EVIDENCE items, each string at most MAX_EVIDENCE_CHARS. */
  evidence: Evidence[];
}

export interface RunInfo {
  tool: string;
  toolVersion: string | null;
  /** The target of the whole run, when the file names one. */
  target: string | null;
  startedAt: string | null;
  /** What the tool itself says it ran, e.g. `{ tests: 120, failures: 14 }`; shown beside ours. */
  reported: Record<string, number>;
}

/** Progress while parsing: bytes read so far and findings yielded. */
export type ParseProgress = (bytesRead: number, findings: number) => void;

export interface Importer {
  readonly format: ImportFormat;
  /** Whether the first bytes of a file (and its name) look like this format. */
  detect(head: string, fileName: string | undefined): boolean;
  /**
   * Streams the file: yields findings as they are complete, returns the run's info. Bad input
   * throws an InputError naming the line or record and what was expected.
   */
  parse(source: AsyncIterable<Uint8Array>, onProgress?: ParseProgress): AsyncGenerator<NormalizedFinding, RunInfo, undefined>;
}

export const MAX_EVIDENCE = 5;
export const MAX_EVIDENCE_CHARS = 8_000;
