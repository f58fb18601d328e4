/**
 * One SARIF result to a NormalizedFinding: message, locations (kept as evidence), severity,
 * categories and the fingerprint documented at the top of sarif.ts.
 */
import type { Severity } from '../domain/severity.ts';
import { addEvidence, capText, fingerprint } from './fingerprint.ts';
import {
  addPropertyCategories, addTaxaCategories, isObject, securitySeverity, severityFromLevel, severityFromScore, str, textOf,
  type Json, type RuleInfo,
} from './sarif-rules.ts';
import { CategorySet } from './tag-categories.ts';
import type { Evidence, NormalizedFinding } from './types.ts';

const MAX_TITLE_CHARS = 300;
const MAX_FINGERPRINT_ENTRIES = 20;

/** A location's `file:line` (or logical name), the file alone, its snippet and message. */
interface Place { where: string | null; uri: string | null; snippet: string | null; message: string | null }

/** `file:///src/a.js` → `/src/a.js`; other URIs are kept as written. */
export function normalizeUri(uri: string): string {
  return uri.replace(/^file:\/\//i, '');
}

function place(location: unknown): Place {
  if (!isObject(location)) return { where: null, uri: null, snippet: null, message: null };
  const physical = isObject(location.physicalLocation) ? location.physicalLocation : {};
  const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {};
  const rawUri = str(artifact.uri);
  const uri = rawUri === null ? null : normalizeUri(rawUri);
  const region = isObject(physical.region) ? physical.region : {};
  const context = isObject(physical.contextRegion) ? physical.contextRegion : {};
  const line = typeof region.startLine === 'number' ? region.startLine : null;
  const logical = Array.isArray(location.logicalLocations) ? location.logicalLocations[0] : null;
  const logicalName = isObject(logical) ? str(logical.fullyQualifiedName) ?? str(logical.name) : null;
  const where = uri ? (line !== null ? `${uri}:${line}` : uri) : logicalName;
  return { where, uri, snippet: textOf(region.snippet) ?? textOf(context.snippet), message: textOf(location.message) };
}

/**
 * The result's message as text: `message.text`, else the rule's `messageStrings[id]` with
 * `{0}`, `{1}`… filled from `arguments`. `key` is what the fingerprint uses: the text when the
 * result carries it, else `id(arg|arg…)` — never the rule's template, which may arrive later.
 */
export function messageOf(result: Json, rule: RuleInfo | null): { text: string; key: string } {
  const message = isObject(result.message) ? result.message : {};
  const text = str(message.text);
  if (text) return { text, key: text };
  const id = str(message.id);
  const args = Array.isArray(message.arguments) ? message.arguments.map((a) => String(a)) : [];
  const key = id ? `${id}(${args.join('|')})` : '';
  const template = id ? rule?.messageStrings.get(id) : undefined;
  if (template) return { text: template.replace(/\{(\d+)\}/g, (m, n: string) => args[Number(n)] ?? m), key };
  return { text: key, key };
}

/**
 * Message text for the fingerprint: line (and column) numbers are replaced by `#` because
 * they shift between runs — `parser.py:35` → `parser.py:#`, `line 42` → `line #`.
 */
export function messageKey(text: string): string {
  return text
    .replace(/\b(lines?|ln|col(?:umn)?)(\s*#?\s*)\d+(?:\s*[-–,:]\s*\d+)*/gi, '$1$2#')
    .replace(/([\w)\]'"`])[:@]\d+(?::\d+)?\b/g, '$1:#');
}

/** `fingerprints` (preferred) or `partialFingerprints`, as sorted `key=value` pairs. */
function toolFingerprints(result: Json): string | null {
  const bag = isObject(result.fingerprints) && Object.keys(result.fingerprints).length > 0 ? result.fingerprints
    : isObject(result.partialFingerprints) && Object.keys(result.partialFingerprints).length > 0 ? result.partialFingerprints : null;
  if (!bag) return null;
  return Object.entries(bag)
    .map(([k, v]) => {
      // Some tools (Black Duck) nest the value: { "csvRowSha256": { "value": "…" } }.
      const value = typeof v === 'string' ? v : isObject(v) && typeof v.value === 'string' ? v.value : JSON.stringify(v);
      return `${k}=${value}`;
    })
    .sort()
    .slice(0, MAX_FINGERPRINT_ENTRIES)
    .join('\n');
}

function severityOf(result: Json, rule: RuleInfo | null, kind: string): Severity {
  const score = securitySeverity(result.properties) ?? rule?.securitySeverity ?? null;
  if (score !== null) return severityFromScore(score);
  // SARIF §3.27.10: without a level, a failure takes its rule's level (else warning); an
  // `open` or `review` result is `none`.
  const level = str(result.level) ?? (kind === 'fail' ? rule?.level ?? 'warning' : 'none');
  return severityFromLevel(level);
}

export interface ResultContext {
  rule: RuleInfo | null;
  kind: string;
}

export function resultToFinding(result: Json, ctx: ResultContext): NormalizedFinding {
  const { rule } = ctx;
  const ruleRef = isObject(result.rule) ? result.rule : {};
  const index = typeof result.ruleIndex === 'number' ? result.ruleIndex : typeof ruleRef.index === 'number' ? ruleRef.index : null;
  const ruleId = str(result.ruleId) ?? str(ruleRef.id) ?? rule?.id ?? (index !== null ? `rules[${index}]` : '(no rule id)');
  const message = messageOf(result, rule);
  const locations = Array.isArray(result.locations) ? result.locations : [];
  const places = locations.map(place);
  const first = places[0] ?? null;

  const evidence: Evidence[] = [];
  if (places.length === 0) addEvidence(evidence, { label: ruleId, reason: message.text });
  places.forEach((p, i) => {
    addEvidence(evidence, {
      label: ruleId, location: p.where ?? undefined, snippet: p.snippet ?? undefined,
      reason: (i === 0 ? message.text : p.message) ?? undefined,
    });
  });

  const categories = new CategorySet();
  for (const c of rule?.categories ?? []) categories.add(c);
  addPropertyCategories(categories, result.properties);
  if (Array.isArray(result.taxa)) addTaxaCategories(categories, result.taxa);

  const firstLine = message.text.split('\n')[0]!.trim();
  const title = rule?.shortDescription ?? (firstLine || null) ?? rule?.name ?? ruleId;

  const tool = toolFingerprints(result);
  return {
    fingerprint: tool !== null
      ? fingerprint('sarif', ruleId, first?.uri, 'fingerprints', tool)
      : fingerprint('sarif', ruleId, first?.uri ?? first?.where, 'message', messageKey(message.key)),
    title: capText(title, MAX_TITLE_CHARS)!,
    severity: severityOf(result, rule, ctx.kind),
    ruleId,
    target: null,
    location: first?.where ?? null,
    // The rule's full description and help go with the rule (stored once), not in every finding.
    description: capText(message.text)!,
    mitigation: null,
    ruleText: rule?.text ?? null,
    categories: categories.toArray(),
    counts: null,
    evidence,
  };
}
