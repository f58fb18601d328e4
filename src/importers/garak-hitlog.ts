/**
 * A garak `hitlog.jsonl`: one line per output a detector failed (probe, detector, generator,
 * prompt, output, score…), grouped by probe × detector × generator. The rules are in garak.ts.
 */
import { addEvidence } from './fingerprint.ts';
import { evidenceLabel, lineError, PairSet, toFinding, wantsEvidence, type Pair } from './garak-pairs.ts';
import {
  detectorName, generatorTarget, messageText, num, probeName, promptText, reasonText, str, triggersText, type Json,
} from './garak-text.ts';
import type { NormalizedFinding, RunInfo } from './types.ts';

/** Whether a line has the keys of a hit-log entry (the hit log has no entry_type). */
export function isHit(entry: Json): boolean {
  return typeof entry.probe === 'string' && typeof entry.detector === 'string' && ('attempt_id' in entry || 'score' in entry);
}

export class GarakHitlog {
  private readonly pairs = new PairSet();
  private readonly targets = new Set<string | null>();
  private hits = 0;

  add(entry: Json, line: number): void {
    const probe = probeName(entry.probe);
    const detector = detectorName(entry.detector);
    if (probe === null || detector === null || 'entry_type' in entry) {
      throw lineError(line, 'expected a garak hit-log entry with "probe", "detector" and "score" like the lines before it'
        + ('entry_type' in entry ? '; found a report.jsonl entry (a report and a hit log cannot be mixed in one file)' : ''));
    }
    const target = generatorTarget(entry.generator);
    if (this.targets.size < 2) this.targets.add(target);
    const pair = this.pairs.get(probe, detector, target, line);
    this.hits += 1;
    pair.observed.failed += 1;
    const goal = str(entry.goal);
    this.pairs.setGoal(probe, goal);
    if (!wantsEvidence(pair)) return;
    addEvidence(pair.evidence, {
      prompt: promptText(entry.prompt) ?? undefined,
      response: messageText(entry.output) ?? undefined,
      reason: reasonText(goal, triggersText(entry.triggers, entry.trigger)),
      score: num(entry.score) ?? undefined,
      label: evidenceLabel(detector, entry.attempt_seq, num(entry.attempt_idx) ?? 0, num(entry.generations_per_prompt) ?? 1),
    });
  }

  *findings(): Generator<NormalizedFinding> {
    for (const pair of this.pairs.values()) yield toFinding(pair, pair.target, null, this.describe(pair), []);
  }

  private describe(pair: Pair): string[] {
    const n = pair.observed.failed;
    const goal = this.pairs.goal(pair.probe);
    const lines = [
      `garak's hit log records ${n} ${n === 1 ? 'output' : 'outputs'} of the probe ${pair.probe} that failed the detector ${pair.detector}${pair.target ? ` on ${pair.target}` : ''}.`,
      'A hit log lists failures only, not how many outputs were tested: import the run\'s report.jsonl for failure rates.',
      goal ? `Goal: ${goal}` : null,
    ];
    return lines.filter((l): l is string => l !== null);
  }

  info(): RunInfo {
    const targets = [...this.targets];
    return {
      tool: 'garak',
      toolVersion: null,
      target: targets.length === 1 ? targets[0]! : null,
      startedAt: null,
      reported: { hits: this.hits, pairs: [...this.pairs.values()].length },
    };
  }
}
