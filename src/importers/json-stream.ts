/**
 * Streams a JSON document and yields the values at the given paths (`$`, `$.a`, `$.a.*`,
 * `$.*.b`…; json-scanner.ts) without holding the whole file: each value is released once
 * yielded. Syntax errors, truncation and strings over MAX_STRING_BYTES (the scanner watches
 * every string, kept or skipped) become InputErrors naming the byte offset.
 */
import { JsonPathScanner, MAX_STRING_BYTES, MAX_VALUE_BYTES } from './json-scanner.ts';
import type { ParseProgress } from './types.ts';

export interface JsonHit {
  /** Keys from the root to the value, e.g. ['runs', 0, 'results', 12]. */
  keys: (string | number)[];
  value: unknown;
}

export async function* streamJson(
  source: AsyncIterable<Uint8Array>, paths: string[], onBytes?: (bytes: number) => void, maxStringBytes = MAX_STRING_BYTES,
): AsyncGenerator<JsonHit> {
  const scanner = new JsonPathScanner(paths, MAX_VALUE_BYTES, maxStringBytes);
  let bytes = 0;
  for await (const chunk of source) {
    const hits = scanner.write(chunk);
    bytes += chunk.byteLength;
    onBytes?.(bytes);
    yield* hits;
  }
  scanner.end();
}

/** A parse-progress reporter that can be fed bytes and findings separately. */
export function progressReporter(onProgress: ParseProgress | undefined) {
  let bytes = 0;
  let findings = 0;
  return {
    bytes(n: number) { bytes = n; onProgress?.(bytes, findings); },
    finding() { findings += 1; },
    get findings() { return findings; },
  };
}
