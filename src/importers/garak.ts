/**
 * garak (NVIDIA's LLM vulnerability scanner): its `report.jsonl` (garak-report.ts) and its
 * `hitlog.jsonl` (garak-hitlog.ts), one JSON object per line. Which one a file is comes from its
 * first line: a report entry has `entry_type` (`start_run setup`, `init`, `attempt`, `eval`,
 * `completion`, `digest`; others such as `probe_summary` are skipped), a hit has `probe`,
 * `detector` and `attempt_id` or `score`. Tested on reports of garak 0.13.3.pre1 and 0.14.0.pre1.
 *
 * Report. One finding per probe × detector that failed outputs. Counts are garak's own eval
 * lines (`passed`, `fails`, `total_evaluated`; `total` in older garak): failed = `fails`,
 * else total − passed; total = `total_evaluated`, else `total`. Eval lines of the same pair
 * (an aggregated report) are summed. A pair with scored attempts but no eval line (garak
 * stopped before evaluating the probe, or a hand-made report) gets its counts from the
 * attempts as garak's ThresholdEvaluator counts them, and says so in its description: each
 * score of a status-2 attempt's `detector_results[detector]` (one per output) fails at
 * `run.eval_threshold` (0.5 unless the setup line says otherwise) or more, passes below it,
 * and a null score (garak's "nones") is not counted.
 * Evidence: the first MAX_EVIDENCE failing outputs of status-2 attempts (status 1 is the same
 * attempt before detection): the prompt (a string, a `{text}` message, or a conversation
 * `{turns: [{role, content: {text}}]}` — one turn as its text, several as `role: text` lines),
 * the output that failed (a string or `{text}`), its score, the goal and `notes.triggers` as
 * reason, label `detector, attempt <seq>` (`, output <n>` when the prompt had several outputs).
 * Only the pairs' counters and first evidence are held, never the attempts (a file with more
 * than MAX_PAIRS probe × detector pairs is refused); findings are yielded at the end (eval
 * lines follow attempts, the digest comes last).
 * Categories: the digest's `probe_tags` (recent garak: `owasp:llm01`, `avid-effect:…`,
 * `quality:…`, `payload:…`) through tag-categories.ts — `owasp-llm:LLM01`, the rest as
 * `tag:…`. A report without them (older garak, no digest) gives no categories; none are
 * guessed from probe names.
 * RunInfo: version `_config.version` of the setup line, else `init.garak_version`; target
 * `plugins.target_type` + " " + `plugins.target_name` (`model_type`/`model_name` in older
 * garak; the digest's as a fallback), the same string garak writes as a hit's `generator`;
 * startedAt `init.start_time`, else `transient.starttime_iso` (garak writes local time without
 * an offset; kept as written). reported: `evals` (eval lines), `attempts` (status-2 attempts),
 * the eval lines' summed `passed`, `failed`, `total`, `nones`, `failedPairs` (pairs the eval
 * lines fail) and `pairsWithoutEval` (pairs counted from attempts). A report without eval
 * lines or attempts gives no findings.
 *
 * Hit log. Every line is a failing output (garak logs only failures, at whatever threshold the
 * run used, so a score below 0.5 still counts as a hit); hits are grouped by probe × detector ×
 * `generator`. counts is null — a hit log does not know how many outputs passed — and the
 * description gives the number of hits. Evidence as above from the hit's `prompt`, `output`,
 * `score`, `goal` and `triggers` (`trigger` in older logs), label `detector, attempt
 * <attempt_seq>` (`, output <attempt_idx>` when `generations_per_prompt` > 1). RunInfo: target
 * the generator when all hits share one; reported `{ hits, pairs }`.
 *
 * Fingerprint: `fingerprint('garak', probe, detector, target)` — the probe as eval lines name
 * it (`dan.Dan_11_0`; a `probes.` prefix dropped), the detector (`dan.DAN`; a `detectors.` or
 * `detector.` prefix dropped), the target as above (`"openai.OpenAICompatible qwen2"`; a name
 * garak wrote as Python's `None` dropped), all trimmed, whitespace-collapsed and lower-cased
 * by fingerprint(). So a run's report and its hit log give the same fingerprints. Never run
 * ids, attempt uuids, timestamps, prompts (probes may generate them anew) or scores.
 *
 * Severity: garak has none. From the counts: high when the pass rate is below 50% (failed >
 * total / 2), else medium; medium for hit-log findings (no totals).
 *
 * Bad input names the line: invalid JSON (a last line cut off says the file looks truncated),
 * a line that is not an object, a report line without `entry_type`, an eval line without
 * probe/detector or with counts that do not add up, an evaluated attempt without
 * `probe_classname` or with `detector_results` that are not lists of scores.
 */
