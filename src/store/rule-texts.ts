/**
 * Rule texts: what a tool repeats on every finding of a rule (a SARIF rule's full description
 * and help), kept once per organization under the hash of the text, so a scanner's 2 KB of rule
 * help is not copied into each of its thousands of findings (measured on PostgreSQL 15: a 200k
 * SARIF first import with ~850 characters of rule text per result, ~12–19% faster without the
 * copies). A finding points at its text by `rule_text_id`; reads put it back: the rule's
 * description after the finding's own, its mitigation where the finding has none.
 */
import { hash } from 'node:crypto';
import type { RuleText } from '../domain/findings.ts';
import { copyFields } from './copy-text.ts';
import type { Queryable } from './db.ts';

/** Importers share one RuleText object per rule: its id is computed once. */
const ids = new WeakMap<RuleText, string>();

/** SHA-1 (base64) of the text's fields as COPY text: the same text, the same id, in any organization or run. */
export function ruleTextId(t: RuleText): string {
  let id = ids.get(t);
  if (id === undefined) {
    id = hash('sha1', copyFields([t.description, t.mitigation]), 'base64');
    ids.set(t, id);
  }
  return id;
}

/** Stores the texts not stored yet (a text once stored never changes: its id is its content). */
export async function saveRuleTexts(q: Queryable, orgId: string, texts: RuleText[]): Promise<void> {
  if (texts.length === 0) return;
  await q.query(
    `INSERT INTO rule_texts (org_id, id, description, mitigation)
     SELECT $1, u.id, u.description, u.mitigation FROM unnest($2::text[], $3::text[], $4::text[]) AS u(id, description, mitigation)
     ON CONFLICT (org_id, id) DO NOTHING`,
    [orgId, texts.map(ruleTextId), texts.map((t) => t.description), texts.map((t) => t.mitigation)]);
}

/** Joins a finding (`f`) to its rule text (`rt`), for RULE_TEXT_COLUMNS. */
export const RULE_TEXT_JOIN = 'LEFT JOIN rule_texts rt ON rt.org_id = f.org_id AND rt.id = f.rule_text_id';

/** SQL of a finding's description and mitigation with its rule text put back (after RULE_TEXT_JOIN). */
export const RULE_TEXT_COLUMNS = {
  description: `CASE WHEN rt.description IS NULL OR rt.description = f.description THEN f.description
    WHEN f.description = '' THEN rt.description ELSE f.description || E'\\n\\n' || rt.description END`,
  mitigation: 'coalesce(f.mitigation, rt.mitigation)',
};
