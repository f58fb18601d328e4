/**
 * Splits a byte stream into lines (JSONL, CSV), numbered from 1, without holding more than
 * one line. A line longer than `maxLineBytes` is refused with its number rather than grown
 * without bound.
 */
import { InputError } from '../domain/errors.ts';

export interface Line { number: number; text: string }

export async function* readLines(
  source: AsyncIterable<Uint8Array>, maxLineBytes = 64 * 1024 * 1024, onBytes?: (bytes: number) => void,
): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let number = 0;
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    onBytes?.(bytes);
    pending += decoder.decode(chunk, { stream: true });
    let nl = pending.indexOf('\n');
    while (nl !== -1) {
      number += 1;
      yield { number, text: pending.slice(0, nl).replace(/\r$/, '') };
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
    if (pending.length > maxLineBytes) {
      throw new InputError(`Line ${number + 1} is longer than ${maxLineBytes} bytes; is this the right file?`,
        [{ line: number + 1, message: 'line too long' }]);
    }
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { number: number + 1, text: pending.replace(/\r$/, '') };
}

/** Parses one JSONL line, naming the line when it is not JSON. */
export function parseJsonLine(line: Line): unknown {
  try {
    return JSON.parse(line.text);
  } catch (err) {
    throw new InputError(`Line ${line.number} is not valid JSON: ${(err as Error).message}`,
      [{ line: line.number, message: 'not valid JSON' }]);
  }
}
