/**
 * Grouping of promptfoo test cases into findings, shared by the results-JSON and report-CSV
 * readers (see promptfoo.ts for the rules). Only per-group aggregates are kept — counts, the
 * strategies seen, categories and at most MAX_EVIDENCE capped evidence items — so memory grows
 * with the number of groups (plugins × targets, or failing assertion kinds × targets), never
 * with the number of results.
 */
import { parseSeverity, severityRank, type Severity } from '../domain/severity.ts';
import { addEvidence, capText, fingerprint } from './fingerprint.ts';
import { pluginCategories } from './promptfoo-categories.ts';
import { CategorySet } from './tag-categories.ts';
import type { Evidence, NormalizedFinding } from './types.ts';

/** One test case (result row) as both readers see it. */
export interface PromptfooCase {
  /** The red-team plugin id (`harmful:hate`), or null for a plain eval. */
  pluginId: string | null;
  /** Provider label, else provider id; '' when the file names none. */
  target: string;
  passed: boolean;
  /** The tool's severity word from the metadata, if any. */
  severity: string | null;
  strategy: string | null;
  harmCategory: string | null;
  goal: string | null;
  /** Plain evals: the test's description, when it has one. */
  description: string | null;
  /** Plain evals: the assertion types the test runs, and those that failed. */
  assertTypes: string[];
  failedTypes: string[];
  /** Category ids the row itself carries (metadata tags). */
  categories: string[];
  /** Evidence of a failed case (ignored for passed cases). */
  evidence: Evidence | null;
}

/** Defaults when the tool gives no (known) severity. */
export const RED_TEAM_DEFAULT_SEVERITY: Severity = 'medium';
export const PLAIN_EVAL_DEFAULT_SEVERITY: Severity = 'low';
const MAX_STRATEGIES = 20;
const MAX_SIGNATURES = 1_000;

interface Group {
  rule: string;
  target: string;
  kind: 'redteam' | 'description' | 'assertion';
  failed: number;
  total: number;
  severity: Severity | null;
  strategies: Map<string, { failed: number; total: number }>;
  harmCategory: string | null;
  goal: string | null;
  categories: CategorySet;
  evidence: Evidence[];
}

const SEP = '\u001f';

export class PromptfooGroups {
  private readonly groups = new Map<string, Group>();
  /** Plain evals without description: per target, how many non-error cases ran each set of assertion types. */
  private readonly signatures = new Map<string, Map<string, number>>();

  add(c: PromptfooCase): void {
    if (c.pluginId) {
      this.count(this.group('redteam', c.pluginId, c), c);
    } else if (c.description) {
      this.count(this.group('description', c.description, c), c);
    } else {
      this.countSignature(c);
      if (!c.passed) this.count(this.group('assertion', assertionRule(c.failedTypes), c), c, false);
    }
  }

  /** The findings: groups with at least one failed case, in first-seen order. */
  *findings(): Generator<NormalizedFinding> {
    for (const g of this.groups.values()) {
      if (g.kind === 'assertion') g.total = this.assertionTotal(g);
      if (g.failed === 0) continue;
      yield toFinding(g);
    }
  }

  private group(kind: Group['kind'], rule: string, c: PromptfooCase): Group {
    const key = [kind, rule, c.target].join(SEP);
    let g = this.groups.get(key);
    if (!g) {
      g = {
        rule, target: c.target, kind, failed: 0, total: 0, severity: null, strategies: new Map(),
        harmCategory: null, goal: null, categories: new CategorySet(), evidence: [],
      };
      if (kind === 'redteam') {
        for (const id of pluginCategories(rule)) g.categories.add(id);
        g.categories.add(`tag:promptfoo:${rule.toLowerCase()}`.slice(0, 110));
      }
      this.groups.set(key, g);
    }
    return g;
  }

  private count(g: Group, c: PromptfooCase, countTotal = true): void {
    if (countTotal) g.total += 1;
    const strategy = c.strategy ?? 'basic';
    let s = g.strategies.get(strategy);
    if (!s && g.strategies.size < MAX_STRATEGIES) {
      s = { failed: 0, total: 0 };
      g.strategies.set(strategy, s);
    }
    if (s) s.total += 1;
    const sev = parseSeverity(c.severity);
    if (sev && (g.severity === null || severityRank(sev) < severityRank(g.severity))) g.severity = sev;
    g.harmCategory ??= c.harmCategory;
    g.goal ??= c.goal;
    if (c.passed) return;
    g.failed += 1;
    if (s) s.failed += 1;
    for (const id of c.categories) g.categories.add(id);
    if (c.harmCategory) g.categories.addTag(c.harmCategory);
    if (c.evidence) addEvidence(g.evidence, c.evidence);
  }

  private countSignature(c: PromptfooCase): void {
    let byTarget = this.signatures.get(c.target);
    if (!byTarget) {
      byTarget = new Map();
      this.signatures.set(c.target, byTarget);
    }
    const sig = [...new Set(c.assertTypes)].sort().join(SEP);
    if (byTarget.has(sig) || byTarget.size < MAX_SIGNATURES) byTarget.set(sig, (byTarget.get(sig) ?? 0) + 1);
  }

  /** Cases of the group's target whose tests run every assertion type that failed. */
  private assertionTotal(g: Group): number {
    const wanted = g.rule.replace(/^assert:/, '').split('+');
    let total = 0;
    for (const [sig, n] of this.signatures.get(g.target) ?? []) {
      const types = new Set(sig.split(SEP));
      if (wanted.every((t) => types.has(t))) total += n;
    }
    // A failure whose assertion type is not among its test's declared types still counts.
    return Math.max(total, g.failed);
  }
}

function assertionRule(types: string[]): string {
  const list = [...new Set(types.map((t) => t.trim()).filter(Boolean))].sort();
  return `assert:${list.length > 0 ? list.join('+') : 'unknown'}`;
}

function title(g: Group): string {
  switch (g.kind) {
    case 'redteam': return g.harmCategory ? `${g.harmCategory} (${g.rule})` : `Red team: ${g.rule}`;
    case 'description': return `Test failed: ${g.rule}`;
    case 'assertion': return `Assertion failed: ${g.rule.replace(/^assert:/, '').split('+').join(', ')}`;
  }
}

function toFinding(g: Group): NormalizedFinding {
  const target = g.target || null;
  const strategies = [...g.strategies].map(([name, s]) => `${name} ${s.failed}/${s.total}`).join(', ');
  const lines = [
    g.goal,
    `${g.failed} of ${g.total} ${g.kind === 'redteam' ? 'red-team cases' : 'test cases'} failed${target ? ` against ${target}` : ''}.`,
    g.kind === 'redteam' ? `Strategies (failed/total): ${strategies}.` : null,
  ];
  const defaultSeverity = g.kind === 'redteam' ? RED_TEAM_DEFAULT_SEVERITY : PLAIN_EVAL_DEFAULT_SEVERITY;
  return {
    fingerprint: fingerprint('promptfoo', g.rule, g.target),
    title: capText(title(g), 500)!,
    severity: g.severity ?? defaultSeverity,
    ruleId: capText(g.rule, 500)!,
    target,
    location: null,
    description: lines.filter((l): l is string => !!l).join('\n'),
    mitigation: null,
    categories: g.categories.toArray(),
    counts: { failed: g.failed, total: g.total },
    evidence: g.evidence,
  };
}
