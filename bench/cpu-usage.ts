/**
 * CPU time spent by the server process and by the PostgreSQL backends of the benchmark
 * database, read from /proc (Linux). Elsewhere it reports nothing rather than guessing.
 */
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

export interface CpuSample {
  serverSeconds: number;
  /** The process's main thread alone (its JavaScript, and PGlite inside it): the rest is GC helpers and the libuv pool. */
  mainThreadSeconds: number;
  /** Backends whose process title names the benchmark database; 0 for PGlite. */
  postgresSeconds: number;
}

/** CPU seconds (user + system) of one process (or, by its /proc path, one thread), or null when /proc cannot tell. */
function processCpu(pid: number | string): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

function postgresCpu(databaseName: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (title.startsWith('postgres:') && title.includes(` ${databaseName} `)) total += processCpu(entry) ?? 0;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

export function sampleCpu(serverPid: number, databaseName: string | null): CpuSample | null {
  const serverSeconds = processCpu(serverPid);
  if (serverSeconds === null) return null;
  // The main thread's id is the process id.
  const mainThreadSeconds = processCpu(`${serverPid}/task/${serverPid}`) ?? serverSeconds;
  return { serverSeconds, mainThreadSeconds, postgresSeconds: databaseName ? postgresCpu(databaseName) : 0 };
}
