/**
 * A finding's content as the database stores it (categories as a text[] literal, counts and
 * evidence as JSON text) and the hash a re-import compares it by: everything the tool says of
 * the finding. The hash is SHA-1 over the fields in a fixed order, each written as
 * `<length>:<text>` (`-` for null), so no two different contents give the same input; it
 * only tells changed from unchanged, and is not a security boundary.
 */
import { createHash } from 'node:crypto';
import type { NormalizedFinding } from '../domain/findings.ts';
import { arrayLiteral } from './copy-text.ts';

export interface FindingContent {
  hash: string;
  categories: string;
  counts: string | null;
  evidence: string;
}

export function findingContent(f: NormalizedFinding): FindingContent {
  const categories = arrayLiteral(f.categories);
  const counts = f.counts ? JSON.stringify(f.counts) : null;
  const evidence = JSON.stringify(f.evidence);
  // One string hashed at once: measured ~2× faster than JSON.stringify of the fields, and than an update() per field.
  let input = '';
  for (const v of [f.title, f.severity, f.ruleId, f.target, f.location, f.description, f.mitigation, categories, counts, evidence]) {
    input += v === null ? '-' : `${v.length}:${v}`;
  }
  return { hash: createHash('sha1').update(input).digest('base64'), categories, counts, evidence };
}
