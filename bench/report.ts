/** Targets and the printed verdicts of the benchmark: one row per measured run. */
import type { LoadResult } from './zones-api.ts';

export type EngineName = 'pglite' | 'postgres';

export const TARGETS = {
  requestsPerSecond: { postgres: 3000, pglite: 1000 } satisfies Record<EngineName, number>,
  p99Ms: 50,
};

export interface Row {
  engine: EngineName;
  scenario: 'baseline' | 'zones' | 'uncached';
  result: LoadResult;
}

export interface Verdict {
  label: 'PASS' | 'FAIL' | 'baseline' | 'info';
  reasons: string[];
}

export function verdictOf(row: Row): Verdict {
  const reasons: string[] = [];
  const r = row.result;
  if (r.failures > 0) reasons.push(`${r.failures} failed requests${r.timeouts ? ` (${r.timeouts} timed out after 10 s)` : ''}`);
  if (row.scenario === 'baseline') return { label: reasons.length ? 'FAIL' : 'baseline', reasons };
  if (row.scenario === 'uncached') return { label: reasons.length ? 'FAIL' : 'info', reasons };
  const minRps = TARGETS.requestsPerSecond[row.engine];
  if (r.requestsPerSecond < minRps) reasons.push(`${fmt(r.requestsPerSecond)} req/s < ${minRps}`);
  if (r.p99Ms >= TARGETS.p99Ms) reasons.push(`p99 ${r.p99Ms} ms >= ${TARGETS.p99Ms} ms`);
  return { label: reasons.length ? 'FAIL' : 'PASS', reasons };
}

export function describeRun(row: Row): string {
  const r = row.result;
  const v = verdictOf(row);
  return `  ${r.path.padEnd(12)} c=${String(r.connections).padEnd(3)} ${fmt(r.requestsPerSecond).padStart(7)} req/s  ` +
    `p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  max ${r.maxMs} ms  (${r.requests} requests)${cpuText(r)}  ${v.label}` +
    (v.reasons.length ? ` — ${v.reasons.join('; ')}` : '');
}

function cpuText(r: LoadResult): string {
  const c = r.cpuMsPerRequest;
  if (!c) return '';
  return `  CPU/request: server ${c.server.toFixed(2)} ms${c.postgres > 0 ? `, PostgreSQL ${c.postgres.toFixed(2)} ms` : ''}`;
}

export function table(rows: Row[]): string {
  const header = ['engine', 'request', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'PG CPU ms/req', 'target', 'result'];
  const body = rows.map((row) => {
    const r = row.result;
    const target = row.scenario === 'baseline' ? '—'
      : row.scenario === 'uncached' ? 'cache misses'
        : `≥${TARGETS.requestsPerSecond[row.engine]}/s, p99<${TARGETS.p99Ms}`;
    return [row.engine === 'postgres' ? 'PostgreSQL' : 'PGlite', `GET ${r.path}${row.scenario === 'uncached' ? '?offset&limit=random' : ''}`, String(r.connections),
      fmt(r.requestsPerSecond), String(r.p50Ms), String(r.p99Ms),
      r.cpuMsPerRequest ? r.cpuMsPerRequest.server.toFixed(2) : '?',
      r.cpuMsPerRequest && row.engine === 'postgres' ? r.cpuMsPerRequest.postgres.toFixed(2) : '—', target, verdictOf(row).label];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 7 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
