#!/usr/bin/env node
// `npm test`: typecheck, lint, build the web app, run every test on the embedded database
// (PGlite), then — when KEEL_TEST_POSTGRES names a PostgreSQL server — the store, service
// and HTTP tests again on PostgreSQL, each test file in a fresh database. Ends with one
// "N passed, N failed" line over all runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'keel-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;

function run(title, cmd, args, env = {}) {
  process.stdout.write(`\n== ${title}\n`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function vitest(title, files, env) {
  const report = join(out, `${title.replace(/\W+/g, '-')}.json`);
  const code = run(title, 'npx', ['vitest', 'run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  } catch {
    failed += 1;
  }
  return code;
}

const steps = [
  () => run('typecheck', 'npm', ['run', '--silent', 'typecheck']),
  () => run('lint', 'npm', ['run', '--silent', 'lint']),
  () => run('build the web app', 'npm', ['run', '--silent', 'build:web']),
  () => vitest('tests on PGlite', [], { KEEL_TEST_DATABASE_URL: '' }),
];
const pg = process.env.KEEL_TEST_POSTGRES;
if (pg) steps.push(() => vitest('store, service and HTTP tests on PostgreSQL', ['test/store', 'test/services', 'test/http'], { KEEL_TEST_DATABASE_URL: pg }));

let status = 0;
for (const step of steps) {
  if (step() !== 0) {
    status = 1;
    break;
  }
}
if (!pg) process.stdout.write('\n(PostgreSQL run skipped: set KEEL_TEST_POSTGRES=postgres://user@host:5432/db to run it)\n');
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(status || (failed > 0 ? 1 : 0));
