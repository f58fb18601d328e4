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
import type { NormalizedFinding } from '../domain/findings.ts';
import { arrayLiteral, copyFields } from './copy-text.ts';
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
