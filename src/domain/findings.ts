/**
 * A finding as an importer yields it and the store merges it: normalized from any tool's
 * output, with a stable fingerprint (see importers/fingerprint.ts) and capped evidence.
 */
import type { Severity } from './severity.ts';

/** One piece of evidence: what was sent, what came back, why it failed. Strings are capped. */
export interface Evidence {
  prompt?: string;
  response?: string;
  reason?: string;
  score?: number;
  /** Strategy, detector, test id… whatever the tool names the case by. */
  label?: string;
  location?: string;
  snippet?: string;
}

export interface NormalizedFinding {
  /** Stable identity within a format: hex SHA-256 of the documented fields (see fingerprint.ts). */
  fingerprint: string;
  title: string;
  severity: Severity;
  /** The tool's own rule: promptfoo plugin id, garak probe/detector, SARIF rule id… */
  ruleId: string;
  /** The system under test (model, provider, endpoint), when the tool names one. */
  target: string | null;
  /** Where the weakness is: a file and line for scanners, null for model behaviour. */
  location: string | null;
  /** What the tool says of this finding itself (a SARIF result's message). */
  description: string;
  mitigation: string | null;
  /**
   * Text the tool repeats on every finding of a rule (a SARIF rule's full description and help),
   * stored once per organization and shown with the finding: its description follows the
   * finding's own, its mitigation stands in when the finding has none. Readers share one object
   * per rule, so it is hashed once (store/finding-content.ts).
   */
  ruleText?: RuleText | null;
  /** Normalized category ids: `owasp-llm:LLM01`, `atlas:AML.T0051`, `nist-ai-rmf:MS-2.7`, `cwe:79`, `avid:…`, `tag:…`. */
  categories: string[];
  /** How often it failed in this run, when the tool counts attempts (garak, promptfoo groups). */
  counts: { failed: number; total: number } | null;
  /** At most MAX_EVIDENCE items, each string at most MAX_EVIDENCE_CHARS. */
  evidence: Evidence[];
}

export interface RuleText {
  description: string | null;
  mitigation: string | null;
}

export const MAX_EVIDENCE = 5;
export const MAX_EVIDENCE_CHARS = 8_000;
