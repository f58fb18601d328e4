/**
 * A garak `report.jsonl`, entry by entry: run setup, evaluated attempts (evidence), eval lines
 * (counts) and the digest (probe tags and descriptions). The rules are in garak.ts.
 */
import { addEvidence } from './fingerprint.ts';
import { evidenceLabel, lineError, PairSet, toFinding, wantsEvidence, type Counts, type Pair } from './garak-pairs.ts';
import {
  detectorName, isObject, messageText, num, probeName, promptText, reasonText, str, targetName, triggersText, type Json,
} from './garak-text.ts';
import { CategorySet } from './tag-categories.ts';
import type { NormalizedFinding, RunInfo } from './types.ts';

/** garak's default `run.eval_threshold`: a detector score at or above it fails (ThresholdEvaluator). */
export const GARAK_THRESHOLD = 0.5;

interface ProbeDigest { categories: string[]; description: string | null }

export class GarakReport {
  /** garak's own figures: eval lines and their sums, evaluated attempts (see info()). */
  private readonly reported = { evals: 0, attempts: 0, passed: 0, failed: 0, total: 0, nones: 0 };
  private readonly pairs = new PairSet();
  private readonly probes = new Map<string, ProbeDigest>();
  private threshold = GARAK_THRESHOLD;
  private setup: Json = {};
  private init: Json = {};
  private meta: Json = {};

  add(entry: Json, line: number): void {
    const type = entry.entry_type;
    if (typeof type !== 'string') throw lineError(line, 'no "entry_type"; expected a garak report.jsonl entry like the lines before it');
    switch (type) {
      case 'start_run setup': return this.readSetup(entry);
      case 'init': this.init = entry; return;
      case 'attempt': return this.readAttempt(entry, line);
      case 'eval': return this.readEval(entry, line);
      case 'digest': return this.readDigest(entry);
      default: // completion, probe_summary, and entries of later versions: nothing to count.
    }
  }

  private readSetup(entry: Json): void {
    this.setup = entry;
    const threshold = num(entry['run.eval_threshold']);
    if (threshold !== null && threshold > 0 && threshold <= 1) this.threshold = threshold;
  }

  /** Status 2: detectors have scored it (status 1, written first, is only the generation). */
  private readAttempt(entry: Json, line: number): void {
    if (entry.status !== 2) return;
    this.reported.attempts += 1;
    const probe = probeName(entry.probe_classname);
    if (probe === null) throw lineError(line, 'an evaluated attempt (status 2) has no "probe_classname"; expected the probe\'s name, e.g. "dan.Dan_11_0"');
    const results = entry.detector_results;
    if (!isObject(results)) throw lineError(line, '"detector_results" is not an object mapping each detector to its scores');
    this.pairs.setGoal(probe, str(entry.goal));
    const outputs = Array.isArray(entry.outputs) ? entry.outputs : [];
    for (const [name, scores] of Object.entries(results)) {
      const detector = detectorName(name);
      if (detector === null) continue;
      if (!Array.isArray(scores)) throw lineError(line, `detector_results[${JSON.stringify(name)}] is not a list of scores (one per output)`);
      const pair = this.pairs.get(probe, detector, null, line);
      scores.forEach((value, idx) => {
        const score = num(value);
        if (score === null) return; // None: the detector could not judge this output (garak's "nones")
        pair.observed.total += 1;
        if (score < this.threshold) return;
        pair.observed.failed += 1;
        if (!wantsEvidence(pair)) return;
        const notes = isObject(entry.notes) ? entry.notes : {};
        addEvidence(pair.evidence, {
          prompt: promptText(entry.prompt) ?? undefined,
          response: messageText(outputs[idx]) ?? undefined,
          reason: reasonText(str(entry.goal), triggersText(notes.triggers)),
          score,
          label: evidenceLabel(detector, entry.seq, idx, outputs.length),
        });
      });
    }
  }

  private readEval(entry: Json, line: number): void {
    const probe = probeName(entry.probe);
    const detector = detectorName(entry.detector);
    if (probe === null || detector === null) {
      throw lineError(line, `an eval entry needs "probe" and "detector" names; found probe ${JSON.stringify(entry.probe ?? null)}, detector ${JSON.stringify(entry.detector ?? null)}`);
    }
    const counts = evalCounts(entry);
    if (counts === null) {
      throw lineError(line, `the eval entry for ${probe} / ${detector} needs whole numbers "passed" ≤ "total_evaluated" (or "total" in older garak), and "fails" if given`);
    }
    const pair = this.pairs.get(probe, detector, null, line);
    pair.evaluated = { failed: (pair.evaluated?.failed ?? 0) + counts.failed, total: (pair.evaluated?.total ?? 0) + counts.total };
    this.reported.evals += 1;
    this.reported.passed += counts.passed;
    this.reported.failed += counts.failed;
    this.reported.total += counts.total;
    this.reported.nones += num(entry.nones) ?? 0;
  }

