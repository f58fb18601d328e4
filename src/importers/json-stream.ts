/**
 * Streams a JSON document and yields the values at the given paths (`$`, `$.a`, `$.a.*`,
 * `$.*.b`…; json-scanner.ts) without holding the whole file: each value is released once
 * yielded. Syntax errors and truncation become InputErrors naming the byte offset.
 */
import { InputError } from '../domain/errors.ts';
import { JsonPathScanner } from './json-scanner.ts';
import type { ParseProgress } from './types.ts';

export interface JsonHit {
  /** Keys from the root to the value, e.g. ['runs', 0, 'results', 12]. */
  keys: (string | number)[];
  value: unknown;
}

/** Longer strings are refused: a finding keeps 8,000 characters of any text anyway (MAX_EVIDENCE_CHARS). */
export const MAX_STRING_BYTES = 16 * 1024 * 1024;

/**
 * Watches the bytes for a JSON string longer than `max`, which the parser would otherwise hold
 * whole (a 100 MB string is 200 MB of UTF-16). Tracks only whether it is inside a string.
 */
function stringGuard(max: number) {
  let inString = false;
  /** Backslashes right before the current position (an odd count escapes a quote). */
  let slashes = 0;
  let run = 0;
  let offset = 0;
  const refuse = (at: number): never => {
    throw new InputError(`The file has a string of more than ${max} bytes starting at byte ${at}: Keel keeps at most `
      + '8,000 characters of any text; is this the right file?', [{ field: 'file', message: `string longer than ${max} bytes at byte ${at}` }]);
  };
  return (chunk: Uint8Array): void => {
    let i = 0;
    while (i < chunk.length) {
      const quote = chunk.indexOf(0x22, i);
      const end = quote === -1 ? chunk.length : quote;
      if (inString) {
        run += end - i;
        if (run > max) refuse(offset + end - run);
        // Count the backslashes that end the text before the quote (they may span chunks).
        let k = end - 1;
        let n = 0;
        while (k >= i && chunk[k] === 0x5c) { n += 1; k -= 1; }
        slashes = k < i ? slashes + n : n;
        if (quote === -1) break;
        if (slashes % 2 === 0) inString = false;
        else run += 1;
        slashes = 0;
      } else if (quote !== -1) {
        inString = true;
        run = 0;
        slashes = 0;
      } else {
        break;
      }
      i = end + 1;
    }
    offset += chunk.length;
  };
}

export async function* streamJson(
  source: AsyncIterable<Uint8Array>, paths: string[], onBytes?: (bytes: number) => void, maxStringBytes = MAX_STRING_BYTES,
): AsyncGenerator<JsonHit> {
  const scanner = new JsonPathScanner(paths);
  const guard = stringGuard(maxStringBytes);
  let bytes = 0;
  for await (const chunk of source) {
    guard(chunk);
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
