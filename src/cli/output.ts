/** How the CLI prints: tables for people, --json and --csv for scripts, errors with exit codes. */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { KeelError } from '../domain/errors.ts';
import type { Issue } from '../domain/errors.ts';
import { RemoteProblem } from './remote-client.ts';

export type Format = 'table' | 'json' | 'csv';

export function formatOf(opts: { json?: boolean; csv?: boolean }): Format {
  return opts.json ? 'json' : opts.csv ? 'csv' : 'table';
}

export interface Column<T> { header: string; value: (row: T) => string | number }

export function printRows<T>(rows: T[], columns: Column<T>[], format: Format, json: unknown = rows): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const cells = rows.map((r) => columns.map((c) => String(c.value(r))));
  if (format === 'csv') {
    process.stdout.write(stringify([columns.map((c) => c.header), ...cells]));
    return;
  }
  const table = new Table({ head: columns.map((c) => c.header), style: { head: ['bold'] } });
  table.push(...cells);
  process.stdout.write(`${table.toString()}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export const EXIT = { ok: 0, error: 1, usage: 2, input: 3, auth: 4, notFound: 5, conflict: 6, verifyFailed: 10 } as const;

const CODE_EXIT: Record<string, number> = {
  invalid_input: EXIT.input, unauthenticated: EXIT.auth, not_allowed: EXIT.auth, not_found: EXIT.notFound,
  conflict: EXIT.conflict, rate_limited: EXIT.auth,
};

/** Prints an error the way a person can act on it, and returns the exit code. */
export function reportError(err: unknown): number {
  let message: string;
  let issues: Issue[] = [];
  let code: string | undefined;
  if (err instanceof KeelError) {
    ({ message, issues, code } = err);
  } else if (err instanceof RemoteProblem) {
    message = err.problem.detail;
    issues = err.problem.errors ?? [];
    code = err.problem.code;
  } else {
    message = err instanceof Error ? err.message : String(err);
  }
  process.stderr.write(`error: ${message}\n`);
  for (const i of issues.slice(issues.length > 1 ? 0 : 1)) {
    const where = i.line !== undefined ? `line ${i.line}${i.column ? `, column ${i.column}` : ''}` : i.field ?? '';
    process.stderr.write(`  ${where ? `${where}: ` : ''}${i.message}\n`);
  }
  return (code ? CODE_EXIT[code] : undefined) ?? EXIT.error;
}
