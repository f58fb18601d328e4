/**
 * A finding's content as the database stores it (categories as a text[] literal, counts and
 * evidence as JSON text), the same as COPY text fields, and the hash a re-import compares it by:
 * everything the tool says of the finding. The hash is SHA-1 over the COPY text of the fields
 * (`copyText`: target, title, severity, rule, location, description, mitigation, categories,
 * counts, evidence, rule text id), which names each field unambiguously: fields are escaped, so a tab only
 * ever separates them, and NULL (`\N`) differs from the text `\N` (`\\N`). The same text goes
 * into a new finding's row, so a finding is encoded once. The hash only tells changed from
 * unchanged, and is not a security boundary. A rule's text (NormalizedFinding.ruleText) is
 * stored once (rule-texts.ts) and enters the finding by its id, the hash of the text: a rule
 * whose text changes changes its findings.
 */
import { hash } from 'node:crypto';
import type { NormalizedFinding, RuleText } from '../domain/findings.ts';
import { arrayLiteral, copyFields, parseCopyFields } from './copy-text.ts';
import { ruleTextId } from './rule-texts.ts';

export interface FindingContent {
  hash: string;
  /** The content columns (target … evidence, in that order) as tab-separated COPY text. */
  copyText: string;
  categories: string;
  counts: string | null;
  evidence: string;
  /** The id of the finding's rule text (rule-texts.ts), or null. */
  ruleTextId: string | null;
}

/** The columns of `findings` that `copyText` holds, in its order. */
export const CONTENT_COLUMNS = ['target', 'title', 'severity', 'rule_id', 'location', 'description', 'mitigation', 'categories', 'counts', 'evidence', 'rule_text_id'];

export function findingContent(f: NormalizedFinding): FindingContent {
  const categories = arrayLiteral(f.categories);
  const counts = f.counts ? JSON.stringify(f.counts) : null;
  const evidence = JSON.stringify(f.evidence);
  const ruleText = f.ruleText ? ruleTextId(f.ruleText) : null;
  const copyText = copyFields([f.target, f.title, f.severity, f.ruleId, f.location, f.description, f.mitigation, categories, counts, evidence, ruleText]);
  return { hash: hash('sha1', copyText, 'base64'), copyText, categories, counts, evidence, ruleTextId: ruleText };
}

/**
 * A finding as the merge takes it (store/findings-merge.ts): its identity and its content, all of
 * which the COPY text holds. This is what crosses from the parsing thread (services/
 * import-parsing.ts): three strings a finding, and the rule text by reference.
 */
export interface EncodedFinding {
  fingerprint: string;
  hash: string;
  copyText: string;
  ruleTextId: string | null;
  /** The rule text `ruleTextId` names, for the merge to store with the first finding that points at it. */
  ruleText: RuleText | null;
}

export function encodeFinding(f: NormalizedFinding): EncodedFinding {
  const c = findingContent(f);
  return { fingerprint: f.fingerprint, hash: c.hash, copyText: c.copyText, ruleTextId: c.ruleTextId, ruleText: f.ruleText ?? null };
}

/** Where each content column sits in the COPY text (CONTENT_COLUMNS). */
const AT = Object.fromEntries(CONTENT_COLUMNS.map((c, i) => [c, i])) as Record<string, number>;

/** The content columns back from COPY text, by name (NULL as null). */
export function decodeContent(copyText: string) {
  const v = parseCopyFields(copyText);
  return {
    target: v[AT.target!]!, title: v[AT.title!]!, severity: v[AT.severity!]!, ruleId: v[AT.rule_id!]!, location: v[AT.location!]!,
    description: v[AT.description!]!, mitigation: v[AT.mitigation!]!, categories: v[AT.categories!]!, counts: v[AT.counts!]!,
    evidence: v[AT.evidence!]!, ruleTextId: v[AT.rule_text_id!]!,
  } as {
    target: string | null; title: string; severity: string; ruleId: string; location: string | null; description: string;
    mitigation: string | null; categories: string; counts: string | null; evidence: string; ruleTextId: string | null;
  };
}

/** What routing rules match (domain/routing.ts), read from the front of the COPY text only. */
export function routingFields(copyText: string): { target: string | null; ruleId: string; location: string | null } {
  const v = parseCopyFields(copyText, Math.max(AT.target!, AT.rule_id!, AT.location!) + 1);
  return { target: v[AT.target!]!, ruleId: v[AT.rule_id!]!, location: v[AT.location!]! };
}
