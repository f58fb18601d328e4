/**
 * The imports suite of `npm run bench` (run.ts): how fast a tool's output becomes findings.
 *
 * Generated files (os.tmpdir(), deleted after): a SARIF 2.1.0 log and a promptfoo results file
 * with BENCH_IMPORT_FINDINGS (200,000) results each, every result its own finding, and for each
 * a second file with the same findings in reverse order and another run time (the very same
 * file would be skipped as unchanged by its checksum); plus a ~BENCH_RSS_FILE_MB (1024) MB SARIF
 * log for peak memory.
 *
 * Per engine (PGlite, file-backed, fresh directory; PostgreSQL, fresh keel_bench_<random>
 * database, dropped after), through the services in this process (runs.importRun into a zone):
 *   - first import of each file (all new) and re-import (all still present): findings/s, with the
 *     time of each database statement (a timing Db under the services, statement-timings.ts), the
 *     rest (the merge's JavaScript, waiting for the parser's thread), the importer alone over the
 *     file (measured apart: it runs beside the rest, services/import-parsing.ts) and the CPU of
 *     each side;
 *   - raw COPY of the same rows into a table shaped like findings (copy-baseline.ts): the floor;
 *   - peak RSS of importing the ~1 GB file in a child process (peak-rss.ts), and, for information,
 *     of the promptfoo file (whose importer holds its groups until the end).
 * A measurement, not a test: targets missed are printed, and the process still exits 0.
 * BENCH_EXPLAIN=1 also prints EXPLAIN (ANALYZE, BUFFERS) of every merge statement (their own time
 * is left out, but each statement then runs on warm caches). On PostgreSQL every statement has a
 * BENCH_STATEMENT_TIMEOUT_S (300) limit: an import that hits it is reported as failed.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, openKeel, type Services } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';
import { systemActor, type Actor } from '../src/services/actor.ts';
import type { RunCounts } from '../src/store/runs.ts';
import { track } from './cleanup.ts';
import { COPY_TABLES, withCopySession, type CopyTable } from './copy-baseline.ts';
import { copyColumns } from './copy-rows.ts';
import { sampleCpu } from './cpu-usage.ts';
import { freshPglite, freshPostgres, postgresVersion, type BenchDatabase } from './databases.ts';
import { FORMATS, freeBytes, GB, generateFiles, lackOfSpace, rowsFile, type BenchFiles } from './import-files.ts';
import {
  describeCopy, describeImport, describeRss, IMPORT_TARGETS, importTable, mb, missedTargets, rssTable,
  type FileKind, type ImportMeasure, type RssMeasure,
} from './import-report.ts';
import { READ_CHUNK } from './parse-only.ts';
import { importInChild } from './peak-rss.ts';
import { fmt, type EngineName } from './report.ts';
import { StatementTimings, timedDb } from './statement-timings.ts';
import type { WrittenFile } from './synthetic-sarif.ts';

const FINDINGS = Number(process.env.BENCH_IMPORT_FINDINGS ?? 200_000);
const RSS_FILE_MB = Number(process.env.BENCH_RSS_FILE_MB ?? 1024);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
/** PostgreSQL statement_timeout for the imports, so one runaway statement cannot hold the run for hours. */
const STATEMENT_TIMEOUT_S = Number(process.env.BENCH_STATEMENT_TIMEOUT_S ?? 300);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim()) as EngineName[];
const NO_COUNTS: RunCounts = { findings: 0, new: 0, still_present: 0, not_reproduced: 0, regressed: 0, verified: 0, duplicates: 0 };

const log = (line = '') => process.stdout.write(`${line}\n`);
const ZONE = (purpose: string) => `bench-${purpose}`;

/** The database's environment for Keel, with the statement timeout on PostgreSQL. */
function keelEnv(db: BenchDatabase): Record<string, string> {
  if (!db.env.DATABASE_URL || !(STATEMENT_TIMEOUT_S > 0)) return db.env;
  const url = new URL(db.env.DATABASE_URL);
  url.searchParams.set('options', `-c statement_timeout=${Math.round(STATEMENT_TIMEOUT_S * 1000)}`);
  return { ...db.env, DATABASE_URL: url.href };
}

