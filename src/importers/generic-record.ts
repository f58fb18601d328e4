/**
 * One DefectDojo "Generic Findings Import" record (a JSON finding or a CSV row, already
 * mapped to the JSON field names) to a NormalizedFinding, with the fingerprint and severity
 * rules documented at the top of generic.ts.
 */
import { InputError, type Issue } from '../domain/errors.ts';
import { parseSeverity, type Severity } from '../domain/severity.ts';
import { addEvidence, capText, fingerprint } from './fingerprint.ts';
import { CategorySet } from './tag-categories.ts';
import type { Evidence, NormalizedFinding } from './types.ts';

/** A record in JSON field names; values as the file gave them. */
export type GenericRecord = Record<string, unknown>;

/** Where a record is, for messages: `findings[3]` or `line 4`. */
export interface RecordPlace {
  label: string;
  issue: Pick<Issue, 'field' | 'line'>;
}

/** What the file says was already dismissed: skipped, and counted in RunInfo.reported. */
export type Dismissal = 'falsePositive' | 'duplicate' | 'mitigated';

const MAX_TITLE_CHARS = 500;

export function recordError(place: RecordPlace, field: string, message: string): InputError {
  const issue: Issue = { ...place.issue, message: `${field}: ${message}` };
  if (place.issue.field !== undefined) issue.field = `${place.issue.field}.${field}`;
  else issue.column = field;
  return new InputError(`${place.label}: ${field} ${message}`, [issue]);
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** DefectDojo reads booleans by their first letter ("TRUE", "true", "t"); we also take yes/1. */
export function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return typeof v === 'string' && /^\s*(t|y|1)/i.test(v);
}

/** A positive whole number, from a number or a numeric string; anything else (e.g. "N/A") is null. */
export function wholeNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The CWE number of a `cwe` value: 79, "79", "CWE-79"; placeholders such as "N/A" are ignored. */
export function cweNumber(v: unknown): number | null {
  const n = wholeNumber(v);
  if (n !== null) return n;
  const m = typeof v === 'string' ? /^\s*cwe[-_: ]?0*(\d+)\s*$/i.exec(v) : null;
  return m ? Number(m[1]) : null;
}

export function dismissal(record: GenericRecord): Dismissal | null {
  if (truthy(record.false_p)) return 'falsePositive';
  if (truthy(record.duplicate)) return 'duplicate';
  if (truthy(record.is_mitigated)) return 'mitigated';
  return null;
}

/**
 * The record's severity. A blank or absent severity is `info` when `blankIsInfo` (DefectDojo's
 * CSV reader does this), else refused; an unknown word is refused, listing the expected words.
 */
export function recordSeverity(record: GenericRecord, place: RecordPlace, blankIsInfo: boolean): Severity {
  const raw = text(record.severity);
  if (raw === null) {
    if (blankIsInfo) return 'info';
    throw recordError(place, 'severity', `is required: one of Critical, High, Medium, Low, Info`);
  }
  const severity = parseSeverity(raw);
  if (severity === null) {
    throw recordError(place, 'severity', `${JSON.stringify(raw)} is not a severity; expected one of Critical, High, Medium, Low, Info`);
  }
  return severity;
}

function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null || v === '' ? [] : [v];
}

/** An endpoint as written: a URL/host string, or DefectDojo's `{ protocol, host, port, path }`. */
function endpointText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v !== 'object' || v === null) return null;
  const e = v as Record<string, unknown>;
  const host = text(e.host);
  if (!host) return null;
  const protocol = text(e.protocol);
  const port = text(e.port);
  const path = text(e.path);
  return `${protocol ? `${protocol}://` : ''}${host}${port ? `:${port}` : ''}${path ? `/${path.replace(/^\//, '')}` : ''}`;
}

export function recordToFinding(record: GenericRecord, place: RecordPlace, blankSeverityIsInfo: boolean): NormalizedFinding {
  const title = text(record.title)?.trim();
  if (!title) throw recordError(place, 'title', 'is required');
  const severity = recordSeverity(record, place, blankSeverityIsInfo);

  const cwe = cweNumber(record.cwe);
  const categories = new CategorySet();
  if (cwe !== null) categories.add(`cwe:${cwe}`);
  for (const c of list(record.cwes)) {
    const n = cweNumber(c);
    if (n !== null) categories.add(`cwe:${n}`);
  }
  for (const tag of list(record.tags)) categories.addTag(tag);

  const vulnerabilityIds = [...list(record.cve), ...list(record.vulnerability_ids)].map(text).filter((v): v is string => v !== null);
  const filePath = text(record.file_path)?.trim() ?? null;
  const line = wholeNumber(record.line);
  const component = text(record.component_name)?.trim() ?? null;
  const componentVersion = text(record.component_version);
  const endpoints = list(record.endpoints).map(endpointText).filter((v): v is string => v !== null);
  const uniqueId = text(record.unique_id_from_tool)?.trim() ?? null;
  const vulnId = text(record.vuln_id_from_tool)?.trim() ?? null;

  const location = filePath ? (line !== null ? `${filePath}:${line}` : filePath)
    : component ? `${component}${componentVersion ? `@${componentVersion}` : ''}`
      : endpoints[0] ?? null;

  const parts = [text(record.description) ?? ''];
  const impact = text(record.impact);
  if (impact) parts.push(`Impact: ${impact}`);
  if (vulnerabilityIds.length > 0) parts.push(`Vulnerability ids: ${vulnerabilityIds.join(', ')}`);
  const references = text(record.references);
  if (references) parts.push(`References: ${references}`);
  const fixVersion = text(record.fix_version);
  const mitigation = text(record.mitigation) ?? (fixVersion ? `Upgrade${component ? ` ${component}` : ''} to ${fixVersion}` : null);

  const label = vulnId ?? vulnerabilityIds[0] ?? undefined;
  const evidence: Evidence[] = [];
  const first: Evidence = {
    label, location: location ?? undefined, prompt: text(record.payload) ?? undefined,
    reason: text(record.steps_to_reproduce) ?? impact ?? undefined,
  };
  if (Object.values(first).some((v) => v !== undefined)) addEvidence(evidence, first);
  for (const endpoint of endpoints.slice(location === endpoints[0] ? 1 : 0)) addEvidence(evidence, { label, location: endpoint });

  return {
    fingerprint: uniqueId ? fingerprint('generic', 'unique_id_from_tool', uniqueId)
      : vulnId ? fingerprint('generic', 'vuln_id_from_tool', vulnId, filePath, component)
        : fingerprint('generic', 'title', title, filePath, cwe, component),
    title: capText(title, MAX_TITLE_CHARS)!,
    severity,
    ruleId: vulnId ?? vulnerabilityIds[0] ?? (cwe !== null ? `CWE-${cwe}` : title.slice(0, 200)),
    target: null,
    location,
    description: capText(parts.filter(Boolean).join('\n\n'))!,
    mitigation: capText(mitigation) ?? null,
    categories: categories.toArray(),
    counts: null,
    evidence,
  };
}
