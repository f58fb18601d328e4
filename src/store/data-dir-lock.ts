/**
 * PGlite does not lock its data directory, and a second process opening it can corrupt it
 * (DESIGN.md). Keel takes an exclusive lock file in the directory: `keel.lock` holding the
 * owner's pid and, for a server, its URL. A stale lock (its process is gone) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictError } from '../domain/errors.ts';

export interface LockInfo { pid: number; url: string | null; since: string }

export interface DataDirLock {
  release(): void;
  setUrl(url: string): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Directories this process holds: a second open from the same process is refused too. */
const held = new Set<string>();

export function readLock(dir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(join(dir, 'keel.lock'), 'utf8')) as LockInfo;
    const live = info.pid === process.pid ? held.has(dir) : alive(info.pid);
    return live ? info : null;
  } catch {
    return null;
  }
}

export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'keel.lock');
  const write = (info: LockInfo, exclusive: boolean) =>
    writeFileSync(file, JSON.stringify(info), { flag: exclusive ? 'wx' : 'w' });
  const info: LockInfo = { pid: process.pid, url: null, since: new Date().toISOString() };
  try {
    write(info, true);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = readLock(dir);
    if (holder) {
      throw new ConflictError(
        holder.url
          ? `The Keel server (pid ${holder.pid}) at ${holder.url} is using ${dir}. Run this command against it with --server ${holder.url} --token <API token>, or stop the server first.`
          : `Another Keel process (pid ${holder.pid}) is using ${dir}; wait for it to finish or stop it.`,
      );
    }
    rmSync(file, { force: true });
    write(info, true);
  }
  held.add(dir);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      held.delete(dir);
      rmSync(file, { force: true });
    },
    setUrl(url: string) {
      info.url = url;
      write(info, false);
    },
  };
}