/** An org with a lead, a product and one zone per import scope; findings go into zones. */
async function seed(services: Services): Promise<{ orgId: string; system: Actor }> {
  const org = await services.orgs.create({ slug: 'bench', name: 'Bench Corp', admin: { email: 'bench-admin@example.com', name: 'Bench Admin' } });
  const system = systemActor(org.id, 'bench');
  const lead = await services.users.add(system, { email: 'bench-lead@example.com', name: 'Bench Lead', role: 'lead' });
  await services.products.create(system, { key: 'bench', name: 'Bench assistant' });
  for (const purpose of ['sarif', 'promptfoo', 'rss-sarif', 'rss-promptfoo']) {
    await services.zones.create(system, {
      product: 'bench', key: ZONE(purpose), name: `Bench ${purpose}`, tier: 'tier2', buckets: ['systemic_integrity'], ownerId: lead.id,
    });
  }
  return { orgId: org.id, system };
}

interface InProcess {
  db: BenchDatabase;
  services: Services;
  system: Actor;
  timings: StatementTimings;
  plans: [string, string][];
}

/** One import through runs.importRun, timed (wall, statements, CPU); a failed import is a measure too. */
async function measureImport(ctx: InProcess, files: BenchFiles, format: FileKind, pass: 'first' | 'again'): Promise<ImportMeasure> {
  const set = files.sets[format];
  const file = set[pass];
  ctx.timings.reset();
  ctx.plans.length = 0;
  const cpu0 = sampleCpu(process.pid, ctx.db.databaseName);
  const started = performance.now();
  let outcome: { counts: RunCounts; error?: string };
  try {
    const result = await ctx.services.runs.importRun(ctx.system, {
      zone: ZONE(format), format, fileName: `${format}-${pass}`, source: createReadStream(file.path, { highWaterMark: READ_CHUNK }),
    });
    if (result.unchanged) throw new Error(`${file.path} was taken for a file already imported: the re-import file must differ`);
    outcome = { counts: result.run.counts };
  } catch (err) {
    // Reported as failed; its transaction rolled back, and the suite goes on.
    outcome = { counts: NO_COUNTS, error: err instanceof Error ? err.message : String(err) };
  }
  const seconds = (performance.now() - started - ctx.timings.explainMs) / 1000;
  const cpu1 = sampleCpu(process.pid, ctx.db.databaseName);
  return {
    engine: ctx.db.engine, format, pass, expected: files.findings, bytes: file.bytes, seconds, ...outcome,
    parseSeconds: set.parseSeconds, statements: ctx.timings.list(),
    cpu: cpu0 && cpu1 ? {
      bench: cpu1.serverSeconds - cpu0.serverSeconds, mainThread: cpu1.mainThreadSeconds - cpu0.mainThreadSeconds,
      postgres: cpu1.postgresSeconds - cpu0.postgresSeconds,
    } : null,
  };
}

/** Seeds the database, then imports each format's first file and its re-import file in this process. */
async function importsInProcess(db: BenchDatabase, files: BenchFiles): Promise<{ measures: ImportMeasure[]; orgId: string }> {
  const timings = new StatementTimings();
  const keel = await openKeel(loadConfig({ ...keelEnv(db), KEEL_LOG_LEVEL: 'silent' }));
  const close = track(() => keel.close());
  try {
    const plans: [string, string][] = [];
    const services = createServices(timedDb(keel.db, timings, EXPLAIN ? (kind, plan) => plans.push([kind, plan]) : undefined));
    const { orgId, system } = await seed(services);
    const ctx: InProcess = { db, services, system, timings, plans };
    const measures: ImportMeasure[] = [];
    for (const format of FORMATS) {
      for (const pass of ['first', 'again'] as const) {
        const m = await measureImport(ctx, files, format, pass);
        for (const line of describeImport(m)) log(line);
        for (const [kind, plan] of plans) log(`      plan of ${kind}:\n${plan.replace(/^/gm, '        | ')}`);
        measures.push(m);
      }
    }
    return { measures, orgId };
  } finally {
    await close();
  }
}

