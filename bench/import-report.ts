/** Targets and printed verdicts of the imports suite: imports, the raw COPY baseline, peak RSS. */
import type { RunCounts } from '../src/store/runs.ts';
import { COPY_TABLES, type CopyResult } from './copy-baseline.ts';
import type { ImportChildReport } from './peak-rss.ts';
import { cpus } from 'node:os';
import { fmt, type EngineName } from './report.ts';
import type { StatementTiming } from './statement-timings.ts';

const MB = 1024 * 1024;
const CORES = cpus().length;

export const IMPORT_TARGETS = {
  /** A first import's findings/s, as a share of raw COPY of the same rows (into LIKE findings, no index). */
  copyShare: 0.5,
  importPerSecond: { postgres: 30_000 } as Partial<Record<EngineName, number>>,
  /** The issue names no engine for the re-import target: it is applied to both. */
  reimportPerSecond: { postgres: 50_000, pglite: 50_000 } as Partial<Record<EngineName, number>>,
  peakRssBytes: 400 * MB,
};

export type FileKind = 'sarif' | 'promptfoo';

export interface ImportMeasure {
  engine: EngineName;
  format: FileKind;
  /** First import (all new) or re-import of the same findings from a different file (all still present). */
  pass: 'first' | 'again';
  expected: number;
  bytes: number;
  seconds: number;
  counts: RunCounts;
  /** The importer alone over a file of the same findings, no database (parse-only.ts). */
  parseSeconds: number;
  statements: StatementTiming[];
  /** CPU seconds of this process (all threads, and its main thread alone) and of the PostgreSQL backends during the import. */
  cpu: { bench: number; mainThread: number; postgres: number } | null;
  /** Raw COPY of the same rows, filled in once measured. */
  copy?: CopyResult[];
  /** Why the import failed (it was rolled back), when it did. */
  error?: string;
}

export interface RssMeasure {
  engine: EngineName;
  format: FileKind;
  bytes: number;
  expected: number;
  /** Judged against the peak-RSS target (the ~1 GB file), or shown for information. */
  judged: boolean;
  report: ImportChildReport;
}

/** `pending`: a first import whose share of raw COPY is not known yet (COPY runs after the imports). */
export interface Verdict { label: 'PASS' | 'FAIL' | 'info' | 'pending'; reasons: string[] }

const rate = (m: { expected: number; seconds: number }) => m.expected / m.seconds;

/**
 * The most findings/s the CPU this import used allows on this machine, were the work of this
 * process and of the database overlapped perfectly: the process's main thread runs the merge
 * (and PGlite) one step at a time, its other threads likewise (mostly the parser's worker
 * thread, services/import-parsing.ts; GC helpers too), a PostgreSQL backend likewise, and all
 * the CPU together is shared by the cores. Null without CPU figures.
 */
export function cpuCeiling(m: ImportMeasure, cores: number): number | null {
  if (!m.cpu) return null;
  const floor = Math.max(m.cpu.mainThread, m.cpu.bench - m.cpu.mainThread, m.cpu.postgres, (m.cpu.bench + m.cpu.postgres) / cores);
  return floor > 0 ? m.expected / floor : null;
}

const engineName = (e: EngineName) => (e === 'postgres' ? 'PostgreSQL' : 'PGlite');
const fileName = (f: FileKind) => (f === 'sarif' ? 'SARIF' : 'promptfoo');
export const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

function countReasons(m: ImportMeasure): string[] {
  const c = m.counts;
  const want = m.pass === 'first' ? { new: m.expected } : { still_present: m.expected };
  const reasons: string[] = [];
  if (c.findings !== m.expected) reasons.push(`run counted ${fmt(c.findings)} findings, expected ${fmt(m.expected)}`);
  for (const [k, v] of Object.entries(want)) {
    const got = c[k as keyof RunCounts];
    if (got !== v) reasons.push(`${k} ${fmt(got)}, expected ${fmt(v)}`);
  }
  return reasons;
}

/** The COPY rate the share target is judged against: the bare table's. */
export const copyRate = (m: ImportMeasure): number | null => {
  const bare = m.copy?.find((c) => c.table === 'bare');
  return bare ? bare.rows / bare.seconds : null;
};

