/**
 * One import in a process of its own, for the peak-RSS measurement (peak-rss.ts starts it):
 *   node --import tsx bench/import-child.ts <file> <format> <org-id> <zone-key>
 * with DATABASE_URL or KEEL_DATA_DIR naming the database (already holding the org and zone).
 * Prints one JSON line (ImportChildReport) on stdout.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openKeel } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';
import type { ImportFormat } from '../src/importers/types.ts';
import { systemActor } from '../src/services/actor.ts';
import type { RunCounts } from '../src/store/runs.ts';
import { READ_CHUNK } from './parse-only.ts';

export interface ImportChildReport {
  seconds: number;
  counts: RunCounts;
  unchanged: boolean;
  /**
   * Peak resident set of this process, in bytes: VmHWM from /proc/self/status. Not
   * process.resourceUsage().maxRSS: on Linux it keeps the high-water mark of the process image
   * before exec — a fork of the parent — so a child reports at least its parent's RSS (measured).
   * maxRSS only where /proc is missing.
   */
  maxRssBytes: number;
  /** RSS when the process had loaded its code, and once the database was open and migrated. */
  rssAtStartBytes: number;
  rssOpenedBytes: number;
  /** Highest values seen by a 100 ms sampler of process.memoryUsage() during the import. */
  peak: { heapUsed: number; external: number; arrayBuffers: number };
}

const [file, format, orgId, zone] = process.argv.slice(2);
if (!file || !format || !orgId || !zone) {
  process.stderr.write('usage: node --import tsx bench/import-child.ts <file> <format> <org-id> <zone-key>\n');
  process.exit(2);
}

function vmHwm(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

const rssAtStartBytes = process.memoryUsage().rss;
const keel = await openKeel(loadConfig({ ...process.env, KEEL_LOG_LEVEL: 'silent' }));
try {
  const rssOpenedBytes = process.memoryUsage().rss;
  const peak = { heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  const sampler = setInterval(sample, 100);
  const started = performance.now();
  const result = await keel.services.runs.importRun(systemActor(orgId, 'bench'), {
    zone, fileName: basename(file), format: format as ImportFormat, source: createReadStream(file, { highWaterMark: READ_CHUNK }),
  }).finally(() => clearInterval(sampler));
  const seconds = (performance.now() - started) / 1000;
  sample();
  const report: ImportChildReport = {
    seconds, counts: result.run.counts, unchanged: result.unchanged,
    maxRssBytes: vmHwm() ?? process.resourceUsage().maxRSS * 1024,
    rssAtStartBytes, rssOpenedBytes, peak,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await keel.close();
}