/** Raw COPY of each format's rows, bare and indexed; fills in `copy` of the imports measured. */
async function copyBaseline(db: BenchDatabase, files: BenchFiles, measures: ImportMeasure[]): Promise<void> {
  log(`  raw COPY baseline (same rows, COPY text format; ${db.engine === 'postgres' ? 'FROM STDIN via pg-copy-streams' : "FROM '/dev/blob'"}):`);
  await withCopySession(db, async (session) => {
    const columns = copyColumns(await session.findingsColumns());
    for (const format of FORMATS) {
      const rows = await rowsFile(files, format, columns);
      const results = [];
      for (const table of Object.keys(COPY_TABLES) as CopyTable[]) results.push(await session.measure(rows, table));
      log(`    ${format} (${columns.length} columns: those the merge's INSERT sets):`);
      for (const line of describeCopy(results, rows.bytes)) log(`  ${line}`);
      for (const m of measures) if (m.format === format) m.copy = results;
      const bare = results.find((c) => c.table === 'bare')!;
      const share = (m: ImportMeasure) => `${Math.round((100 * m.expected / m.seconds) / (bare.rows / bare.seconds))}%`;
      const first = measures.find((m) => m.format === format && m.pass === 'first');
      const again = measures.find((m) => m.format === format && m.pass === 'again');
      if (first && again) {
        log(`      import ÷ bare COPY: first import ${share(first)}, re-import ${share(again)} (target: first import ≥ ${IMPORT_TARGETS.copyShare * 100}%)`);
      }
    }
  });
}

/** Each import alone in a child process: the ~1 GB SARIF log (judged) and the promptfoo file (for information). */
async function peakRss(db: BenchDatabase, files: BenchFiles, orgId: string): Promise<RssMeasure[]> {
  const runs: { format: FileKind; file: WrittenFile; judged: boolean }[] = [];
  if (files.rss) runs.push({ format: 'sarif', file: files.rss, judged: true });
  runs.push({ format: 'promptfoo', file: files.sets.promptfoo.first, judged: false });
  log(`  peak RSS, each import alone in a child process (node --import tsx bench/import-child.ts)` +
    `${db.engine === 'postgres' ? '; PostgreSQL\'s own memory not included' : '; PGlite runs inside it'}:`);
  const measures: RssMeasure[] = [];
  for (const run of runs) {
    const report = await importInChild(keelEnv(db), run.file.path, run.format, orgId, ZONE(`rss-${run.format}`));
    const m: RssMeasure = { engine: db.engine, format: run.format, bytes: run.file.bytes, expected: run.file.results, judged: run.judged, report };
    log(describeRss(m));
    measures.push(m);
  }
  return measures;
}

async function benchEngine(db: BenchDatabase, files: BenchFiles): Promise<{ imports: ImportMeasure[]; rss: RssMeasure[] }> {
  const dispose = track(() => db.dispose());
  try {
    log(`\n== ${db.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${db.describe}`);
    log(`  machine load before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min; other work on the machine skews the figures)`);
    const { measures, orgId } = await importsInProcess(db, files);
    await copyBaseline(db, files, measures);
    const rss = await peakRss(db, files, orgId);
    return { imports: measures, rss };
  } finally {
    await dispose();
  }
}

