/**
 * SARIF rule metadata (`tool.driver.rules[]`, `tool.extensions[].rules[]`) kept per run in a
 * compact, capped form, and how a result finds its rule and its severity.
 *
 * Only the current run's rules are held (each text capped at RULE_TEXT_CHARS), never its
 * results: a run's rule index is bounded by the size of its tool description, which a scanner
 * writes once, not by the number of results.
 */
import type { RuleText } from '../domain/findings.ts';
import type { Severity } from '../domain/severity.ts';
import { parseSeverity } from '../domain/severity.ts';
import { capText } from './fingerprint.ts';
import { CategorySet } from './tag-categories.ts';

export const RULE_TEXT_CHARS = 4_000;
const MAX_MESSAGE_STRINGS = 20;

export interface RuleInfo {
  id: string | null;
  name: string | null;
  shortDescription: string | null;
  /** `defaultConfiguration.level`. */
  level: string | null;
  /** `properties.security-severity` (a CVSS-like 0–10 score), when it is a number. */
  securitySeverity: number | null;
  categories: string[];
  /** `messageStrings[id].text`, for results whose message is `{ id, arguments }`. */
  messageStrings: Map<string, string>;
  /**
   * What every finding of the rule repeats, one object for all of them (stored once): its full
   * description, and its help (or a pointer to helpUri) as the mitigation. Null when it has neither.
   */
  text: RuleText | null;
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** `{ text }` of a SARIF multiformatMessageString / message, or null. */
export function textOf(v: unknown): string | null {
  return isObject(v) ? str(v.text) : null;
}

/** A `security-severity` property: a number or numeric string from 0 to 10. */
export function securitySeverity(properties: unknown): number | null {
  if (!isObject(properties)) return null;
  const raw = properties['security-severity'];
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** CVSS-like score to severity: ≥9 critical, ≥7 high, ≥4 medium, >0 low, 0 info. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/**
 * SARIF `level` to severity: error→high, warning→medium, note→low, none→info. A level SARIF
 * does not define is read with parseSeverity (tools invent words), else medium (warning).
 */
export function severityFromLevel(level: string): Severity {
  switch (level) {
    case 'error': return 'high';
    case 'warning': return 'medium';
    case 'note': return 'low';
    case 'none': return 'info';
    default: return parseSeverity(level) ?? 'medium';
  }
}

/** Adds the CWE/tag categories found in a `properties` bag and a list of taxa references. */
export function addPropertyCategories(set: CategorySet, properties: unknown): void {
  if (!isObject(properties)) return;
  if (Array.isArray(properties.tags)) for (const tag of properties.tags) set.addTag(tag);
  const cwe = properties.cwe;
  for (const c of Array.isArray(cwe) ? cwe : [cwe]) set.addCwe(c);
}

/** Taxa references (`result.taxa`, `rule.relationships[].target`) naming a CWE. */
export function addTaxaCategories(set: CategorySet, refs: unknown[]): void {
  for (const ref of refs) {
    if (!isObject(ref)) continue;
    const component = isObject(ref.toolComponent) ? str(ref.toolComponent.name) : null;
    const id = str(ref.id);
    if (id && (component?.toUpperCase() === 'CWE' || /^cwe[-_:]?\d+$/i.test(id))) set.addCwe(/^\d+$/.test(id) ? Number(id) : id);
  }
}

function compactRule(raw: unknown): RuleInfo {
  const r = isObject(raw) ? raw : {};
  const categories = new CategorySet();
  addPropertyCategories(categories, r.properties);
  if (Array.isArray(r.relationships)) addTaxaCategories(categories, r.relationships.map((rel) => (isObject(rel) ? rel.target : null)));
  const messageStrings = new Map<string, string>();
  if (isObject(r.messageStrings)) {
    for (const [key, value] of Object.entries(r.messageStrings).slice(0, MAX_MESSAGE_STRINGS)) {
      const text = textOf(value);
      if (text) messageStrings.set(key, capText(text, RULE_TEXT_CHARS)!);
    }
  }
  const cap = (v: string | null) => (v === null ? null : capText(v, RULE_TEXT_CHARS)!);
  const config = isObject(r.defaultConfiguration) ? r.defaultConfiguration : {};
  const fullDescription = cap(textOf(r.fullDescription));
  const help = cap(textOf(r.help));
  const helpUri = cap(str(r.helpUri));
  const mitigation = help ?? (helpUri ? `See ${helpUri}` : null);
  return {
    id: str(r.id),
    name: cap(str(r.name)),
    shortDescription: cap(textOf(r.shortDescription)),
    text: fullDescription === null && mitigation === null ? null : { description: fullDescription, mitigation },
    level: str(config.level),
    securitySeverity: securitySeverity(r.properties),
    categories: categories.toArray(),
    messageStrings,
  };
}

/** The rules of one run's tool components, as seen so far in the stream. */
export class RuleIndex {
  private driver: RuleInfo[] = [];
  private readonly extensions = new Map<number, RuleInfo[]>();
  private readonly byId = new Map<string, RuleInfo>();

  setDriver(component: Json): void {
    this.driver = this.add(component.rules);
  }

  setExtension(index: number, component: Json): void {
    this.extensions.set(index, this.add(component.rules));
  }

  private add(rules: unknown): RuleInfo[] {
    if (!Array.isArray(rules)) return [];
    const list = rules.map(compactRule);
    for (const rule of list) if (rule.id && !this.byId.has(rule.id)) this.byId.set(rule.id, rule);
    return list;
  }

  /** The result's rule: by `rule.toolComponent.index` + `rule.index`, `ruleIndex`, then by id. */
  find(result: Json): RuleInfo | null {
    const ref = isObject(result.rule) ? result.rule : {};
    const index = typeof result.ruleIndex === 'number' ? result.ruleIndex : typeof ref.index === 'number' ? ref.index : null;
    const component = isObject(ref.toolComponent) && typeof ref.toolComponent.index === 'number' ? ref.toolComponent.index : null;
    if (index !== null) {
      const list = component === null ? this.driver : this.extensions.get(component);
      const rule = list?.[index];
      if (rule) return rule;
    }
    const id = str(result.ruleId) ?? str(ref.id);
    if (!id) return null;
    // A hierarchical id ("C2001/1") falls back to its base rule ("C2001").
    return this.byId.get(id) ?? this.byId.get(id.split('/')[0]!) ?? null;
  }
}
