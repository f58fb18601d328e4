/** Fingerprints and evidence limits shared by the importers. */
import { hash } from 'node:crypto';
import { MAX_EVIDENCE, MAX_EVIDENCE_CHARS, type Evidence } from './types.ts';

/**
 * SHA-256 (hex) over the format name and the given parts, each trimmed, with runs of
 * whitespace collapsed and lower-cased; parts are joined with U+001F so that ("a", "bc") and
 * ("ab", "c") differ. Null and undefined parts count as empty.
 */
export function fingerprint(format: string, ...parts: (string | number | null | undefined)[]): string {
  const norm = parts.map((p) => String(p ?? '').trim().replace(/\s+/g, ' ').toLowerCase());
  return hash('sha256', [format, ...norm].join('\u001f'), 'hex');
}

/** Cuts a string to the evidence limit, saying how much was left out. */
export function capText(text: string | null | undefined, max = MAX_EVIDENCE_CHARS): string | undefined {
  if (text == null) return undefined;
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… [${text.length - max} more characters not kept]`;
}

/** Adds evidence while there is room (the first MAX_EVIDENCE items are kept). */
export function addEvidence(list: Evidence[], item: Evidence): void {
  if (list.length >= MAX_EVIDENCE) return;
  const capped: Evidence = {};
  for (const [k, v] of Object.entries(item) as [keyof Evidence, Evidence[keyof Evidence]][]) {
    if (v === undefined) continue;
    (capped as Record<string, unknown>)[k] = typeof v === 'string' ? capText(v) : v;
  }
  list.push(capped);
}
