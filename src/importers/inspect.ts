/**
 * Inspect AI eval logs in the JSON container (`{ version, status, eval, plan, results, stats,
 * samples, reductions }`). The `.eval` container is a zip archive: it is recognised (zip magic
 * `PK\x03\x04` or a `.eval` name) and refused, asking for `inspect log convert --to json`.
 *
 * Which samples fail. Each sample's `scores` maps a scorer name to `{ value, answer,
 * explanation }`. The value is read as Inspect's value_to_float does (inspect-sample.ts):
 * `C`/yes/true → 1, `P` → 0.5, `I`, `N` (no answer), no/false → 0, numbers as they are. A
 * sample FAILS a scorer when its value reads as 0 (so `I`, `N`, 0, false); partial credit and
 * any positive number pass. Values Inspect cannot turn into one number (dicts, lists, other
 * words) are not judged: they count in neither failed nor total (RunInfo.reported.unjudged).
 *
 * One finding per task × scorer × model with at least one failing sample; counts = failing /
 * judged samples of that scorer (each epoch of a sample counts once, before any epoch
 * reduction); evidence = the first MAX_EVIDENCE failing samples: input (a string, or the
 * chat messages as `role: text` lines), output (`output.completion`, else the first choice's
 * message text), the grader's explanation with the answer and target, the value read as a
 * number. Findings are yielded at the end (a group needs all samples); only per-scorer
 * aggregates are kept. Samples are not read whole: only their id, epoch, input, target,
 * output, scores and error are streamed (`messages`, `events`, `transcript` are skipped).
 *
 * Fingerprint: `fingerprint('inspect', task, scorer, model)` — `eval.task`, the score's name,
 * `eval.model` (trimmed, whitespace-collapsed, lower-cased). Never run/eval ids, sample ids,
 * timestamps or scores. Severity: Inspect has none; medium for every finding.
 *
 * RunInfo: tool `inspect_ai`, version `eval.packages.inspect_ai`, target `eval.model`,
 * startedAt `stats.started_at` (else `eval.created`); reported: Inspect's own
 * `results.total_samples`/`completed_samples` as totalSamples/completedSamples, every numeric
 * metric as `<score name>.<metric>` (e.g. `match.accuracy`), and what the file holds:
 * `samples` (sample × epoch records), `scored` (records with at least one score), `unscored`,
 * `errors` (records with an `error`), `unjudged`. An unscored log gives no findings, with
 * `scored: 0`.
 */
import { InputError } from '../domain/errors.ts';
import { addEvidence, fingerprint } from './fingerprint.ts';
import { inputText, outputText, scoreValue, targetText } from './inspect-sample.ts';
import { progressReporter, streamJson } from './json-stream.ts';
import { peekHead } from './peek.ts';
import type { Evidence, Importer, NormalizedFinding, RunInfo } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

const SAMPLE_FIELDS = ['id', 'epoch', 'input', 'target', 'output', 'scores', 'error'];
const PATHS = [
  '$.version', '$.status', '$.eval.task', '$.eval.model', '$.eval.created', '$.eval.packages',
  '$.results.total_samples', '$.results.completed_samples', '$.results.scores', '$.stats.started_at',
  ...SAMPLE_FIELDS.map((f) => `$.samples.*.${f}`),
];
const MAX_SCORERS = 200;
export const INSPECT_SEVERITY = 'medium' as const;

interface ScorerGroup { failed: number; total: number; evidence: Evidence[] }

function zipRefusal(): InputError {
  return new InputError('Inspect .eval logs are zip archives, which Keel does not read: export the log as JSON with '
    + '`inspect log convert --to json <log>.eval --output-dir <dir>` and import the .json file',
  [{ field: 'file', message: 'zip (.eval) Inspect log; expected the JSON log format' }]);
}

function notInspect(reason: string): InputError {
  return new InputError(`The file is not an Inspect AI JSON eval log: ${reason}`, [{ field: 'file', message: `not an Inspect eval log: ${reason}` }]);
}

const isZip = (head: string) => head.startsWith('PK\u0003\u0004');