export function importVerdict(m: ImportMeasure): Verdict {
  if (m.error) return { label: 'FAIL', reasons: [`import failed after ${s(m.seconds)}: ${m.error}`] };
  const reasons = countReasons(m);
  const r = rate(m);
  const min = (m.pass === 'first' ? IMPORT_TARGETS.importPerSecond : IMPORT_TARGETS.reimportPerSecond)[m.engine];
  if (min !== undefined && r < min) reasons.push(`${fmt(r)} findings/s < ${fmt(min)}`);
  const copy = copyRate(m);
  if (m.pass === 'first' && copy !== null && r < IMPORT_TARGETS.copyShare * copy) {
    reasons.push(`${pct(r, copy)} of raw COPY (${fmt(copy)} rows/s) < ${pct(IMPORT_TARGETS.copyShare, 1)}`);
  }
  if (reasons.length > 0) return { label: 'FAIL', reasons };
  if (m.pass === 'first' && copy === null) return { label: 'pending', reasons: ['share of raw COPY: below'] };
  return { label: min !== undefined || m.pass === 'first' ? 'PASS' : 'info', reasons };
}

export function rssVerdict(m: RssMeasure): Verdict {
  const reasons: string[] = [];
  if (m.report.counts.new !== m.expected) reasons.push(`new ${fmt(m.report.counts.new)}, expected ${fmt(m.expected)}`);
  if (m.judged && m.report.maxRssBytes >= IMPORT_TARGETS.peakRssBytes) {
    reasons.push(`peak RSS ${mb(m.report.maxRssBytes)} >= ${mb(IMPORT_TARGETS.peakRssBytes)}`);
  }
  return { label: reasons.length > 0 ? 'FAIL' : m.judged ? 'PASS' : 'info', reasons };
}

const verdictText = (v: Verdict) => `${v.label}${v.reasons.length ? ` — ${v.reasons.join('; ')}` : ''}`;

/** One import: its rate and verdict, then where the time went. */
export function describeImport(m: ImportMeasure): string[] {
  const c = m.counts;
  const outcome = m.pass === 'first' ? `new ${fmt(c.new)}` : `still present ${fmt(c.still_present)}, regressed ${fmt(c.regressed)}, new ${fmt(c.new)}`;
  const dbSeconds = m.statements.reduce((sum, t) => sum + t.ms, 0) / 1000;
  const otherJs = Math.max(0, m.seconds - dbSeconds);
  const lines = [
    `  ${fileName(m.format)} ${m.pass === 'first' ? 'first import' : 're-import   '} ${s(m.seconds).padStart(8)}  ` +
      `${fmt(rate(m)).padStart(7)} findings/s  (${outcome}; ${fmt(c.not_reproduced)} not reproduced)  ${verdictText(importVerdict(m))}`,
    `      time: database statements ${s(dbSeconds)} (${pct(dbSeconds, m.seconds)}) · rest ≈ ${s(otherJs)} (${pct(otherJs, m.seconds)}: the merge's JS and` +
      ` waiting for parsed findings) · parse alone ${s(m.parseSeconds)} (${pct(m.parseSeconds, m.seconds)}; on the parser's thread, beside the rest)` +
      (m.cpu ? `   CPU: this process ${s(m.cpu.bench)} (main thread ${s(m.cpu.mainThread)}, other threads — the parser's, GC — ${s(m.cpu.bench - m.cpu.mainThread)})${m.engine === 'postgres' ? `, PostgreSQL backends ${s(m.cpu.postgres)}` : ''}` +
        ` (at most ${ceiling(m)} findings/s with this CPU on ${CORES} cores, were both sides overlapped perfectly)` : ''),
  ];
  // Statements of at least 1% of the import, longest first; the rest on one line.
  const shown = m.statements.filter((t) => t.ms / 1000 >= 0.01 * m.seconds);
  const rest = m.statements.filter((t) => !shown.includes(t));
  const line = (seconds: number, count: number, what: string) =>
    `        ${s(seconds).padStart(8)} ${pct(seconds, m.seconds).padStart(4)}  ${String(count).padStart(4)}×  ${what}`;
  for (const t of shown) lines.push(line(t.ms / 1000, t.count, t.kind));
  if (rest.length > 0) {
    lines.push(line(rest.reduce((sum, t) => sum + t.ms, 0) / 1000, rest.reduce((sum, t) => sum + t.count, 0),
      `${rest.length} other kind${rest.length === 1 ? '' : 's'} of statement, each < 1%`));
  }
  return lines;
}

