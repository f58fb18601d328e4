/**
 * The scenario: `GET /api/zones` (the default page: 50 zones sorted by name, authenticated
 * with an API token) against a running server, with `GET /api/health` as the baseline of
 * what the framework alone does. autocannon runs here, in the orchestrator's process.
 */
import autocannon from 'autocannon';
import type { CpuSample } from './cpu-usage.ts';

export const ZONES_PATH = '/api/zones';
export const HEALTH_PATH = '/api/health';

/**
 * Pages at random offsets and sizes (40–50) of the 2,000 zones: 22,000 different pages against
 * a server cache of at most 50,000 zones (~1,000 pages), so nearly every request misses the
 * cache and runs the page query.
 */
export function randomPagePath(total: number): () => string {
  return () => `${ZONES_PATH}?offset=${Math.floor(Math.random() * total)}&limit=${40 + Math.floor(Math.random() * 11)}`;
}
const PAGE_SIZE = 50;

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  /** Non-2xx responses, connection errors and timeouts: any of these makes the figure suspect. */
  failures: number;
  timeouts: number;
  /** CPU milliseconds per request of the server process and of the PostgreSQL backends, when known. */
  cpuMsPerRequest: { server: number; postgres: number } | null;
}

/** Fails loudly unless the default page holds 50 zones out of `expectedTotal`. */
export async function checkZonesPage(baseUrl: string, token: string, expectedTotal: number): Promise<void> {
  const res = await fetch(`${baseUrl}${ZONES_PATH}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${ZONES_PATH} answered ${res.status}: ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as { items?: { name: string }[]; total?: number };
  const items = body.items ?? [];
  if (items.length !== PAGE_SIZE || body.total !== expectedTotal) {
    throw new Error(`GET ${ZONES_PATH} returned ${items.length} items and total ${String(body.total)}; ` +
      `expected ${PAGE_SIZE} and ${expectedTotal}`);
  }
  const names = items.map((z) => z.name.toLowerCase());
  if (names.some((n, i) => i > 0 && names[i - 1]! > n)) throw new Error(`GET ${ZONES_PATH} is not sorted by name`);
}

/** A warm-up run (discarded), then the measured run, on keep-alive connections over loopback. */
export async function measure(
  baseUrl: string, path: string, token: string | null, opts: LoadOptions, sampleCpu: () => CpuSample | null = () => null,
  nextPath?: () => string,
): Promise<LoadResult> {
  const url = new URL(path, baseUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error(`refusing to load ${url.host}: loopback only`);
  const base = {
    url: url.href,
    connections: opts.connections,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    timeout: 10,
    // A fresh path per request, when given (e.g. to defeat the server's page cache).
    ...(nextPath ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: nextPath() }) }] } : {}),
  };
  if (opts.warmupSeconds > 0) await autocannon({ ...base, duration: opts.warmupSeconds });
  const before = sampleCpu();
  const r = await autocannon({ ...base, duration: opts.durationSeconds });
  const after = sampleCpu();
  const perRequest = (seconds: number) => (r.requests.total > 0 ? Math.max(0, seconds * 1000) / r.requests.total : 0);
  return {
    path, connections: opts.connections,
    requestsPerSecond: r.requests.total / r.duration,
    p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max,
    requests: r.requests.total,
    failures: r.non2xx + r.errors, // autocannon counts a timeout as an error too
    timeouts: r.timeouts,
    cpuMsPerRequest: before && after
      ? { server: perRequest(after.serverSeconds - before.serverSeconds), postgres: perRequest(after.postgresSeconds - before.postgresSeconds) }
      : null,
  };
}