export const inspectImporter: Importer = {
  format: 'inspect',

  detect(head, fileName) {
    if (/\.eval$/i.test(fileName ?? '')) return true;
    if (isZip(head)) return /header\.json|_journal\/|samples\/[^/]+\.json/.test(head);
    const text = head.replace(/^\uFEFF/, '').trimStart();
    if (!text.startsWith('{')) return false;
    return /"eval"\s*:\s*\{/.test(text) && /"status"\s*:\s*"/.test(text) && /"version"\s*:\s*\d/.test(text)
      && /"(task|plan|samples)"\s*:/.test(text);
  },

  async *parse(source, onProgress) {
    const progress = progressReporter(onProgress);
    const counts = { samples: 0, scored: 0, unscored: 0, errors: 0, unjudged: 0 };
    /** Inspect's own figures (results). */
    const reported: Record<string, number> = {};
    const info: RunInfo = { tool: 'inspect_ai', toolVersion: null, target: null, startedAt: null, reported };
    const peeked = await peekHead(source);
    if (isZip(peeked.head)) throw zipRefusal();
    if (!peeked.head.replace(/^\uFEFF/, '').trimStart().startsWith('{')) throw notInspect('it is not JSON');

    let task: string | null = null;
    let created: string | null = null;
    let sawEval = false;
    const groups = new Map<string, ScorerGroup>();
    let current: { index: number; fields: Json } | null = null;

    const finish = (sample: { index: number; fields: Json }) => {
      counts.samples += 1;
      const { fields } = sample;
      if (fields.error !== undefined && fields.error !== null) counts.errors += 1;
      const scores = fields.scores;
      if (!isObject(scores) || Object.keys(scores).length === 0) { counts.unscored += 1; return; }
      counts.scored += 1;
      for (const [name, score] of Object.entries(scores)) {
        const value = scoreValue(isObject(score) ? score.value : score);
        if (value === null) { counts.unjudged += 1; continue; }
        let g = groups.get(name);
        if (!g) {
          if (groups.size >= MAX_SCORERS) continue;
          g = { failed: 0, total: 0, evidence: [] };
          groups.set(name, g);
        }
        g.total += 1;
        if (value !== 0) continue;
        g.failed += 1;
        addEvidence(g.evidence, sampleEvidence(fields, isObject(score) ? score : {}, value));
      }
    };

    for await (const { keys, value } of streamJson(peeked.source, PATHS, (n) => progress.bytes(n))) {
      const [top, second, third] = keys;
      if (top === 'samples') {
        if (typeof second !== 'number' || typeof third !== 'string') throw notInspect('"samples" is not an array of sample objects');
        if (current && current.index !== second) finish(current);
        if (!current || current.index !== second) current = { index: second, fields: {} };
        current.fields[third] = value;
        continue;
      }
      if (top === 'eval') {
        sawEval = true;
        if (second === 'task') task = str(value);
        else if (second === 'model') info.target = str(value);
        else if (second === 'created') created = str(value);
        else if (second === 'packages' && isObject(value)) info.toolVersion = str(value.inspect_ai);
      } else if (top === 'stats' && second === 'started_at') {
        info.startedAt = str(value);
      } else if (top === 'results') {
        if (second === 'total_samples' && typeof value === 'number') reported.totalSamples = value;
        else if (second === 'completed_samples' && typeof value === 'number') reported.completedSamples = value;
        else if (second === 'scores') readMetrics(value, reported);
      }
    }
    if (current) finish(current);
    if (!sawEval) throw notInspect('no "eval" object (task, model)');
    info.startedAt ??= created;
    Object.assign(reported, counts);

    const taskName = task ?? 'unnamed task';
    for (const [scorer, g] of groups) {
      if (g.failed === 0) continue;
      progress.finding();
      yield toFinding(taskName, scorer, info.target, g, reported);
    }
    return info;
  },
};

/** Inspect's own figures: `<score name>.<metric>` for every numeric metric of results.scores. */
function readMetrics(scores: unknown, reported: Record<string, number>): void {
  if (!Array.isArray(scores)) return;
  for (const s of scores.slice(0, MAX_SCORERS)) {
    if (!isObject(s) || !isObject(s.metrics)) continue;
    const name = str(s.name) ?? str(s.scorer) ?? 'score';
    for (const [key, m] of Object.entries(s.metrics)) {
      const v = isObject(m) ? m.value : m;
      if (typeof v === 'number' && Number.isFinite(v)) reported[`${name}.${key}`] = v;
    }
  }
}

function sampleEvidence(fields: Json, score: Json, value: number): Evidence {
  const target = targetText(fields.target);
  const answer = typeof score.answer === 'string' ? score.answer : null;
  const detail = [answer !== null ? `answer: ${answer}` : null, target !== null ? `target: ${target}` : null].filter(Boolean).join('; ');
  const explanation = str(score.explanation);
  const reason = [explanation, detail ? `(${detail})` : null].filter(Boolean).join('\n');
  const id = typeof fields.id === 'string' || typeof fields.id === 'number' ? String(fields.id) : '?';
  return {
    prompt: inputText(fields.input) ?? undefined,
    response: outputText(fields.output) ?? undefined,
    reason: reason || undefined,
    score: value,
    label: `sample ${id}${typeof fields.epoch === 'number' ? `, epoch ${fields.epoch}` : ''}`,
  };
}

function toFinding(task: string, scorer: string, model: string | null, g: ScorerGroup, reported: Record<string, number>): NormalizedFinding {
  const accuracy = reported[`${scorer}.accuracy`];
  const lines = [
    `${g.failed} of ${g.total} scored samples of the Inspect task ${task} were scored incorrect by ${scorer}${model ? ` for ${model}` : ''}.`,
    accuracy !== undefined ? `Inspect reports ${scorer} accuracy ${accuracy.toFixed(3)}.` : null,
  ];
  return {
    fingerprint: fingerprint('inspect', task, scorer, model),
    title: `${task}: samples scored incorrect by ${scorer}`,
    severity: INSPECT_SEVERITY,
    ruleId: `${task}/${scorer}`,
    target: model,
    location: null,
    description: lines.filter((l): l is string => l !== null).join('\n'),
    mitigation: null,
    categories: [],
    counts: { failed: g.failed, total: g.total },
    evidence: g.evidence,
  };
}
