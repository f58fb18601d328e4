/**
 * The files of the imports suite, in a temporary directory: per format a first file and a
 * re-import file (the same findings reversed, another run time), each checked to hold only
 * distinct findings and timed through the importer alone; the ~1 GB SARIF log of the peak-RSS
 * runs when the disk has room; and the COPY rows of the baseline, written once the findings
 * table's columns are known.
 */
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promptfooImporter } from '../src/importers/promptfoo.ts';
import { sarifImporter } from '../src/importers/sarif.ts';
import type { Importer } from '../src/importers/types.ts';
import { writeCopyRows, type CopyRowsFile } from './copy-rows.ts';
import { mb, type FileKind } from './import-report.ts';
import { parseFile } from './parse-only.ts';
import { fmt } from './report.ts';
import { writeSyntheticPromptfoo } from './synthetic-promptfoo.ts';
import { writeSyntheticSarif, type WrittenFile } from './synthetic-sarif.ts';

export const IMPORTERS: Record<FileKind, Importer> = { sarif: sarifImporter, promptfoo: promptfooImporter };
export const FORMATS: FileKind[] = ['sarif', 'promptfoo'];

export const GB = 1024 ** 3;
const MIN_FREE_FOR_RSS = 3 * GB;
/** Disk per finding at once: both files of both formats, the COPY rows and the PGlite database (measured ~11 KB, rounded up). */
const DISK_PER_FINDING = 16 * 1024;
const SARIF_SIZES = { messageChars: [100, 300] as [number, number], snippetChars: [150, 400] as [number, number] };
const RSS_SARIF_SIZES = { messageChars: [400, 900] as [number, number], snippetChars: [2500, 4500] as [number, number] };

export interface FileSet {
  first: WrittenFile;
  again: WrittenFile;
  /** The importer alone over the first file (steady state: after a warm-up pass). */
  parseSeconds: number;
  /** The COPY rows of the first file, once written (rowsFile). */
  rows?: CopyRowsFile;
}

export interface BenchFiles {
  work: string;
  findings: number;
  sets: Record<FileKind, FileSet>;
  rss: WrittenFile | null;
}

type Log = (line: string) => void;

export async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/** Null when `findings` fit on the disk of `dir`, else why not. */
export async function lackOfSpace(dir: string, findings: number): Promise<string | null> {
  const free = await freeBytes(dir);
  const need = findings * DISK_PER_FINDING;
  return free >= need ? null
    : `${(free / GB).toFixed(1)} GB free in ${tmpdir()}, ${fmt(findings)} findings need about ${(need / GB).toFixed(1)} GB`;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, (performance.now() - started) / 1000];
}

function write(kind: FileKind, path: string, findings: number, again: boolean): Promise<WrittenFile> {
  const day = again ? '2026-02-02' : '2026-02-01';
  return kind === 'sarif'
    ? writeSyntheticSarif(path, { results: findings, reverse: again, startTimeUtc: `${day}T09:00:00Z`, ...SARIF_SIZES })
    : writeSyntheticPromptfoo(path, { results: findings, reverse: again, runSeed: again ? 2 : 1, timestamp: `${day}T09:00:00.000Z` });
}

async function fileSet(work: string, kind: FileKind, findings: number, log: Log): Promise<FileSet> {
  const ext = kind === 'sarif' ? 'sarif' : 'json';
  const [first, genSeconds] = await timed(() => write(kind, join(work, `${kind}-first.${ext}`), findings, false));
  const again = await write(kind, join(work, `${kind}-again.${ext}`), findings, true);
  // Parsed twice: a warm-up that also checks every finding is distinct, then the measured pass.
  const fingerprints = new Set<string>();
  const parsed = await parseFile(IMPORTERS[kind], first.path, (f) => { fingerprints.add(f.fingerprint); });
  if (fingerprints.size !== findings) {
    throw new Error(`${kind}: the importer yielded ${fmt(parsed.findings)} findings, ${fmt(fingerprints.size)} distinct; expected ${fmt(findings)}`);
  }
  const measured = await parseFile(IMPORTERS[kind], first.path);
  log(`  ${kind.padEnd(9)} ${mb(first.bytes)} + ${mb(again.bytes)} (re-import file), ${fmt(first.results)} results = ` +
    `${fmt(fingerprints.size)} distinct findings each, written in ${genSeconds.toFixed(1)} s; parse alone ${measured.seconds.toFixed(2)} s = ` +
    `${fmt(findings / measured.seconds)} findings/s (${mb(first.bytes / measured.seconds)}/s)`);
  return { first, again, parseSeconds: measured.seconds };
}

/** The ~`sizeMb` SARIF log of the peak-RSS runs, or null (said why) when skipped. */
async function rssFile(work: string, sizeMb: number, log: Log): Promise<WrittenFile | null> {
  if (sizeMb <= 0) {
    log('  peak RSS: skipped (BENCH_RSS_FILE_MB=0)');
    return null;
  }
  const free = await freeBytes(work);
  const need = Math.max(MIN_FREE_FOR_RSS, 3 * sizeMb * 1024 * 1024);
  if (free < need) {
    log(`  peak RSS: SKIPPED — ${(free / GB).toFixed(1)} GB free in ${tmpdir()}; the ${sizeMb} MB file and its imports need ${(need / GB).toFixed(1)} GB`);
    return null;
  }
  const [file, seconds] = await timed(() => writeSyntheticSarif(join(work, 'rss.sarif'), {
    results: Number.MAX_SAFE_INTEGER, stopAtBytes: sizeMb * 1024 * 1024, startTimeUtc: '2026-02-03T09:00:00Z', ...RSS_SARIF_SIZES,
  }));
  log(`  peak-RSS file: SARIF ${mb(file.bytes)}, ${fmt(file.results)} results (messages ${RSS_SARIF_SIZES.messageChars.join('–')} chars, ` +
    `snippets ${RSS_SARIF_SIZES.snippetChars.join('–')} chars), written in ${seconds.toFixed(1)} s`);
  return file;
}

export async function generateFiles(work: string, findings: number, rssFileMb: number, log: Log): Promise<BenchFiles> {
  const sets = {} as Record<FileKind, FileSet>;
  for (const kind of FORMATS) sets[kind] = await fileSet(work, kind, findings, log);
  return { work, findings, sets, rss: await rssFile(work, rssFileMb, log) };
}

/** The COPY rows of a format's first file with `columns`: written once (parsing, untimed), then reused. */
export async function rowsFile(files: BenchFiles, format: FileKind, columns: string[]): Promise<CopyRowsFile> {
  const set = files.sets[format];
  if (set.rows && set.rows.columns.join() === columns.join()) return set.rows;
  set.rows = await writeCopyRows(IMPORTERS[format], set.first.path, join(files.work, `${format}-rows.copy`), columns);
  if (set.rows.rows !== files.findings) throw new Error(`${format}: ${set.rows.rows} rows to COPY, expected ${files.findings}`);
  return set.rows;
}
