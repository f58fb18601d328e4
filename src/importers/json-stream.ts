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

export async function* streamJson(
  source: AsyncIterable<Uint8Array>, paths: string[], onBytes?: (bytes: number) => void,
): AsyncGenerator<JsonHit> {
  const parser = new JSONParser({ paths, keepStack: false, stringBufferSize: 64 * 1024 });
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
