/**
 * promptfoo results: the JSON written by `promptfoo eval -o results.json` / `promptfoo redteam
 * run` / `promptfoo export` (`{ evalId, results: { version, timestamp, results: [...], stats },
 * config, metadata }`), and the CSV downloaded from promptfoo's red-team report
 * (promptfoo-csv.ts). Tested on results version 3 (promptfoo 0.118–0.120). Version 2 files
 * (`results.table` beside `results.results`, no evalId) are read the same way: only
 * `results.results` is used, the table is skipped; without `failureReason` (before v3) a
 * failed result with an `error` and no `gradingResult` counts as an error.
 *
 * Which results count. `success: true` is a pass; `failureReason: 2` is an ERROR (the target
 * or grader failed), not a finding: skipped, not counted in any group; `success: false`
 * otherwise (failureReason 1, an assertion failed) is a failed case.
 *
 * Grouping: one finding per weakness × target, where target is the provider's label, else its
 * id (`result.provider`), and the weakness is
 *   - red team: the plugin id, from `testCase.metadata.pluginId`, else the result's
 *     `metadata.pluginId`, else a `promptfoo:redteam:<plugin>` assertion type;
 *   - plain eval with a test `description`: that description (tests are written by hand, so it
 *     is stable from run to run);
 *   - plain eval without description: the failing assertion types, sorted, joined with `+`
 *     (`assert:latency`, `assert:contains+cost`); its total is the number of non-error cases of
 *     the target whose test runs all of those assertion types.
 * `counts` = failed cases / all non-error cases of the group in this file, so the sum of
 * `counts.failed` is the number of failed, non-error rows. Strategies (`metadata.strategyId`,
 * `basic` when absent) are listed with their own failed/total in the description and name
 * each evidence item; evidence is the first MAX_EVIDENCE failed cases: prompt
 * (`prompt.raw`, else the test vars as JSON), response (`response.output`, objects as JSON
 * text), grader reason (the failing component results' reasons, else `gradingResult.reason`),
 * score. Findings are yielded at the end of the file (grouping needs all of it); only the
 * groups' aggregates are held.
 *
 * Fingerprint: `fingerprint('promptfoo', rule, target)` — rule is the plugin id (without the
 * `promptfoo:redteam:` prefix), the test description or `assert:<types>` as above; target the
 * provider label or id; both trimmed, whitespace-collapsed, lower-cased. Never the prompts
 * (red-team prompts are generated anew each run), strategies, scores, ids or timestamps.
 *
 * Severity: `metadata.severity` (critical/high/medium/low, via parseSeverity; the highest of the
 * group's cases); a word promptfoo does not use is ignored. Default: medium for red-team
 * plugins, low for plain eval assertion failures. Categories: promptfoo-categories.ts (a
 * partial table of promptfoo's framework mapping), `tag:promptfoo:<plugin>`, the harm category
 * as a tag, and any `owasp`/`atlas`/`mitre`/`nist`/`tags` metadata.
 *
 * RunInfo: tool `promptfoo`, version from `metadata.promptfooVersion`, target when every
 * result names the same provider, startedAt `results.timestamp`, reported = the file's
 * `results.stats` `{ successes, failures, errors }` (for the CSV: its rows' Pass/Fail/Error
 * counts), plus `results` = the number of result rows the file holds.
 */
import { InputError } from '../domain/errors.ts';
import { progressReporter, streamJson } from './json-stream.ts';
import { peekHead } from './peek.ts';
import { isPromptfooCsvHeader, readPromptfooCsv } from './promptfoo-csv.ts';
import { PromptfooGroups } from './promptfoo-groups.ts';
import { resultToCase } from './promptfoo-result.ts';
import type { Importer, RunInfo } from './types.ts';

const PATHS = ['$.evalId', '$.results.version', '$.results.timestamp', '$.results.stats', '$.results.results.*', '$.metadata.promptfooVersion'];
const MAX_TARGETS = 20;

function notPromptfoo(reason: string): InputError {
  return new InputError(`The file is not a promptfoo results file (promptfoo eval -o results.json): ${reason}`,
    [{ field: 'file', message: `not a promptfoo results file: ${reason}` }]);
}

function firstLine(head: string): string {
  const text = head.replace(/^\uFEFF/, '');
  const nl = text.indexOf('\n');
  return nl === -1 ? text : text.slice(0, nl);
}

export const promptfooImporter: Importer = {
  format: 'promptfoo',
  groupsUntilEnd: true,

  detect(head) {
    const text = head.replace(/^\uFEFF/, '').trimStart();
    if (!text.startsWith('{')) return isPromptfooCsvHeader(firstLine(text));
    if (/"runs"\s*:\s*\[/.test(text) || /"\$schema"\s*:/.test(text)) return false;
    if (/^\{\s*"evalId"\s*:/.test(text)) return true;
    return /^\{\s*"results"\s*:\s*\{\s*"version"\s*:\s*\d/.test(text) || (/"evalId"\s*:/.test(text) && /"results"\s*:\s*\{/.test(text));
  },

  async *parse(source, onProgress) {
    const progress = progressReporter(onProgress);
    const info: RunInfo = { tool: 'promptfoo', toolVersion: null, target: null, startedAt: null, reported: {} };
    const groups = new PromptfooGroups();
    const peeked = await peekHead(source);
    const head = peeked.head.replace(/^\uFEFF/, '').trimStart();

    if (!head.startsWith('{')) {
      if (!isPromptfooCsvHeader(firstLine(head))) {
        throw notPromptfoo('it is neither JSON nor the red-team report CSV (header "Test ID","Plugin","Strategy","Target","Prompt","Response","Pass",…)');
      }
      const totals = await readPromptfooCsv(peeked.source, groups, (n) => progress.bytes(n));
      info.reported = { results: totals.rows, successes: totals.successes, failures: totals.failures, errors: totals.errors };
      info.startedAt = totals.firstTimestamp;
      if (totals.targets.size === 1) info.target = [...totals.targets][0] || null;
    } else {
      let results = 0;
      let sawResults = false;
      let stats: Record<string, number> = {};
      const targets = new Set<string>();
      for await (const { keys, value } of streamJson(peeked.source, PATHS, (n) => progress.bytes(n))) {
        if (keys[0] === 'metadata') {
          if (typeof value === 'string') info.toolVersion = value;
        } else if (keys[0] === 'results' && keys[1] === 'results') {
          const c = resultToCase(value, results);
          results += 1;
          sawResults = true;
          if (c === 'error') continue;
          if (targets.size <= MAX_TARGETS) targets.add(c.target);
          groups.add(c);
        } else if (keys[0] === 'results' && keys[1] === 'version') {
          sawResults = true;
        } else if (keys[0] === 'results' && keys[1] === 'timestamp') {
          if (typeof value === 'string') info.startedAt = value;
          else if (typeof value === 'number') info.startedAt = new Date(value).toISOString();
        } else if (keys[0] === 'results' && keys[1] === 'stats') {
          stats = readStats(value);
        }
      }
      if (!sawResults) throw notPromptfoo('no "results" object with a "results" array');
      info.reported = { results, ...stats };
      if (targets.size === 1) info.target = [...targets][0] || null;
    }

    for (const finding of groups.findings()) {
      progress.finding();
      yield finding;
    }
    return info;
  },
};

function readStats(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const key of ['successes', 'failures', 'errors'] as const) {
    const n = (value as Record<string, unknown>)[key];
    if (typeof n === 'number') out[key] = n;
  }
  return out;
}
