/**
 * Category ids from the free-form tags and weakness ids scanners attach to rules and
 * findings (used by the SARIF and generic importers):
 *   - CWE in any common spelling — `external/cwe/cwe-079` (CodeQL), `CWE-79`, `CWE-79: Title`,
 *     `cwe79`, the number 79 — becomes `cwe:79` (leading zeros dropped);
 *   - OWASP Top 10 for LLM applications — `owasp:llm01`, `OWASP-LLM01`, `LLM01:2025` — becomes
 *     `owasp-llm:LLM01`;
 *   - MITRE ATLAS technique ids (`AML.T0051`, `AML.T0051.000`) become `atlas:AML.T0051…`;
 *   - any other tag becomes `tag:<tag>`, trimmed, lower-cased, inner whitespace as `-`.
 */

const CWE_TAG = /^(?:external\/cwe\/)?cwe[-_:/ ]?0*(\d{1,6})(?:\b|$)/i;
const OWASP_LLM = /^(?:owasp[-_:/ ]*)?llm[-_ ]?(\d{1,2})(?:\b|:|$)/i;
const ATLAS = /^(?:atlas[-_:/ ]*)?(AML\.T\d{4}(?:\.\d{3})?)\b/i;
const MAX_TAG_CHARS = 100;

/** The `cwe:<n>` id of a CWE reference (string like `CWE-79…` or a number), or null. */
export function cweCategory(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? `cwe:${value}` : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{1,6}$/.test(text)) return Number(text) > 0 ? `cwe:${Number(text)}` : null;
  const m = CWE_TAG.exec(text);
  return m ? `cwe:${Number(m[1])}` : null;
}

/** The category id of one tag: a CWE, OWASP LLM, ATLAS id, or `tag:<tag>`; null when blank. */
export function tagCategory(tag: unknown): string | null {
  if (typeof tag !== 'string' && typeof tag !== 'number') return null;
  const text = String(tag).trim();
  if (!text) return null;
  const cwe = /cwe/i.test(text) ? cweCategory(text) : null;
  if (cwe) return cwe;
  const llm = OWASP_LLM.exec(text);
  if (llm) return `owasp-llm:LLM${llm[1]!.padStart(2, '0')}`;
  const atlas = ATLAS.exec(text);
  if (atlas) return `atlas:${atlas[1]!.toUpperCase()}`;
  return `tag:${text.toLowerCase().replace(/\s+/g, '-').slice(0, MAX_TAG_CHARS)}`;
}

/** A de-duplicating, bounded collector of category ids, in first-seen order. */
export class CategorySet {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 50) {}
  add(id: string | null | undefined): void {
    if (id && this.ids.size < this.max) this.ids.add(id);
  }
  addTag(tag: unknown): void {
    this.add(tagCategory(tag));
  }
  addCwe(value: unknown): void {
    this.add(cweCategory(value));
  }
  toArray(): string[] {
    return [...this.ids];
  }
}
