/**
 * A byte scanner that finds the values at chosen paths of a JSON document as it streams, and
 * hands each one to the engine's own JSON.parse. Why not a token-level streaming parser
 * (@streamparser/json, the first version): building every value token by token in JavaScript
 * cost ~60% of a SARIF import (measured: 37 MB/s for the whole importer); finding where a value
 * starts and ends is a tight loop over bytes, and JSON.parse of the value's text is native.
 *
 * What it checks. The structure around the chosen values — objects, arrays, keys, colons,
 * commas — is parsed as JSON and any error names its byte offset; each chosen value is parsed
 * whole by JSON.parse (an error there also names the byte). Values on no chosen path are skipped
 * by their brackets and strings only (their insides are not validated: they are not read).
 * A document that ends inside a value, key or container is truncated.
 *
 * Paths: `$` (the root), `$.a.b`, with `*` for any key or index (`$.runs.*.results.*`). A chosen
 * value is not descended into; containers on the way to a chosen path are.
 */
import { InputError } from '../domain/errors.ts';

export type Key = string | number;

export interface ScannedValue {
  keys: Key[];
  value: unknown;
}

/** One chosen value is held whole before it is parsed: larger ones are refused. */
export const MAX_VALUE_BYTES = 64 * 1024 * 1024;
/** Longer strings are refused: a finding keeps 8,000 characters of any text anyway (MAX_EVIDENCE_CHARS), and a 100 MB string is 200 MB of UTF-16. */
export const MAX_STRING_BYTES = 16 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isScalarEnd = (c: number) => c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isSpace(c);

type Expect = 'value' | 'key' | 'colon' | 'next' | 'end';

interface Frame {
  object: boolean;
  key: Key;
  /** No member or element yet: a closing bracket may follow at once. */
  empty: boolean;
}

/** What is being read: a key, a chosen value (kept), or a skipped value (only its end is found). */
interface Capture {
  kind: 'key' | 'keep' | 'skip';
  /** Byte offset in the document where it started. */
  start: number;
  /** 'string' | 'container' | 'scalar' */
  shape: 'string' | 'container' | 'scalar';
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** Inside a container, where the string being read starts (byte offset of its first character). */
  stringStart: number;
  /** Pieces of the text, for keys and kept values. */
  pieces: Buffer[];
  size: number;
}

function notJson(at: number, message: string): InputError {
  return new InputError(`The file is not valid JSON at byte ${at}: ${message}`, [{ field: 'file', message: `not valid JSON at byte ${at}` }]);
}

function stringTooLong(max: number, at: number): InputError {
  return new InputError(`The file has a string of more than ${max} bytes starting at byte ${at}: Keel keeps at most `
    + '8,000 characters of any text; is this the right file?', [{ field: 'file', message: `string longer than ${max} bytes at byte ${at}` }]);
}