  /** The digest's `eval.<group>.<probe>._summary`: `probe_tags` and `probe_descr` of the probes with pairs. */
  private readDigest(entry: Json): void {
    if (isObject(entry.meta)) this.meta = entry.meta;
    if (!isObject(entry.eval)) return;
    for (const group of Object.values(entry.eval)) {
      if (!isObject(group)) continue;
      for (const [key, value] of Object.entries(group)) {
        const summary = isObject(value) && isObject(value._summary) ? value._summary : null;
        const probe = probeName(summary?.probe_name ?? key);
        if (key === '_summary' || summary === null || probe === null || !this.pairs.hasProbe(probe)) continue;
        const categories = new CategorySet();
        if (Array.isArray(summary.probe_tags)) for (const tag of summary.probe_tags) categories.addTag(tag);
        this.probes.set(probe, { categories: categories.toArray(), description: str(summary.probe_descr) });
      }
    }
  }

  /** `plugins.target_type`/`target_name` (garak ≥ 0.14; `model_type`/`model_name` before), else the digest's. */
  get target(): string | null {
    return targetName(str(this.setup['plugins.target_type']) ?? str(this.setup['plugins.model_type']),
      str(this.setup['plugins.target_name']) ?? str(this.setup['plugins.model_name']))
      ?? targetName(this.meta.target_type, this.meta.target_name);
  }

  *findings(): Generator<NormalizedFinding> {
    const target = this.target;
    for (const pair of this.pairs.values()) {
      const counts = pair.evaluated ?? pair.observed;
      if (counts.failed === 0) continue;
      const probe = this.probes.get(pair.probe);
      yield toFinding(pair, target, counts, this.describe(pair, counts, target, probe), probe?.categories ?? []);
    }
  }

  private describe(pair: Pair, counts: Counts, target: string | null, probe: ProbeDigest | undefined): string[] {
    const rate = counts.total > 0 ? ` (attack success rate ${(100 * counts.failed / counts.total).toFixed(1)}%)` : '';
    const goal = this.pairs.goal(pair.probe);
    const lines = [
      `${counts.failed} of ${counts.total} outputs of the garak probe ${pair.probe} failed the detector ${pair.detector}${target ? ` on ${target}` : ''}${rate}.`,
      probe?.description ? `Probe: ${probe.description}` : null,
      goal ? `Goal: ${goal}` : null,
      pair.evaluated === null
        ? `garak wrote no eval line for this probe and detector; the counts are of the report's evaluated attempts (a score of ${this.threshold} or more fails).`
        : null,
      pair.evidence.length === 0 ? `The report holds no evaluated attempt scoring ${this.threshold} or more on ${pair.detector}, so there is no evidence.` : null,
    ];
    return lines.filter((l): l is string => l !== null);
  }

  info(): RunInfo {
    return {
      tool: 'garak',
      toolVersion: str(this.setup['_config.version']) ?? str(this.init.garak_version) ?? str(this.meta.garak_version),
      target: this.target,
      startedAt: str(this.init.start_time) ?? str(this.setup['transient.starttime_iso']) ?? str(this.meta.start_time),
      reported: { ...this.reported, ...this.pairCounts() },
    };
  }

  /** Pairs garak's eval lines fail (`failedPairs`), and pairs with scored attempts but no eval line. */
  private pairCounts(): { failedPairs: number; pairsWithoutEval: number } {
    let failedPairs = 0;
    let pairsWithoutEval = 0;
    for (const pair of this.pairs.values()) {
      if (pair.evaluated !== null && pair.evaluated.failed > 0) failedPairs += 1;
      if (pair.evaluated === null && pair.observed.total > 0) pairsWithoutEval += 1;
    }
    return { failedPairs, pairsWithoutEval };
  }
}

/** passed / failed / total of an eval line: `fails` when given, else total − passed. Null when they do not add up. */
function evalCounts(entry: Json): (Counts & { passed: number }) | null {
  const passed = num(entry.passed);
  const fails = num(entry.fails);
  const total = num(entry.total_evaluated) ?? num(entry.total) ?? (passed !== null && fails !== null ? passed + fails : null);
  if (passed === null || total === null) return null;
  const failed = fails ?? total - passed;
  const whole = [passed, failed, total].every((n) => Number.isInteger(n) && n >= 0);
  return whole && passed <= total && failed <= total ? { passed, failed, total } : null;
}
