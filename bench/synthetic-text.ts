/**
 * Deterministic filler for the synthetic tool outputs: a seeded PRNG, prose of a chosen length
 * and code-like snippets. Everything is a pure function of its seed, so a generator can write
 * the same result `i` in any order (the re-import file lists the same findings reversed).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
export const between = (rng: () => number, [min, max]: readonly [number, number]): number => min + Math.floor(rng() * (max - min + 1));

const SUBJECTS = ['the request handler', 'this query builder', 'the session cache', 'the upload parser', 'the template helper',
  'the retry loop', 'the model router', 'the tool-call dispatcher', 'the prompt assembler', 'the audit exporter'];
const VERBS = ['passes', 'forwards', 'concatenates', 'interpolates', 'stores', 'logs', 'deserializes', 'evaluates', 'returns', 'caches'];
const OBJECTS = ['a user-controlled value', 'the raw request body', 'an unvalidated header', 'the model output', 'a file name from the archive',
  'the retrieved document', 'a token from the query string', 'the tool result', 'the conversation history', 'an environment variable'];
const ENDINGS = ['without sanitization', 'before the permission check', 'into a shell command', 'into an SQL statement', 'into the system prompt',
  'to an external endpoint', 'without escaping', 'after the length limit is applied', 'in plain text', 'on every retry'];

/** English-looking prose of at least `length` characters, cut at a word boundary near it. */
export function prose(rng: () => number, length: number): string {
  let text = '';
  while (text.length < length) {
    const sentence = `${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, OBJECTS)} ${pick(rng, ENDINGS)}.`;
    text += (text ? ' ' : '') + sentence[0]!.toUpperCase() + sentence.slice(1);
  }
  const cut = text.lastIndexOf(' ', length);
  return cut > length * 0.8 ? `${text.slice(0, cut)}.` : text;
}

const IDENTS = ['request', 'payload', 'user_id', 'session', 'prompt', 'response', 'rows', 'cursor', 'config', 'tokens', 'result', 'path'];
const CALLS = ['db.execute', 'render_template', 'subprocess.run', 'json.loads', 'open', 'requests.get', 'logger.info', 'eval', 'cache.set'];

/** A code-like snippet of about `length` characters, several lines. */
export function codeSnippet(rng: () => number, length: number): string {
  const lines: string[] = [];
  let size = 0;
  while (size < length) {
    const indent = '    '.repeat(1 + Math.floor(rng() * 3));
    const line = rng() < 0.3
      ? `${indent}# ${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, OBJECTS)}`
      : `${indent}${pick(rng, IDENTS)} = ${pick(rng, CALLS)}(${pick(rng, IDENTS)}, ${pick(rng, IDENTS)}=${pick(rng, IDENTS)})`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** A deterministic UUID-shaped id from two numbers (not random: files must be reproducible). */
export function fakeUuid(a: number, b: number): string {
  const hex = (n: number, w: number) => (n >>> 0).toString(16).padStart(w, '0').slice(-w);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b, 3)}-8${hex(a ^ b, 3)}-${hex(a * 2654435761, 8)}${hex(b, 4)}`;
}

/**
 * A buffered writer to a file that respects back-pressure, so a generator can write a
 * gigabyte without holding it: text is gathered into ~1 MB chunks.
 */
export class TextFileWriter {
  private readonly stream;
  private pending: string[] = [];
  private pendingChars = 0;
  private written = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= 1 << 20) await this.drain();
  }

  private async drain(): Promise<void> {
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    this.written += chunk.byteLength;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Bytes written so far, counting what is still buffered (as characters: the filler is ASCII). */
  get size(): number {
    return this.written + this.pendingChars;
  }

  async close(): Promise<void> {
    await this.drain();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
