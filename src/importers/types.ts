/**
 * What every importer yields: findings normalized from a tool's output, and what it learned
 * about the run. Importers are pure streaming parsers (bytes in, findings out): no database,
 * no HTTP. Each documents its fingerprint: which fields, normalized how, so that the same
 * weakness found again by a later run of the same tool is the same finding.
 */
import type { NormalizedFinding } from '../domain/findings.ts';

// The finding shape lives in domain/ (the store merges it too); importers use it from here.
export { MAX_EVIDENCE, MAX_EVIDENCE_CHARS, type Evidence, type NormalizedFinding } from '../domain/findings.ts';

export type ImportFormat = 'promptfoo' | 'garak' | 'sarif' | 'generic' | 'inspect';

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
  /**
   * True when its findings are groups of the file's records, complete only at the end of the
   * file (promptfoo, garak): it holds them all until then, so its memory grows with the findings.
   */
  readonly groupsUntilEnd?: boolean;
  /** Whether the first bytes of a file (and its name) look like this format. */
  detect(head: string, fileName: string | undefined): boolean;
  /**
   * Streams the file: yields findings as they are complete, returns the run's info. Bad input
   * throws an InputError naming the line or record and what was expected.
   */
  parse(source: AsyncIterable<Uint8Array>, onProgress?: ParseProgress): AsyncGenerator<NormalizedFinding, RunInfo, undefined>;
}
