/**
 * Frameworks Keel maps records to (issue 5): NIST AI RMF subcategories, ISO/IEC 42001 Annex A
 * controls, the OWASP Top 10 for LLM Applications and MITRE ATLAS tactics and techniques; the
 * finding categories importers write (`owasp-llm:LLM01`, `atlas:AML.T0051`, `nist-ai-rmf:MS-2.7`)
 * name items of these frameworks directly; and what counts as evidence for an item.
 */
export const FRAMEWORK_IDS = ['nist-ai-rmf', 'iso-42001', 'owasp-llm', 'mitre-atlas'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export interface FrameworkItem {
  id: string;
  title: string;
  /** The group the item sits in (NIST function+category, ISO clause, ATLAS tactic). */
  group: string;
  groupTitle: string;
  /** Full text where the licence allows it (NIST statements); null otherwise. */
  statement: string | null;
}

export interface Framework {
  id: FrameworkId;
  name: string;
  version: string;
  /** What one item is called: subcategory, control, risk, technique. */
  itemLabel: string;
  source: string;
  licence: string;
  items: FrameworkItem[];
}

/** The finding-category prefix of each framework; ISO 42001 has none (mapped by hand only). */
export const CATEGORY_PREFIX: Record<FrameworkId, string | null> = {
  'nist-ai-rmf': 'nist-ai-rmf', 'iso-42001': null, 'owasp-llm': 'owasp-llm', 'mitre-atlas': 'atlas',
};

export function isFrameworkId(v: string): v is FrameworkId {
  return (FRAMEWORK_IDS as readonly string[]).includes(v);
}

/** The framework item a finding category names, or null (CWE, tags, unknown prefixes). */
export function itemOfCategory(category: string): { framework: FrameworkId; itemId: string } | null {
  const at = category.indexOf(':');
  if (at < 1) return null;
  const prefix = category.slice(0, at);
  const framework = FRAMEWORK_IDS.find((f) => CATEGORY_PREFIX[f] === prefix);
  return framework ? { framework, itemId: category.slice(at + 1) } : null;
}

export const MAPPING_TARGETS = ['zone', 'finding', 'remediation', 'control'] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

export interface ItemEvidence {
  zones: number;
  findings: { total: number; open: number; verified: number };
  remediations: { total: number; open: number; verified: number };
  controls: { total: number; evidenced: number };
}

export const EMPTY_EVIDENCE: ItemEvidence = {
  zones: 0, findings: { total: 0, open: 0, verified: 0 }, remediations: { total: 0, open: 0, verified: 0 }, controls: { total: 0, evidenced: 0 },
};

/**
 * - evidenced: a verified remediation, a verified finding (tested, fixed, re-tested) or a control
 *   record with its evidence written down;
 * - open_gaps: tested, and what was found is still open;
 * - mapped: in scope (a zone, a control without evidence), nothing shown yet;
 * - none: nothing maps to it.
 */
export type CoverageStatus = 'evidenced' | 'open_gaps' | 'mapped' | 'none';

export function coverageStatus(e: ItemEvidence): CoverageStatus {
  if (e.remediations.verified + e.findings.verified + e.controls.evidenced > 0) return 'evidenced';
  if (e.findings.open + e.remediations.open > 0) return 'open_gaps';
  if (e.zones + e.controls.total + e.findings.total + e.remediations.total > 0) return 'mapped';
  return 'none';
}
