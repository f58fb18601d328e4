/**
 * Category ids for promptfoo red-team plugins. PARTIAL: only the plugins seen in Keel's
 * sample files plus a few common ones. The authoritative mapping is promptfoo's own
 * `src/redteam/constants/frameworks.ts` (OWASP_LLM_TOP_10_MAPPING, NIST_AI_RMF_MAPPING,
 * MITRE_ATLAS_MAPPING; read at commit 025f0c6cf035ebd88e12b5fa32b56b6e09061557); the rows
 * below follow it, translated to Keel's ids:
 *   - `owasp:llm:01` … → `owasp-llm:LLM01` … (OWASP Top 10 for LLM applications 2025: LLM01
 *     Prompt Injection, LLM02 Sensitive Information Disclosure, LLM04 Data and Model Poisoning,
 *     LLM05 Improper Output Handling, LLM06 Excessive Agency, LLM07 System Prompt Leakage,
 *     LLM08 Vector and Embedding Weaknesses, LLM09 Misinformation, LLM10 Unbounded Consumption);
 *   - `nist:ai:measure:2.11` → `nist-ai-rmf:MS-2.11` (NIST AI RMF MEASURE subcategories);
 *   - promptfoo maps plugins to ATLAS *tactics* by name; they become the tactic ids
 *     (`mitre:atlas:exfiltration` → `atlas:AML.TA0010`, impact → AML.TA0011, initial-access →
 *     AML.TA0004, ml-attack-staging → AML.TA0001, reconnaissance → AML.TA0002).
 * promptfoo's `harmful` collection (every `harmful:*` plugin) is mapped to LLM01 and the ATLAS
 * Impact tactic; a specific `harmful:<x>` row adds to that. Unknown plugins get no framework id
 * (their plugin id is still kept as `tag:promptfoo:<plugin>` by the importer).
 */

const EXFILTRATION = 'atlas:AML.TA0010';
const IMPACT = 'atlas:AML.TA0011';
const INITIAL_ACCESS = 'atlas:AML.TA0004';
const ATTACK_STAGING = 'atlas:AML.TA0001';
const RECONNAISSANCE = 'atlas:AML.TA0002';

const PII = ['owasp-llm:LLM02', 'owasp-llm:LLM07', 'owasp-llm:LLM08', 'nist-ai-rmf:MS-2.1', 'nist-ai-rmf:MS-2.2', 'nist-ai-rmf:MS-2.10', EXFILTRATION];
const INJECTION = ['owasp-llm:LLM05', 'owasp-llm:LLM06', 'nist-ai-rmf:MS-2.7', INITIAL_ACCESS];
const AGENCY_NIST = ['1.1', '1.2', '2.3', '2.4', '2.5', '2.9', '2.13', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3'].map((n) => `nist-ai-rmf:MS-${n}`);

/** Plugin id → category ids (see the file comment for the source). */
export const PROMPTFOO_PLUGIN_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  'ascii-smuggling': ['owasp-llm:LLM01', EXFILTRATION, ATTACK_STAGING],
  'indirect-prompt-injection': ['owasp-llm:LLM01', EXFILTRATION, ATTACK_STAGING],
  // `prompt-injection` is a strategy in current promptfoo; older configs used it as a plugin id.
  'prompt-injection': ['owasp-llm:LLM01'],
  'prompt-extraction': ['owasp-llm:LLM01', 'owasp-llm:LLM02', 'owasp-llm:LLM07', EXFILTRATION, RECONNAISSANCE],
  'harmful:hate': ['owasp-llm:LLM04', 'nist-ai-rmf:MS-2.11'],
  'harmful:privacy': PII,
  'pii:direct': PII,
  'pii:social': PII,
  'pii:session': PII,
  'pii:api-db': PII,
  overreliance: ['owasp-llm:LLM09'],
  hallucination: ['owasp-llm:LLM09', ATTACK_STAGING],
  bola: ['owasp-llm:LLM06', 'nist-ai-rmf:MS-2.8'],
  bfla: ['owasp-llm:LLM06', 'nist-ai-rmf:MS-2.8'],
  rbac: ['owasp-llm:LLM06', 'owasp-llm:LLM07', 'nist-ai-rmf:MS-2.8', RECONNAISSANCE],
  'excessive-agency': ['owasp-llm:LLM06', ...AGENCY_NIST, IMPACT, ATTACK_STAGING],
  'sql-injection': INJECTION,
  'shell-injection': INJECTION,
  ssrf: ['owasp-llm:LLM05', 'owasp-llm:LLM06', INITIAL_ACCESS],
  hijacking: [IMPACT],
};

const HARMFUL_COLLECTION = ['owasp-llm:LLM01', IMPACT];

/** The framework category ids of a promptfoo plugin id (empty when the table does not know it). */
export function pluginCategories(pluginId: string): string[] {
  const id = pluginId.trim().toLowerCase();
  const own = PROMPTFOO_PLUGIN_CATEGORIES[id] ?? [];
  return id.startsWith('harmful:') ? [...HARMFUL_COLLECTION, ...own] : [...own];
}
