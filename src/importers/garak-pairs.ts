/**
 * The probe × detector pairs of one garak file, each with its counts and first evidence, and
 * how a pair becomes a finding (fingerprint, title, severity: see garak.ts).
 */
import { InputError } from '../domain/errors.ts';
import type { Severity } from '../domain/severity.ts';
import { capText, fingerprint } from './fingerprint.ts';
import { MAX_EVIDENCE, type Evidence, type NormalizedFinding } from './types.ts';

export interface Counts { failed: number; total: number }

export interface Pair {
  probe: string;
  detector: string;
  /** Hit logs only: the `generator` of the hits (a report has one target for all pairs). */
  target: string | null;
  /** The sum of garak's own eval lines for the pair; null when the file has none. */
  evaluated: Counts | null;
  /** What the file's evaluated attempts (or hit-log lines) show: failing and scored outputs. */
  observed: Counts;
  evidence: Evidence[];
}

/** Pairs (and goals, one per probe) kept per file; more than this is refused, not grown. */
export const MAX_PAIRS = 10_000;
const MAX_GOAL_CHARS = 1_000;

export function lineError(line: number, message: string): InputError {
  return new InputError(`Line ${line}: ${message}`, [{ line, message }]);
}

export class PairSet {
  private readonly pairs = new Map<string, Pair>();
  private readonly goals = new Map<string, string>();
  private readonly probes = new Set<string>();

  get(probe: string, detector: string, target: string | null, line: number): Pair {
    const key = [probe, detector, target ?? ''].join('\u001f');
    let pair = this.pairs.get(key);
    if (!pair) {
      if (this.pairs.size >= MAX_PAIRS) {
        throw lineError(line, `more than ${MAX_PAIRS} probe × detector pairs in one file; is this a garak report or hit log?`);
      }
      pair = { probe, detector, target, evaluated: null, observed: { failed: 0, total: 0 }, evidence: [] };
      this.pairs.set(key, pair);
      this.probes.add(probe);
    }
    return pair;
  }

  /** Keeps the first goal garak states for a probe (`attempt.goal`, the hit log's `goal`). */
  setGoal(probe: string, goal: string | null): void {
    if (goal !== null && !this.goals.has(probe) && this.goals.size < MAX_PAIRS) this.goals.set(probe, capText(goal, MAX_GOAL_CHARS)!);
  }

  goal(probe: string): string | null {
    return this.goals.get(probe) ?? null;
  }

  hasProbe(probe: string): boolean {
    return this.probes.has(probe);
  }

  values(): IterableIterator<Pair> {
    return this.pairs.values();
  }
}

/** Whether a pair still takes evidence (so that evidence text is only built when kept). */
export const wantsEvidence = (pair: Pair): boolean => pair.evidence.length < MAX_EVIDENCE;

/** `probe/detector`, with `attempt <seq>` and `output <idx>` (when the prompt had several outputs). */
export function evidenceLabel(detector: string, seq: unknown, idx: number, outputs: number): string {
  const parts = [detector];
  if (typeof seq === 'number') parts.push(`attempt ${seq}`);
  if (outputs > 1) parts.push(`output ${idx}`);
  return parts.join(', ');
}

/** high when most scored outputs failed (pass rate below 50%), else medium; medium without totals. */
export function garakSeverity(counts: Counts | null): Severity {
  return counts !== null && counts.failed * 2 > counts.total ? 'high' : 'medium';
}

export function toFinding(pair: Pair, target: string | null, counts: Counts | null, description: string[], categories: string[]): NormalizedFinding {
  return {
    fingerprint: fingerprint('garak', pair.probe, pair.detector, target),
    title: `${pair.probe}: outputs flagged by ${pair.detector}`,
    severity: garakSeverity(counts),
    ruleId: `${pair.probe}/${pair.detector}`,
    target,
    location: null,
    description: description.join('\n'),
    mitigation: null,
    categories,
    counts,
    evidence: pair.evidence,
  };
}
