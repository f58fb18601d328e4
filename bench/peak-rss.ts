/**
 * Peak resident memory of an import: the import runs alone in a child process
 * (bench/import-child.ts), which reports its kernel high-water mark (VmHWM). With
 * PGlite the database engine runs inside that process, so its memory counts; with PostgreSQL
 * only Keel's process is measured, not the server's backends.
 */
import { spawn } from 'node:child_process';
import type { ImportChildReport } from './import-child.ts';
import { REPO_ROOT } from './server-process.ts';

export type { ImportChildReport };

/** Runs the import in a child and returns its report; rejects with its stderr when it fails. */
export function importInChild(
  dbEnv: Record<string, string>, file: string, format: string, orgId: string, zoneKey: string,
): Promise<ImportChildReport> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/import-child.ts', file, format, orgId, zoneKey], {
    cwd: REPO_ROOT,
    // Only the benchmark's database: an inherited DATABASE_URL must not redirect a PGlite run.
    env: { ...process.env, DATABASE_URL: '', KEEL_DATA_DIR: '', ...dbEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        resolve(JSON.parse(line) as ImportChildReport);
      } else {
        reject(new Error(`the import child exited with code ${code} (signal ${signal}):\n${stderr.trim() || stdout.trim()}`));
      }
    });
  });
}
