/**
 * SARIF 2.1.0 logs (CodeQL, Semgrep, njsscan, gitleaks, grype, SpotBugs, flawfinder…): a
 * finding per result that is a failure.
 *
 * Which results become findings. Results of `kind` `pass`, `notApplicable` and `informational`
 * are not failures; results with `baselineState: "absent"` are no longer present; results with
 * `suppressions` are dismissed when every suppression is `accepted` (or has no status) — one
 * `rejected` or `underReview` suppression leaves the result open, as SARIF §3.27.23 reads. All
 * are skipped and counted in RunInfo.reported: `{ runs, results, failures, suppressed, passed,
 * notApplicable, informational, absent }`; `results` is every result in the file and
 * `failures` the findings yielded.
 *
 * Fingerprint, `fingerprint('sarif', ruleId, uri, …)` where `uri` is the first location's
 * artifact URI (`file://` dropped):
 *   1. with `fingerprints` (preferred: SARIF's stable identity) or else `partialFingerprints`:
 *      their entries as sorted `key=value` lines. The rule and file are kept beside them
 *      because some tools' hashes are not unique alone: CodeQL's `primaryLocationLineHash`
 *      hashes the line's text, so the same empty `except:` in two files has the same hash.
 *   2. otherwise the result's message — `message.text`, or `id(arg|arg…)` for templated
 *      messages — with line/column numbers replaced by `#` (`parser.py:35` → `parser.py:#`),
 *      and in place of the URI the logical location when there is no file.
 * Never the line number, region, run id, timestamps, the rule's metadata, or the tool's name
 * (which may come after the results, and which tools rename: nodejsscan → njsscan); rule ids
 * are tool-specific enough to keep tools apart within a zone. All parts are trimmed,
 * whitespace-collapsed and lower-cased by fingerprint().
 *
 * Severity: `properties["security-severity"]` of the result or else its rule (CVSS-like:
 * ≥9 critical, ≥7 high, ≥4 medium, >0 low, 0 info); else `level` of the result, else for a
 * failure the rule's `defaultConfiguration.level`, else SARIF's default — `warning` for
 * failures, `none` for `open`/`review` results (§3.27.10) — mapped error→high,
 * warning→medium, note→low, none→info (a word SARIF does not define goes through
 * parseSeverity, else medium).
 *
 * Location: the first location's `uri:startLine` (else its logical location's name); every
 * location is kept as evidence (location, snippet, message; at most MAX_EVIDENCE, capped).
 * Title: the rule's shortDescription, else the message's first line. Description: the message;
 * the rule's fullDescription and help (else "See <helpUri>") are the finding's `ruleText`, one
 * object per rule that the store keeps once and shows after the message and as the mitigation
 * (store/rule-texts.ts). Categories: the rule's
 * and result's `properties.tags` and `properties.cwe`, CWE taxa/relationships — CWE in any
 * spelling (`external/cwe/cwe-079`, `CWE-79`) → `cwe:79`, other tags → `tag:…`
 * (tag-categories.ts). Repeated results (same fingerprint) stay repeated: the store keeps one.
 *
 * Streaming and rule order. Results, each tool component and `$.version` are read as separate
 * values with streamJson; only the current run's compact rule index (sarif-rules.ts) is kept.
 * Scanners write `tool` before `results` (every sample does), so rules are known when results
 * arrive. When a run lists its results first, findings are yielded at once with what the
 * result itself carries plus the rules seen so far (none): its own level or the default,
 * its message as title, no rule categories. No result is held back, so memory stays bounded
 * whatever the order; the fingerprint never uses rule metadata, so it is the same either way
 * (except for a result with only a `ruleIndex` and no `ruleId`, then named `rules[<n>]`).
 * `$.version` may come after the runs (njsscan, bash-report): a version other than 2.1.0 is
 * refused when it is read.
 */
import { InputError } from '../domain/errors.ts';
import { progressReporter, streamJson } from './json-stream.ts';
import { peekHead } from './peek.ts';
import { isObject, RuleIndex, str } from './sarif-rules.ts';
import { resultToFinding } from './sarif-result.ts';
import type { Importer, RunInfo } from './types.ts';

const PATHS = [
  '$.version',
  '$.runs.*.tool.driver',
  '$.runs.*.tool.extensions.*',
  '$.runs.*.invocations.*.startTimeUtc',
  '$.runs.*.results.*',
];
const NOT_FAILURES: Record<string, 'passed' | 'notApplicable' | 'informational'> = {
  pass: 'passed', notApplicable: 'notApplicable', informational: 'informational',
};

