/**
 * The CSV downloaded from promptfoo's web red-team report (csvExport.ts in promptfoo's app):
 * `Test ID, Plugin, Strategy, Target, Prompt, Response, Pass, Score, Reason, Timestamp`, every
 * cell quoted; older exports name the plugin column `Category` and have no Target. Headers
 * are matched ignoring case, spaces and underscores; `Plugin` (or `Category`) and `Pass` are
 * required. `Pass` holds `Pass (1)` / `Fail (0)` (the grader's score in brackets); a cell
 * starting with `Error` is counted as an error and skipped, anything else is refused naming
 * the line. The report carries no severity: the red-team default applies.
 */
import { parse, type CsvError } from 'csv-parse';
import { InputError } from '../domain/errors.ts';
import { normalizeHeader } from './generic-csv.ts';
import { normalizePluginId } from './promptfoo-result.ts';
import type { PromptfooGroups } from './promptfoo-groups.ts';

export interface PromptfooCsvTotals {
  rows: number;
  successes: number;
  failures: number;
  errors: number;
  targets: Set<string>;
  firstTimestamp: string | null;
}

const COLUMNS: Record<string, string> = {
  testid: 'id', plugin: 'plugin', category: 'plugin', strategy: 'strategy', target: 'target', prompt: 'prompt',
  response: 'response', pass: 'pass', score: 'score', reason: 'reason', timestamp: 'timestamp',
};
const MAX_TARGETS = 20;

/** Whether a CSV header line is promptfoo's red-team report header. */
export function isPromptfooCsvHeader(line: string): boolean {
  const names = line.split(',').map((h) => normalizeHeader(h.replace(/^\uFEFF/, '').replace(/"/g, '')));
  return names.includes('testid') && (names.includes('plugin') || names.includes('category')) && names.includes('pass')
    && names.includes('prompt') && names.includes('response');
}

function mapHeader(header: string[]): string[] {
  const names = header.map(normalizeHeader);
  const missing = [names.some((n) => n === 'plugin' || n === 'category') ? null : 'Plugin', names.includes('pass') ? null : 'Pass']
    .filter((c): c is string => c !== null);
  if (missing.length > 0) {
    throw new InputError(`Line 1: the header has no ${missing.join(' or ')} column; a promptfoo red-team report CSV starts with `
      + '"Test ID","Plugin","Strategy","Target","Prompt","Response","Pass","Score","Reason","Timestamp"',
    missing.map((column) => ({ line: 1, column, message: `the header has no ${column} column` })));
  }
  return names.map((n, i) => COLUMNS[n] ?? `#${i}`);
}

function csvError(err: unknown): unknown {
  const e = err as CsvError & { lines?: number };
  if (typeof e?.code !== 'string' || !e.code.startsWith('CSV_')) return err;
  const line = typeof e.lines === 'number' ? e.lines : 1;
  return new InputError(`Line ${line}: not valid CSV: ${e.message}`, [{ line, message: 'not valid CSV' }]);
}

const cell = (v: string | undefined): string | null => (v !== undefined && v.trim() !== '' ? v : null);

export async function readPromptfooCsv(
  source: AsyncIterable<Uint8Array>, groups: PromptfooGroups, onBytes: (n: number) => void,
): Promise<PromptfooCsvTotals> {
  const totals: PromptfooCsvTotals = { rows: 0, successes: 0, failures: 0, errors: 0, targets: new Set(), firstTimestamp: null };
  let headerError: unknown = null;
  const parser = parse({
    bom: true, info: true, skip_empty_lines: true, relax_column_count: false,
    columns: (header: string[]) => {
      try {
        return mapHeader(header);
      } catch (err) {
        headerError = err;
        throw err;
      }
    },
  });
  let bytes = 0;
  void (async () => {
    try {
      for await (const chunk of source) {
        if (parser.destroyed) return;
        bytes += chunk.byteLength;
        onBytes(bytes);
        if (!parser.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = () => { parser.off('drain', done); parser.off('close', done); resolve(); };
            parser.on('drain', done);
            parser.on('close', done);
          });
        }
      }
      if (!parser.destroyed) parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const line = info.lines;
      totals.rows += 1;
      const pass = (record.pass ?? '').trim();
      const plugin = cell(record.plugin);
      if (/^error/i.test(pass)) { totals.errors += 1; continue; }
      if (!/^(pass|fail)/i.test(pass)) {
        throw new InputError(`Line ${line}: Pass must be "Pass (…)" or "Fail (…)", found ${JSON.stringify(pass.slice(0, 40))}`,
          [{ line, column: 'Pass', message: 'expected Pass or Fail' }]);
      }
      if (!plugin) throw new InputError(`Line ${line}: the Plugin cell is empty`, [{ line, column: 'Plugin', message: 'required' }]);
      const passed = /^pass/i.test(pass);
      if (passed) totals.successes += 1;
      else totals.failures += 1;
      const target = (record.target ?? '').trim();
      if (totals.targets.size < MAX_TARGETS) totals.targets.add(target);
      totals.firstTimestamp ??= cell(record.timestamp);
      const score = Number(record.score);
      groups.add({
        pluginId: normalizePluginId(plugin),
        target,
        passed,
        severity: null,
        strategy: cell(record.strategy),
        harmCategory: null,
        goal: null,
        description: null,
        assertTypes: [],
        failedTypes: [],
        categories: [],
        evidence: passed ? null : {
          prompt: cell(record.prompt) ?? undefined,
          response: cell(record.response) ?? undefined,
          reason: cell(record.reason) ?? undefined,
          score: record.score !== undefined && record.score.trim() !== '' && Number.isFinite(score) ? score : undefined,
          label: [`strategy ${cell(record.strategy) ?? 'basic'}`, cell(record.id) ? `test ${record.id}` : null].filter(Boolean).join(', '),
        },
      });
    }
  } catch (err) {
    throw headerError ?? csvError(err);
  } finally {
    if (!parser.destroyed) parser.destroy();
  }
  return totals;
}