function printSummary(imports: ImportMeasure[], rss: RssMeasure[], notes: string[], seconds: number): string[] {
  log(`\n== Imports summary (${seconds.toFixed(0)} s)`);
  log(importTable(imports));
  log('(findings/s = findings in the file ÷ wall time of runs.importRun; "parse alone" = the importer over the file with no database;');
  log(` "CPU ceiling" = the most findings/s the CPU the import used allows on ${cpus().length} cores: findings ÷ the largest of this process's main thread,`);
  log(` its other threads (the parser's worker thread, GC), the PostgreSQL backends, and all of it shared by the cores — were they overlapped perfectly;`);
  log(` COPY = raw COPY of the same rows into ${COPY_TABLES.bare} (no index), COPY idx = ${COPY_TABLES.indexed} (findings' indexes).)`);
  if (rss.length > 0) log(`\n${rssTable(rss)}`);
  const missed = [...missedTargets(imports, rss), ...notes];
  for (const note of notes) log(note);
  if (missed.length === 0) {
    log('All targets met.');
  } else {
    log(`${missed.length} target${missed.length === 1 ? '' : 's'} MISSED or not measured:`);
    for (const m of missed) log(`  - ${m}`);
  }
  return missed;
}

/** Runs the suite and prints its figures; returns the targets missed (empty when all were met). */
export async function runImportsSuite(): Promise<string[]> {
  const started = performance.now();
  log(`Keel benchmark — imports: ${fmt(FINDINGS)} findings per file (BENCH_IMPORT_FINDINGS), peak RSS on a ${RSS_FILE_MB} MB SARIF file (BENCH_RSS_FILE_MB)`);
  log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}); imports through the services in this process ` +
    `(runs.importRun into a zone, file read in ${READ_CHUNK / 1024 / 1024} MB chunks as keel import does)`);
  if (EXPLAIN) log('BENCH_EXPLAIN=1: statements on findings are EXPLAIN ANALYZEd first (in a rolled-back savepoint): left out of the times, but caches are then warm');
  log(`targets: first import ≥ ${fmt(IMPORT_TARGETS.importPerSecond.postgres!)} findings/s on PostgreSQL and ≥ ${IMPORT_TARGETS.copyShare * 100}% ` +
    `of raw COPY of the same rows (into LIKE findings, no index); re-import ≥ ${fmt(IMPORT_TARGETS.reimportPerSecond.postgres!)} findings/s ` +
    `(both engines); peak RSS < ${mb(IMPORT_TARGETS.peakRssBytes)} importing the ${RSS_FILE_MB} MB file`);

  const work = await mkdtemp(join(tmpdir(), 'keel-bench-imports-'));
  const removeWork = track(() => rm(work, { recursive: true, force: true }));
  try {
    const lack = await lackOfSpace(work, FINDINGS);
    if (lack) {
      log(`\nimports not measured: ${lack}`);
      return [`imports not measured: ${lack}`];
    }
    log(`\n== Files (${work}; ${((await freeBytes(work)) / GB).toFixed(1)} GB free)`);
    const files = await generateFiles(work, FINDINGS, RSS_FILE_MB, log);

    const imports: ImportMeasure[] = [];
    const rss: RssMeasure[] = [];
    const notes: string[] = [];
    if (!files.rss && RSS_FILE_MB > 0) notes.push(`peak RSS of the ${RSS_FILE_MB} MB file not measured (see above)`);
    const add = (r: { imports: ImportMeasure[]; rss: RssMeasure[] }) => { imports.push(...r.imports); rss.push(...r.rss); };
    if (ENGINES.includes('pglite')) add(await benchEngine(await freshPglite(), files));
    if (ENGINES.includes('postgres')) {
      const pg = await freshPostgres();
      if ('unavailable' in pg) {
        notes.push(`PostgreSQL not measured: not reachable (${pg.unavailable})`);
        log(`\n== PostgreSQL: not reachable (${pg.unavailable}); measured PGlite only`);
      } else {
        const version = await postgresVersion(pg.env.DATABASE_URL!).catch(() => '?');
        add(await benchEngine({ ...pg, describe: `${pg.describe}, server ${version}` }, files));
      }
    }
    return printSummary(imports, rss, notes, (performance.now() - started) / 1000);
  } finally {
    await removeWork();
  }
}
