/**
 * `npm run bench`: the benchmark suites in sequence — `zones` (GET /api/zones, zones.ts), then
 * `imports` (import throughput, raw COPY baseline and peak RSS, imports.ts). Run some of them with
 * `npm run bench -- imports` (names as arguments) or BENCH_SUITES=imports.
 * A measurement, not a test: it exits 0 even when a target is missed, and says which; it exits 1
 * only when a run could not be measured (an error), 2 on an unknown suite name.
 *
 * Environment (optional): BENCH_SUITES=zones,imports  BENCH_ENGINES=pglite,postgres
 *   zones:   BENCH_DURATION=10  BENCH_WARMUP=2  BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/out"
 *   imports: BENCH_IMPORT_FINDINGS=200000  BENCH_RSS_FILE_MB=1024 (0 skips the peak-RSS runs)  BENCH_EXPLAIN=1 (plans)
 *   remediation (not in the default run): BENCH_REM_FINDINGS=1000000  BENCH_REM_CALLS=50
 */
import { cleanUp } from './cleanup.ts';
import { runImportsSuite } from './imports.ts';
import { runRemediationSuite } from './remediation.ts';
import { runZonesSuite } from './zones.ts';

const SUITES: Record<string, () => Promise<string[]>> = {
  zones: runZonesSuite, imports: runImportsSuite, remediation: runRemediationSuite,
};

const log = (line = '') => process.stdout.write(`${line}\n`);

function requestedSuites(): string[] | null {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const names = (args.length > 0 ? args : (process.env.BENCH_SUITES ?? 'zones,imports').split(','))
    .map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark suite ${unknown.map((n) => JSON.stringify(n)).join(', ')}; ` +
      `expected one or more of: ${Object.keys(SUITES).join(', ')}\n`);
    return null;
  }
  return names;
}

async function main(): Promise<void> {
  const names = requestedSuites();
  if (!names) {
    process.exitCode = 2;
    return;
  }
  const outcomes: [string, string[]][] = [];
  for (const [i, name] of names.entries()) {
    if (i > 0) log(`\n${'='.repeat(100)}\n`);
    outcomes.push([name, await SUITES[name]!()]);
  }
  if (outcomes.length > 1) {
    log('\n== All suites');
    for (const [name, missed] of outcomes) {
      log(`  ${name.padEnd(8)} ${missed.length === 0 ? 'all targets met' : `${missed.length} target${missed.length === 1 ? '' : 's'} MISSED`}`);
    }
  }
}

process.once('SIGINT', () => {
  log('\ninterrupted: stopping servers and child processes, removing benchmark databases and generated files');
  void cleanUp().finally(() => process.exit(130));
});

try {
  await main();
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  await cleanUp();
  process.exitCode = 1;
}