import { InputError } from '../domain/errors.ts';
import { GarakHitlog, isHit } from './garak-hitlog.ts';
import { lineError } from './garak-pairs.ts';
import { GarakReport } from './garak-report.ts';
import { isObject, type Json } from './garak-text.ts';
import { progressReporter } from './json-stream.ts';
import { parseJsonLine, readLines } from './read-lines.ts';
import type { Importer } from './types.ts';

/** The first line of a head, and whether it is complete (the head holds its newline). */
function firstLine(head: string): { text: string; complete: boolean } {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const nl = text.indexOf('\n');
  return nl === -1 ? { text, complete: false } : { text: text.slice(0, nl), complete: true };
}

/** Whether the first entry is a report entry (`entry_type`) or a hit. */
function kindOf(entry: Json): 'report' | 'hitlog' | null {
  if (typeof entry.entry_type === 'string') return 'report';
  return isHit(entry) ? 'hitlog' : null;
}

/** The file's JSON objects with their line numbers; blank lines skipped. */
async function* entries(source: AsyncIterable<Uint8Array>, onBytes: (n: number) => void): AsyncGenerator<{ entry: Json; line: number }> {
  const lines = readLines(source, undefined, onBytes)[Symbol.asyncIterator]();
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value.number === 1 ? { ...next.value, text: next.value.text.replace(/^\uFEFF/, '') } : next.value;
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = parseJsonLine(line);
    } catch (err) {
      if ((await lines.next()).done) {
        throw new InputError(`Line ${line.number}, the last, is not complete JSON: the file looks truncated (was garak stopped while writing it?)`,
          [{ line: line.number, message: 'truncated: not complete JSON' }]);
      }
      throw err;
    }
    if (!isObject(value)) throw lineError(line.number, 'not a JSON object; every line of a garak report or hit log is one object');
    yield { entry: value, line: line.number };
  }
}

export const garakImporter: Importer = {
  format: 'garak',
  groupsUntilEnd: true,

  detect(head) {
    const { text, complete } = firstLine(head);
    if (!text.startsWith('{')) return false;
    // A first line longer than the head: garak writes entry_type first.
    if (!complete) return /^\{\s*"entry_type"\s*:\s*"/.test(text);
    try {
      const value: unknown = JSON.parse(text);
      return isObject(value) && kindOf(value) !== null;
    } catch {
      return false;
    }
  },

  async *parse(source, onProgress) {
    const progress = progressReporter(onProgress);
    let reader: GarakReport | GarakHitlog | null = null;
    for await (const { entry, line } of entries(source, (n) => progress.bytes(n))) {
      if (reader === null) {
        const kind = kindOf(entry);
        if (kind === null) {
          throw lineError(line, 'not a garak entry: expected a report.jsonl line with "entry_type" or a hitlog.jsonl line with "probe", "detector" and "score"');
        }
        reader = kind === 'report' ? new GarakReport() : new GarakHitlog();
      }
      reader.add(entry, line);
    }
    if (reader === null) {
      throw new InputError('The file is empty: expected a garak report.jsonl or hitlog.jsonl', [{ field: 'file', message: 'empty' }]);
    }
    for (const finding of reader.findings()) {
      progress.finding();
      yield finding;
    }
    return reader.info();
  },
};