export function describeCopy(results: CopyResult[], rowsBytes: number): string[] {
  return results.map((c) => {
    const into = `${COPY_TABLES[c.table]} (${c.indexes} index${c.indexes === 1 ? '' : 'es'})`;
    return `    COPY ${fmt(c.rows)} rows (${mb(rowsBytes)} text) into ${into.padEnd(46)}${s(c.seconds).padStart(8)}  ${fmt(c.rows / c.seconds).padStart(7)} rows/s`;
  });
}

export function describeRss(m: RssMeasure): string {
  const r = m.report;
  return `  ${fileName(m.format)} ${mb(m.bytes)}, ${fmt(m.expected)} findings: peak RSS ${mb(r.maxRssBytes)}` +
    ` (at start ${mb(r.rssAtStartBytes)}, database open ${mb(r.rssOpenedBytes)}; peak JS heap ${mb(r.peak.heapUsed)},` +
    ` external ${mb(r.peak.external)})  import ${s(r.seconds)} = ${fmt(m.expected / r.seconds)} findings/s  ${verdictText(rssVerdict(m))}`;
}

function grid(header: string[], body: string[][], rightFrom: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= rightFrom && i < cells.length - 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const ceiling = (m: ImportMeasure) => {
  const c = cpuCeiling(m, CORES);
  return c === null ? '?' : fmt(c);
};

export function importTable(ms: ImportMeasure[]): string {
  const header = ['engine', 'file', 'import', 'findings', 'seconds', 'findings/s', 'parse alone/s', 'CPU ceiling/s', 'COPY/s', 'COPY idx/s', 'import÷COPY', 'target', 'result'];
  const body = ms.map((m) => {
    const copy = copyRate(m);
    const idx = m.copy?.find((c) => c.table === 'indexed');
    const min = (m.pass === 'first' ? IMPORT_TARGETS.importPerSecond : IMPORT_TARGETS.reimportPerSecond)[m.engine];
    const target = [min !== undefined ? `≥${fmt(min)}/s` : null, m.pass === 'first' ? `≥${pct(IMPORT_TARGETS.copyShare, 1)} COPY` : null]
      .filter(Boolean).join(', ') || '—';
    return [engineName(m.engine), fileName(m.format), m.pass === 'first' ? 'first (new)' : 'again (present)', fmt(m.expected),
      m.seconds.toFixed(1), fmt(rate(m)), fmt(m.expected / m.parseSeconds), ceiling(m), copy ? fmt(copy) : '?', idx ? fmt(idx.rows / idx.seconds) : '?',
      copy ? pct(rate(m), copy) : '?', target, importVerdict(m).label];
  });
  return grid(header, body, 3);
}

export function rssTable(ms: RssMeasure[]): string {
  const header = ['engine', 'file', 'size', 'findings', 'findings/s', 'peak RSS', 'target', 'result'];
  const body = ms.map((m) => [engineName(m.engine), fileName(m.format), mb(m.bytes), fmt(m.expected), fmt(m.expected / m.report.seconds),
    mb(m.report.maxRssBytes), m.judged ? `<${mb(IMPORT_TARGETS.peakRssBytes)}` : 'info', rssVerdict(m).label]);
  return grid(header, body, 2);
}

/** The missed targets, one line each. */
export function missedTargets(imports: ImportMeasure[], rss: RssMeasure[]): string[] {
  return [
    ...imports.filter((m) => importVerdict(m).label === 'FAIL')
      .map((m) => `${engineName(m.engine)} ${fileName(m.format)} ${m.pass === 'first' ? 'first import' : 're-import'}: ${importVerdict(m).reasons.join('; ')}`),
    ...rss.filter((m) => rssVerdict(m).label === 'FAIL')
      .map((m) => `${engineName(m.engine)} ${fileName(m.format)} ${mb(m.bytes)} import: ${rssVerdict(m).reasons.join('; ')}`),
  ];
}
