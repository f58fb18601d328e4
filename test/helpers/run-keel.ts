/** Runs the keel command in this process, as a user would type it, and captures what it prints and its exit code. */
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export interface KeelResult { code: number; out: string; err: string }

export async function keel(...args: string[]): Promise<KeelResult> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
