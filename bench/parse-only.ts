/**
 * The importer alone: the file streamed through `importer.parse()` with nothing stored, so an
 * import's time can be split into parsing and storing. Reads the file as `keel import` does
 * (1 MB chunks).
 */
import { createReadStream } from 'node:fs';
import type { NormalizedFinding } from '../src/domain/findings.ts';
import type { Importer, RunInfo } from '../src/importers/types.ts';

export const READ_CHUNK = 1 << 20;

export interface ParseOnly {
  seconds: number;
  findings: number;
  info: RunInfo;
}

/** Parses the file; `each` (not timed separately) sees every finding. */
export async function parseFile(importer: Importer, path: string, each?: (f: NormalizedFinding) => void | Promise<void>): Promise<ParseOnly> {
  const started = performance.now();
  const parsing = importer.parse(createReadStream(path, { highWaterMark: READ_CHUNK }));
  let findings = 0;
  let next = await parsing.next();
  while (!next.done) {
    findings += 1;
    if (each) await each(next.value);
    next = await parsing.next();
  }
  return { seconds: (performance.now() - started) / 1000, findings, info: next.value };
}
