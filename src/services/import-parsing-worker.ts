/**
 * The body of the worker thread that parses a large import (import-parsing.ts documents the flow
 * and the batches): chunks of the file arrive as messages, the importer parses them, each
 * finding is encoded as the store writes it, and the findings go back in batches while credit
 * lasts. A rule text goes once, with the first batch that points at it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleText } from '../domain/findings.ts';
import { KeelError } from '../domain/errors.ts';
import { IMPORTERS } from '../importers/index.ts';
import { encodeFinding } from '../store/finding-content.ts';
import { checksummed, type FromWorker, type ToWorker, type WorkerInit } from './import-parsing.ts';

/** A batch is sent when it holds this many findings or this many characters of content. */
const BATCH = 512;
const BATCH_CHARS = 512 * 1024;

const port = parentPort!;
const { format, batchesAhead } = workerData as WorkerInit;
const send = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

const chunks: (Uint8Array | null)[] = [];
let credit = batchesAhead;
let wakeParser: (() => void) | null = null;
let wakeSender: (() => void) | null = null;

port.on('message', (m: ToWorker) => {
  if (m.t === 'credit') {
    credit += 1;
    wakeSender?.();
    wakeSender = null;
    return;
  }
  chunks.push(m.t === 'chunk' ? m.data : null);
  wakeParser?.();
  wakeParser = null;
});

async function* file(): AsyncGenerator<Uint8Array> {
  for (;;) {
    while (chunks.length === 0) await new Promise<void>((r) => { wakeParser = r; });
    const chunk = chunks.shift()!;
    if (chunk === null) return;
    send({ t: 'took' });
    yield chunk;
  }
}

/** The open batch. */
class Batch {
  fingerprints: string[] = [];
  hashes: string[] = [];
  copyTexts: string[] = [];
  ruleTexts: number[] = [];
  texts: [string, RuleText][] = [];
  chars = 0;
}

async function sendBatch(b: Batch): Promise<void> {
  while (credit === 0) await new Promise<void>((r) => { wakeSender = r; });
  credit -= 1;
  const ruleTexts = Int32Array.from(b.ruleTexts);
  send({
    t: 'findings', fingerprints: b.fingerprints.join('\n'), hashes: b.hashes.join('\n'), copyTexts: b.copyTexts.join('\n'),
    ruleTexts, texts: b.texts,
  }, [ruleTexts.buffer]);
}

async function run(): Promise<void> {
  const importer = IMPORTERS.find((i) => i.format === format);
  if (!importer) throw new Error(`no importer for format ${format}`);
  const sum = checksummed(file());
  /** Index of each rule text in the run's list, as the main thread builds it from `texts`. */
  const textIndex = new Map<string, number>();
  let batch = new Batch();
  const parsing = importer.parse(sum.source(), (bytes, findings) => send({ t: 'progress', bytes, findings }));
  let next = await parsing.next();
  while (!next.done) {
    const e = encodeFinding(next.value);
    let index = -1;
    if (e.ruleTextId !== null) {
      index = textIndex.get(e.ruleTextId) ?? -1;
      if (index === -1) {
        index = textIndex.size;
        textIndex.set(e.ruleTextId, index);
        batch.texts.push([e.ruleTextId, e.ruleText!]);
      }
    }
    batch.fingerprints.push(e.fingerprint);
    batch.hashes.push(e.hash);
    batch.copyTexts.push(e.copyText);
    batch.ruleTexts.push(index);
    batch.chars += e.copyText.length;
    if (batch.fingerprints.length >= BATCH || batch.chars >= BATCH_CHARS) {
      await sendBatch(batch);
      batch = new Batch();
    }
    next = await parsing.next();
  }
  if (batch.fingerprints.length > 0) await sendBatch(batch);
  send({ t: 'done', file: { info: next.value, ...sum.done() } });
}

run().catch((err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  send({ t: 'error', error: { name: e.name, message: e.message, issues: e instanceof KeelError ? e.issues : [], stack: e.stack } });
});