function describeByte(c: number): string {
  return c >= 0x20 && c < 0x7f ? JSON.stringify(String.fromCharCode(c)) : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

export class JsonPathScanner {
  private readonly patterns: Key[][];
  private readonly maxValueBytes: number;
  private readonly maxStringBytes: number;
  private readonly stack: Frame[] = [];
  private expect: Expect = 'value';
  private capture: Capture | null = null;
  /** Bytes of the document before the current chunk. */
  private offset = 0;
  private readonly out: ScannedValue[] = [];

  constructor(paths: string[], maxValueBytes = MAX_VALUE_BYTES, maxStringBytes = MAX_STRING_BYTES) {
    this.patterns = paths.map((p) => {
      if (!/^\$(\.[^.]+)*$/.test(p)) throw new Error(`unsupported JSON path ${p}`);
      return p.split('.').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    });
    this.maxValueBytes = maxValueBytes;
    this.maxStringBytes = maxStringBytes;
  }

  /** Feeds the next bytes; returns the chosen values completed in them, in document order. */
  write(chunk: Uint8Array): ScannedValue[] {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    // A UTF-8 byte-order mark before the document.
    if (this.offset === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    const n = buf.length;
    while (i < n) {
      if (this.capture) {
        i = this.continueCapture(buf, i);
        continue;
      }
      const c = buf[i]!;
      if (isSpace(c)) { i += 1; continue; }
      const at = this.offset + i;
      switch (this.expect) {
        case 'value': this.startValue(c, at); if (!this.capture) i += 1; break;
        case 'key': this.onKeyPosition(c, at); if (!this.capture) i += 1; break;
        case 'colon':
          if (c !== COLON) throw notJson(at, `expected ":" after a key, found ${describeByte(c)}`);
          this.expect = 'value';
          i += 1;
          break;
        case 'next': this.onNext(c, at); i += 1; break;
        case 'end': throw notJson(at, `unexpected ${describeByte(c)} after the end of the document`);
      }
    }
    this.offset += n;
    return this.out.splice(0, this.out.length);
  }

  /** Call at the end of the document: refuses a truncated one. */
  end(): void {
    if (this.capture || this.stack.length > 0 || this.expect !== 'end') {
      if (this.capture?.shape === 'scalar' && this.stack.length === 0) {
        // A bare scalar document ends at the end of the input.
        this.finishCapture(null, 0, 0);
        if (this.expect === 'end') return;
      }
      const where = this.offset === 0 ? 'The file is empty' : `The file ends in the middle of a JSON value after ${this.offset} bytes`;
      throw new InputError(`${where}: it looks truncated`, [{ field: 'file', message: 'truncated JSON' }]);
    }
  }

  private keysHere(): Key[] {
    return this.stack.map((f) => f.key);
  }

  /** 'keep' when the path is chosen, 'descend' when a chosen path runs through it, else 'skip'. */
  private classify(keys: Key[]): 'keep' | 'descend' | 'skip' {
    let descend = false;
    for (const p of this.patterns) {
      if (keys.length > p.length) continue;
      let ok = true;
      for (let k = 0; k < keys.length; k++) {
        const s = p[k]!;
        if (s !== '*' && s !== keys[k]) { ok = false; break; }
      }
      if (!ok) continue;
      if (keys.length === p.length) return 'keep';
      descend = true;
    }
    return descend ? 'descend' : 'skip';
  }

  private startValue(c: number, at: number): void {
    const top = this.stack.at(-1);
    if ((c === CLOSE_ARRAY && top && !top.object && top.empty)) {
      this.stack.pop();
      this.afterValue();
      return;
    }
    if (c === COMMA || c === COLON || c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      throw notJson(at, `expected a value, found ${describeByte(c)}`);
    }
    if (top) top.empty = false;
    const keys = this.keysHere();
    const how = this.classify(keys);
    if (how === 'descend' && (c === OPEN_OBJECT || c === OPEN_ARRAY)) {
      this.stack.push({ object: c === OPEN_OBJECT, key: c === OPEN_OBJECT ? '' : 0, empty: true });
      this.expect = c === OPEN_OBJECT ? 'key' : 'value';
      return;
    }
    const shape = c === QUOTE ? 'string' : c === OPEN_OBJECT || c === OPEN_ARRAY ? 'container' : 'scalar';
    this.capture = {
      kind: how === 'keep' ? 'keep' : 'skip', start: at, shape, depth: 0, inString: false, escaped: false, stringStart: 0, pieces: [], size: 0,
    };
  }

  private onKeyPosition(c: number, at: number): void {
    const top = this.stack.at(-1)!;
    if (c === CLOSE_OBJECT && top.empty) {
      this.stack.pop();
      this.afterValue();
      return;
    }
    if (c !== QUOTE) throw notJson(at, `expected a key in double quotes${top.empty ? ' or "}"' : ''}, found ${describeByte(c)}`);
    top.empty = false;
    this.capture = { kind: 'key', start: at, shape: 'string', depth: 0, inString: false, escaped: false, stringStart: 0, pieces: [], size: 0 };
  }

  private onNext(c: number, at: number): void {
    const top = this.stack.at(-1)!;
    if (c === COMMA) {
      if (top.object) {
        this.expect = 'key';
      } else {
        top.key = (top.key as number) + 1;
        this.expect = 'value';
      }
      return;
    }
    if (c === (top.object ? CLOSE_OBJECT : CLOSE_ARRAY)) {
      this.stack.pop();
      this.afterValue();
      return;
    }
    throw notJson(at, `expected "," or "${top.object ? '}' : ']'}", found ${describeByte(c)}`);
  }

  private afterValue(): void {
    this.expect = this.stack.length === 0 ? 'end' : 'next';
  }

  /** Scans the captured value from byte i; returns where scanning goes on. */
  private continueCapture(buf: Buffer, from: number): number {
    const cap = this.capture!;
    const n = buf.length;
    let i = from;
    let end = -1;
    if (cap.shape === 'scalar') {
      while (i < n && !isScalarEnd(buf[i]!)) i += 1;
      if (i < n) end = i;
    } else if (cap.shape === 'string') {
      // The opening quote is at `from` when the capture has just begun.
      if (cap.size === 0 && i === from && !cap.inString) { cap.inString = true; i += 1; }
      while (i < n) {
        const c = buf[i]!;
        if (cap.escaped) cap.escaped = false;
        else if (c === BACKSLASH) cap.escaped = true;
        else if (c === QUOTE) { end = i + 1; break; }
        i += 1;
      }
    } else {
      let { depth, inString, escaped, stringStart } = cap;
      while (i < n) {
        if (inString) {
          // Jump to the next quote (memchr), then tell by the backslashes before it whether it ends the string.
          const q = buf.indexOf(QUOTE, i);
          const stopAt = q === -1 ? n : q;
          if (this.offset + stopAt - stringStart > this.maxStringBytes) throw stringTooLong(this.maxStringBytes, stringStart);
          let k = stopAt - 1;
          while (k >= i && buf[k] === BACKSLASH) k -= 1;
          // A backslash that ended the previous chunk escapes the first byte here.
          const slashes = stopAt - 1 - k + (k < i && escaped ? 1 : 0);
          if (q === -1) {
            escaped = slashes % 2 === 1;
            i = n;
            break;
          }
          escaped = false;
          if (slashes % 2 === 0) inString = false;
          i = q + 1;
          continue;
        }
        const c = buf[i]!;
        if (c === QUOTE) {
          inString = true;
          stringStart = this.offset + i + 1;
        } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          depth += 1;
        } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
          depth -= 1;
          if (depth === 0) { end = i + 1; break; }
        }
        i += 1;
      }
      cap.depth = depth;
      cap.inString = inString;
      cap.escaped = escaped;
      cap.stringStart = stringStart;
    }
    const stop = end === -1 ? n : end;
    // A key or a string value: its characters so far are the capture less its quotes.
    if (cap.shape === 'string' && cap.size + (stop - from) - (end === -1 ? 1 : 2) > this.maxStringBytes) {
      throw stringTooLong(this.maxStringBytes, cap.start + 1);
    }
    if (cap.kind !== 'skip') {
      cap.size += stop - from;
      if (cap.size > this.maxValueBytes) {
        throw new InputError(`The file has a single value of more than ${this.maxValueBytes} bytes starting at byte ${cap.start}: `
          + 'Keel reads records one at a time and refuses ones this large; is this the right file?',
          [{ field: 'file', message: `value larger than ${this.maxValueBytes} bytes at byte ${cap.start}` }]);
      }
      if (end === -1) cap.pieces.push(Buffer.from(buf.subarray(from, n)));
    } else {
      cap.size += stop - from;
    }
    if (end === -1) return n;
    this.finishCapture(buf, from, end);
    return end;
  }

  private finishCapture(buf: Buffer | null, from: number, end: number): void {
    const cap = this.capture!;
    this.capture = null;
    if (cap.kind === 'skip') {
      this.afterValue();
      return;
    }
    const tail = buf ? buf.subarray(from, end) : Buffer.alloc(0);
    const text = cap.pieces.length === 0 ? tail.toString('utf8') : Buffer.concat([...cap.pieces, tail]).toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const pos = /position (\d+)/.exec(message)?.[1];
      const at = cap.start + (pos ? Buffer.byteLength(text.slice(0, Number(pos))) : 0);
      // V8 says "… in JSON at position N", or quotes the text ('Unexpected token …, "…" is not valid JSON'): keep the words.
      const words = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
      throw notJson(at, `${words}${pos ? '' : ` (in the value starting there)`}`);
    }
    if (cap.kind === 'key') {
      this.stack.at(-1)!.key = value as string;
      this.expect = 'colon';
      return;
    }
    this.out.push({ keys: this.keysHere(), value });
    this.afterValue();
  }
}
