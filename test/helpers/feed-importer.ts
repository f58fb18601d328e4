/** Feeding importers in tests: fixture files, in-memory text, and collecting what they yield. */
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Importer, NormalizedFinding, ParseProgress, RunInfo } from '../../src/importers/types.ts';

export function fixturePath(tool: string, name: string): string {
  return fileURLToPath(new URL(`../fixtures/${tool}/${name}`, import.meta.url));
}

/** Text as a byte stream, in chunks of `chunkSize` bytes (to cut values and characters apart). */
export function textSource(text: string, chunkSize = 64 * 1024): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return (async function* () {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  })();
}

export interface Imported { findings: NormalizedFinding[]; info: RunInfo }

export async function importAll(importer: Importer, source: AsyncIterable<Uint8Array>, onProgress?: ParseProgress): Promise<Imported> {
  const findings: NormalizedFinding[] = [];
  const gen = importer.parse(source, onProgress);
  for (;;) {
    const next = await gen.next();
    if (next.done) return { findings, info: next.value };
    findings.push(next.value);
  }
}

export function importFile(importer: Importer, tool: string, name: string, onProgress?: ParseProgress): Promise<Imported> {
  return importAll(importer, createReadStream(fixturePath(tool, name)), onProgress);
}

/** The error an import throws (fails the test when it does not throw). */
export async function importError(importer: Importer, source: AsyncIterable<Uint8Array>): Promise<Error> {
  try {
    await importAll(importer, source);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the import to fail');
}
