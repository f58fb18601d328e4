/**
 * The parsing side of an import: the importer over the file, the file's checksum and size, and
 * each finding's content as the store writes it (store/finding-content.ts: the hash a re-import
 * compares and the COPY text of a new row). That is most of an import's JavaScript, so a large
 * file is parsed in a worker thread (import-parsing-worker.ts) while this thread classifies and
 * writes what the worker has parsed (store/findings-merge.ts) — on PGlite, whose engine runs on
 * this thread too, and on PostgreSQL, where the server writes one batch while the next is parsed.
 * A small file (under `threadMinBytes`, read ahead to tell) is parsed here: a worker takes
 * ~0.1–0.2 s to start, more than such a file takes to parse.
 *
 * Flow between the threads is bounded both ways: at most CHUNKS_AHEAD chunks of the file wait in
 * the worker, and at most BATCHES_AHEAD batches of findings wait here, so memory stays bounded
 * whatever the file's size and whichever side is slower. A parse error (an InputError naming the
 * line or record) crosses as itself; the worker is stopped when the import stops, however.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { RuleText } from '../domain/findings.ts';
import { InputError, type Issue } from '../domain/errors.ts';
import { IMPORTERS } from '../importers/index.ts';
import { peekHead } from '../importers/peek.ts';
import type { ImportFormat, Importer, ParseProgress, RunInfo } from '../importers/types.ts';
import { encodeFinding, type EncodedFinding } from '../store/finding-content.ts';

/** What the whole file gave besides its findings. */
export interface ParsedFile { info: RunInfo; checksum: string; size: number }

/** Files smaller than this are parsed on this thread (measured: see the top of this file). */
export const THREAD_MIN_BYTES = 4 * 1024 * 1024;
const CHUNKS_AHEAD = 3;
const WORKER_YOUNG_GENERATION_MB = 16;
const BATCHES_AHEAD = 4;

/** Messages to the worker. */
export type ToWorker = { t: 'chunk'; data: Uint8Array } | { t: 'end' } | { t: 'credit' };
/**
 * A batch of findings from the worker, as few values as can be (cloning an object per finding
 * measured ~4 µs a finding, most of the worker's time after parsing): fingerprints, hashes and
 * COPY texts each joined by newlines (none holds one: COPY text escapes them), and per finding
 * the index of its rule text in the run's list (-1: none), which grows by `texts` batch by batch.
 */
export interface WorkerBatch { fingerprints: string; hashes: string; copyTexts: string; ruleTexts: Int32Array; texts: [string, RuleText][] }

/** Messages from the worker. */
export type FromWorker =
  | ({ t: 'findings' } & WorkerBatch)
  | { t: 'took' }
  | { t: 'progress'; bytes: number; findings: number }
  | { t: 'done'; file: ParsedFile }
  | { t: 'error'; error: { name: string; message: string; issues: Issue[]; stack: string | undefined } };
export interface WorkerInit { format: ImportFormat; batchesAhead: number }

/** Checksum and size of the bytes that pass through. */
export function checksummed(source: AsyncIterable<Uint8Array>) {
  const hash = createHash('sha256');
  let size = 0;
  return {
    async *source(): AsyncGenerator<Uint8Array> {
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.byteLength;
        yield chunk;
      }
    },
    done: () => ({ checksum: hash.digest('hex'), size }),
  };
}

/** The importer on this thread. */
async function* parseHere(importer: Importer, source: AsyncIterable<Uint8Array>, onProgress?: ParseProgress): AsyncGenerator<EncodedFinding, ParsedFile> {
  const sum = checksummed(source);
  const parsing = importer.parse(sum.source(), onProgress);
  let next = await parsing.next();
  while (!next.done) {
    yield encodeFinding(next.value);
    next = await parsing.next();
  }
  return { info: next.value, ...sum.done() };
}

/** Rebuilds the worker's error here: an InputError stays one (its message names the line or record). */
function fromWorkerError(e: { name: string; message: string; issues: Issue[]; stack: string | undefined }): Error {
  if (e.name === 'InputError') return new InputError(e.message, e.issues);
  const err = new Error(`the import's parser failed: ${e.message}`);
  err.stack = `${err.message}\n(worker) ${e.stack ?? ''}`;
  return err;
}

