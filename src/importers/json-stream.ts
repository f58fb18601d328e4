/**
 * Streams a JSON document and yields the values at the given paths (the subset of JSONPath
 * that @streamparser/json supports: `$`, `$.a`, `$.a.*`, `$.*.b`…) without holding the whole
 * file: each value is released once yielded. Syntax errors and truncation become InputErrors
 * naming the byte offset.
 */
import { JSONParser } from '@streamparser/json';
import { InputError } from '../domain/errors.ts';
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
  const parser = new JSONParser({ paths, keepStack: false, stringBufferSize: 64 * 1024 });
  const guard = stringGuard(maxStringBytes);
  const queue: JsonHit[] = [];
  parser.onValue = ({ value, key, stack }) => {
    const keys = stack.slice(1).map((s) => s.key as string | number);
    if (key !== undefined) keys.push(key as string | number);
    queue.push({ keys, value });
  };
  let bytes = 0;
  const fail = (err: unknown, upTo: number): never => {
    const message = err instanceof Error ? err.message : String(err);
    const position = /position "?(\d+)"?/.exec(message)?.[1];
    const where = position ? `at byte ${position}` : `between bytes ${bytes} and ${upTo}`;
    throw new InputError(`The file is not valid JSON ${where}: ${message.replace(/ in state .*$/, '')}`,
      [{ field: 'file', message: `not valid JSON ${where}` }]);
  };
  for await (const chunk of source) {
    guard(chunk);
    try {
      parser.write(chunk);
    } catch (err) {
      fail(err, bytes + chunk.byteLength);
    }
    bytes += chunk.byteLength;
    onBytes?.(bytes);
    while (queue.length > 0) yield queue.shift()!;
  }
  if (!parser.isEnded) {
    try {
      parser.end();
    } catch {
      throw new InputError(`The file ends in the middle of a JSON value after ${bytes} bytes: it looks truncated`,
        [{ field: 'file', message: 'truncated JSON' }]);
    }
  }
  while (queue.length > 0) yield queue.shift()!;
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