/** Dismissed: at least one suppression and all of them accepted (or without status). */
export function isSuppressed(result: Record<string, unknown>): boolean {
  const list = result.suppressions;
  if (!Array.isArray(list) || list.length === 0) return false;
  return list.every((s) => {
    // `status` in SARIF 2.1.0; `state` in pre-release logs (appendix K).
    const status = isObject(s) ? str(s.status) ?? str(s.state) : null;
    return status === null || status === 'accepted';
  });
}

function notSarif(reason: string): InputError {
  return new InputError(`The file is not a SARIF 2.1.0 log: ${reason}`, [{ field: 'file', message: `not a SARIF 2.1.0 log: ${reason}` }]);
}

function checkVersion(value: unknown): void {
  if (value === '2.1.0') return;
  throw new InputError(`The file is SARIF version ${JSON.stringify(value)}; Keel reads SARIF 2.1.0 (convert older logs with the SARIF SDK's "sarif transform")`,
    [{ field: 'version', message: `expected "2.1.0", found ${JSON.stringify(value)}` }]);
}

export const sarifImporter: Importer = {
  format: 'sarif',

  detect(head) {
    if (/"\$schema"\s*:\s*"[^"]*sarif/i.test(head)) return true;
    if (!/"runs"\s*:\s*\[/.test(head)) return false;
    return /"version"\s*:\s*"2\.1\.0"/.test(head) || /"driver"\s*:\s*\{/.test(head);
  },

  async *parse(source, onProgress) {
    const progress = progressReporter(onProgress);
    const reported = { runs: 0, results: 0, failures: 0, suppressed: 0, passed: 0, notApplicable: 0, informational: 0, absent: 0 };
    const info: RunInfo = { tool: 'sarif', toolVersion: null, target: null, startedAt: null, reported };
    const toolNames: string[] = [];
    let version: unknown;
    let runIndex = -1;
    let rules = new RuleIndex();

    // The head tells an empty `"runs": []` (valid: nothing ran) from a file with no runs at all.
    const peeked = await peekHead(source);
    for await (const { keys, value } of streamJson(peeked.source, PATHS, (n) => progress.bytes(n))) {
      if (keys[0] === 'version') {
        version = value;
        checkVersion(value);
        continue;
      }
      const run = keys[1];
      if (typeof run !== 'number') throw notSarif('"runs" is not an array of run objects');
      if (run !== runIndex) {
        // A new run: drop the previous run's rules.
        runIndex = run;
        rules = new RuleIndex();
        reported.runs += 1;
      }
      const where = `runs[${run}]`;
      if (keys[2] === 'tool') {
        if (!isObject(value)) throw new InputError(`${where}.tool: expected a tool component object`, [{ field: `${where}.tool`, message: 'expected an object' }]);
        if (keys[3] === 'driver') {
          rules.setDriver(value);
          const name = str(value.name);
          if (name && !toolNames.includes(name) && toolNames.length < 5) toolNames.push(name);
          info.toolVersion ??= str(value.semanticVersion) ?? str(value.version);
        } else if (typeof keys[4] === 'number') {
          rules.setExtension(keys[4], value);
        }
        continue;
      }
      if (keys[2] === 'invocations') {
        if (info.startedAt === null && typeof value === 'string') info.startedAt = value;
        continue;
      }
      const where2 = `${where}.results[${String(keys[3])}]`;
      if (!isObject(value)) {
        throw new InputError(`${where2} (result ${Number(keys[3]) + 1} of run ${run + 1}) is not a result object`,
          [{ field: where2, message: 'expected a result object' }]);
      }
      reported.results += 1;
      const kind = str(value.kind) ?? 'fail';
      const skipped = NOT_FAILURES[kind];
      if (skipped) { reported[skipped] += 1; continue; }
      if (value.baselineState === 'absent') { reported.absent += 1; continue; }
      if (isSuppressed(value)) { reported.suppressed += 1; continue; }
      const finding = resultToFinding(value, { rule: rules.find(value), kind });
      reported.failures += 1;
      progress.finding();
      yield finding;
    }

    if (reported.runs === 0 && (version === undefined || !/"runs"\s*:\s*\[/.test(peeked.head))) {
      throw notSarif(version === undefined ? 'no "version" and no "runs" array' : 'no "runs" array');
    }
    if (toolNames.length > 0) info.tool = toolNames.join(', ');
    return info;
  },
};