/** The importer in a worker thread, fed the file from here. */
async function* parseInWorker(importer: Importer, source: AsyncIterable<Uint8Array>, onProgress?: ParseProgress): AsyncGenerator<EncodedFinding, ParsedFile> {
  const init: WorkerInit = { format: importer.format, batchesAhead: BATCHES_AHEAD };
  // A streaming importer's garbage dies young: a smaller young generation than V8's default
  // (48 MB here) keeps ~30–40 MB off the peak RSS of a 1 GB SARIF import (376–417 MB measured,
  // 367–384 MB with 16 MB, at the same CPU; 8 MB cost up to ~20% more CPU in GC). An importer
  // that holds its groups to the end keeps the default: with 16 MB a 667 MB promptfoo file
  // peaked at 1,120 MB, against 829 MB (and 771 MB parsed on the main thread).
  const worker = new Worker(new URL('./import-parsing-worker.mjs', import.meta.url), {
    workerData: init, ...(importer.groupsUntilEnd ? {} : { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }),
  });
  const batches: WorkerBatch[] = [];
  const texts: [string, RuleText][] = [];
  let file: ParsedFile | null = null;
  let failure: Error | null = null;
  let stopped = false;
  let chunksInWorker = 0;
  let wakeReader: (() => void) | null = null;
  let wakePump: (() => void) | null = null;
  const wake = () => { wakeReader?.(); wakeReader = null; };
  const wakeThePump = () => { wakePump?.(); wakePump = null; };
  const fail = (err: Error) => { failure ??= err; wake(); };

  worker.on('message', (m: FromWorker) => {
    switch (m.t) {
      case 'findings':
        texts.push(...m.texts);
        batches.push(m);
        break;
      case 'took':
        chunksInWorker -= 1;
        wakeThePump();
        return;
      case 'progress':
        onProgress?.(m.bytes, m.findings);
        return;
      case 'done':
        file = m.file;
        break;
      case 'error':
        fail(fromWorkerError(m.error));
        return;
    }
    wake();
  });
  worker.on('error', (err) => fail(err));
  worker.on('exit', (code) => { if (!file) fail(new Error(`the import's parser stopped (exit code ${code}) before the end of the file`)); });

  // Feeds the worker, CHUNKS_AHEAD chunks at most; a read error fails the import.
  const pump = (async () => {
    for await (const chunk of source) {
      if (stopped) return;
      // Handed over, not cloned: the chunk itself when it is the whole of its buffer (a file's
      // chunks are), else a copy of the view (a slice of a shared pool). A chunk kept here until
      // this thread's next GC held ~50–90 MB more at the peak importing a 1 GB file.
      const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
      const data = whole ? chunk as Uint8Array<ArrayBuffer> : new Uint8Array(chunk);
      worker.postMessage({ t: 'chunk', data } satisfies ToWorker, [data.buffer]);
      chunksInWorker += 1;
      while (chunksInWorker >= CHUNKS_AHEAD && !stopped) await new Promise<void>((r) => { wakePump = r; });
      if (stopped) return;
    }
    worker.postMessage({ t: 'end' } satisfies ToWorker);
  })();
  pump.catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));

  try {
    for (;;) {
      if (failure) throw failure;
      const batch = batches.shift();
      if (batch) {
        worker.postMessage({ t: 'credit' } satisfies ToWorker);
        const fingerprints = batch.fingerprints.split('\n');
        const hashes = batch.hashes.split('\n');
        const copyTexts = batch.copyTexts.split('\n');
        for (let i = 0; i < fingerprints.length; i++) {
          const text = texts[batch.ruleTexts[i]!];
          yield { fingerprint: fingerprints[i]!, hash: hashes[i]!, copyText: copyTexts[i]!, ruleTextId: text?.[0] ?? null, ruleText: text?.[1] ?? null };
        }
        continue;
      }
      if (file) return file;
      await new Promise<void>((r) => { wakeReader = r; });
    }
  } finally {
    stopped = true;
    wakeThePump();
    // The pump is not awaited: it may wait on a stalled upload; it stops at its next chunk.
    await worker.terminate();
  }
}

/**
 * Parses an import's file with `importer`: here when the file is under `threadMinBytes` (always
 * when it is Infinity: nothing is then read ahead), else in a worker thread. `findings` yields
 * each finding with its content (leaving the loop early stops the parser); once they are all
 * read, `file()` gives the run's info, the file's SHA-256 and size.
 */
export function parseImport(
  importer: Importer, source: AsyncIterable<Uint8Array>, onProgress: ParseProgress | undefined, threadMinBytes = THREAD_MIN_BYTES,
): { findings: AsyncIterable<EncodedFinding>; file(): ParsedFile } {
  let parsed: ParsedFile | null = null;
  async function* findings(): AsyncGenerator<EncodedFinding> {
    // Only a registered importer can run in the worker, which finds it by its format.
    if (!IMPORTERS.includes(importer) || threadMinBytes === Infinity) {
      parsed = yield* parseHere(importer, source, onProgress);
      return;
    }
    const ahead = await peekHead(source, 0, threadMinBytes);
    parsed = ahead.ended
      ? yield* parseHere(importer, ahead.source, onProgress)
      : yield* parseInWorker(importer, ahead.source, onProgress);
  }
  return {
    findings: findings(),
    file() {
      if (!parsed) throw new Error('parseImport: file() before every finding was read');
      return parsed;
    },
  };
}
