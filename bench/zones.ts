/**
 * The zones suite of `npm run bench` (run.ts): GET /api/zones (the default page of 2,000 zones)
 * and the GET /api/health baseline, on PGlite and on PostgreSQL, each against a server in its
 * own process. A measurement, not a test: it exits 0 even when a target is missed, and says which.
 *
 * Per run it prints req/s, latency p50/p99/max and, from /proc, the CPU milliseconds per request
 * of the server process and of the PostgreSQL backends, so a missed target shows where time went.
 *
 * Environment (optional): BENCH_ENGINES=pglite,postgres  BENCH_DURATION=10  BENCH_WARMUP=2
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/out" (profiles the server; bench/out is git-ignored)
 */
import { cpus, loadavg } from 'node:os';
import { track } from './cleanup.ts';
import { sampleCpu } from './cpu-usage.ts';
import { freshPglite, freshPostgres, postgresVersion, type BenchDatabase } from './databases.ts';
import { describeRun, table, TARGETS, verdictOf, type EngineName, type Row } from './report.ts';
import { seedBenchOrg } from './seed.ts';
import { startServerProcess } from './server-process.ts';
import { checkZonesPage, HEALTH_PATH, measure, randomPagePath, ZONES_PATH, type LoadOptions } from './zones-api.ts';

const ZONES = 2000;
const SEED = { zones: ZONES, leads: 50, products: 20 };
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim()) as EngineName[];
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

interface Scenario { scenario: Row['scenario']; path: string; connections: number; auth: boolean }

const SCENARIOS: Scenario[] = [
  { scenario: 'baseline', path: HEALTH_PATH, connections: 50, auth: false },
  { scenario: 'zones', path: ZONES_PATH, connections: 50, auth: true },
  { scenario: 'zones', path: ZONES_PATH, connections: 10, auth: true },
  { scenario: 'uncached', path: ZONES_PATH, connections: 50, auth: true },
];

const log = (line = '') => process.stdout.write(`${line}\n`);

async function benchEngine(db: BenchDatabase): Promise<Row[]> {
  const engine = db.engine;
  log(`\n== ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${db.describe}`);
  log(`  machine load before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min; includes earlier runs — other work on the machine skews the figures)`);
  const seed = await seedBenchOrg(db.env, SEED);
  const s = seed.seconds;
  log(`  seeded ${seed.zones} zones, ${SEED.leads} leads, ${SEED.products} products in ${s.total.toFixed(2)} s ` +
    `(open+migrate ${s.open.toFixed(2)} s, leads ${s.leads.toFixed(2)} s, zone import ${s.zones.toFixed(2)} s ` +
    `= ${Math.round(seed.zones / s.zones)} zones/s)`);

  const server = await startServerProcess(db.env, SERVER_NODE_ARGS);
  const stop = track(() => server.stop());
  try {
    log(`  server pid ${server.pid} at ${server.url}`);
    await checkZonesPage(server.url, seed.token, ZONES);
    log(`  checked: GET ${ZONES_PATH} returns 50 of ${ZONES} zones, sorted by name`);
    const opts = (connections: number): LoadOptions => ({ connections, durationSeconds: DURATION, warmupSeconds: WARMUP });
    const rows: Row[] = [];
    for (const sc of SCENARIOS) {
      const result = await measure(server.url, sc.path, sc.auth ? seed.token : null, opts(sc.connections),
        () => sampleCpu(server.pid, db.databaseName), sc.scenario === 'uncached' ? randomPagePath(ZONES) : undefined);
      const row = { engine, scenario: sc.scenario, result };
      log(describeRun(row));
      rows.push(row);
    }
    return rows;
  } finally {
    await stop();
  }
}

async function withDatabase(open: () => Promise<BenchDatabase>): Promise<Row[]> {
  const db = await open();
  const dispose = track(() => db.dispose());
  try {
    return await benchEngine(db);
  } finally {
    await dispose();
  }
}

/** Runs the suite and prints its figures; returns the targets missed (empty when all were met). */
export async function runZonesSuite(): Promise<string[]> {
  const started = performance.now();
  log(`Keel benchmark — GET ${ZONES_PATH} (default page: 50 of ${ZONES} zones, sorted by name, API token)`);
  log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}); autocannon in this process, ` +
    `server in a child process; ${WARMUP} s warm-up + ${DURATION} s per run`);
  log(`targets: ≥ ${TARGETS.requestsPerSecond.postgres} req/s on PostgreSQL, ≥ ${TARGETS.requestsPerSecond.pglite} req/s ` +
    `on PGlite, p99 < ${TARGETS.p99Ms} ms; ${HEALTH_PATH} is the framework-only baseline`);

  const rows: Row[] = [];
  const notes: string[] = [];
  if (ENGINES.includes('pglite')) rows.push(...await withDatabase(freshPglite));
  if (ENGINES.includes('postgres')) {
    const pg = await freshPostgres();
    if ('unavailable' in pg) {
      notes.push(`PostgreSQL not measured: not reachable (${pg.unavailable})`);
      log(`\n== PostgreSQL: not reachable (${pg.unavailable}); measured PGlite only`);
    } else {
      const version = await postgresVersion(pg.env.DATABASE_URL!).catch(() => '?');
      rows.push(...await withDatabase(async () => ({ ...pg, describe: `${pg.describe}, server ${version}` })));
    }
  }

  log(`\n== Summary (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  log(table(rows));
  log('(PGlite runs inside the server process, so its work is in "server CPU"; CPU figures come from /proc.)');
  const failed = rows.filter((r) => verdictOf(r).label === 'FAIL');
  for (const note of notes) log(note);
  const missed = failed.map((r) => `${r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} GET ${r.result.path} c=${r.result.connections}: ` +
    verdictOf(r).reasons.join('; '));
  if (missed.length === 0) {
    log('All targets met.');
  } else {
    log(`${missed.length} target${missed.length === 1 ? '' : 's'} MISSED:`);
    for (const m of missed) log(`  - ${m}`);
  }
  return missed;
}
