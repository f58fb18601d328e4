/**
 * The JSON form of DefectDojo's generic findings file: `{ "name"?, "type"?, "version"?,
 * "findings": [ {…}, … ] }`, streamed one finding at a time.
 *
 * Fields, as DefectDojo's JSON reader has them: `title`, `severity` and `description` are
 * required there; here `title` and `severity` are (a missing description is tolerated).
 * A field DefectDojo does not know is refused, naming the record and the field (a misspelt
 * `severty` must not be silently dropped); numeric fields holding placeholders such as
 * "N/A" are tolerated (that `cwe` or `line` is then ignored), as DefectDojo tolerates them.
 */
import { InputError } from '../domain/errors.ts';
import type { Dismissal } from './generic-record.ts';
import { dismissal, recordToFinding, type RecordPlace } from './generic-record.ts';
import { streamJson } from './json-stream.ts';
import type { NormalizedFinding } from './types.ts';

/** DefectDojo's allowed finding fields (dojo/tools/generic/json_parser.py) plus later additions. */
export const GENERIC_JSON_FIELDS = new Set([
  'title', 'severity', 'description', 'date', 'cwe', 'cwes', 'cve', 'vulnerability_ids', 'cvssv3', 'cvssv3_score',
  'cvssv4', 'cvssv4_score', 'epss_score', 'epss_percentile', 'known_exploited', 'ransomware_used', 'kev_date',
  'mitigation', 'impact', 'steps_to_reproduce', 'severity_justification', 'references', 'active', 'verified', 'false_p',
  'duplicate', 'out_of_scope', 'risk_accepted', 'under_review', 'is_mitigated', 'thread_id', 'mitigated',
  'numerical_severity', 'param', 'payload', 'line', 'file_path', 'component_name', 'component_version',
  'static_finding', 'dynamic_finding', 'scanner_confidence', 'unique_id_from_tool', 'vuln_id_from_tool',
  'sast_source_object', 'sast_sink_object', 'sast_source_line', 'sast_source_file_path', 'nb_occurences',
  'publish_date', 'service', 'planned_remediation_date', 'planned_remediation_version', 'effort_for_fixing', 'tags',
  'endpoints', 'files', 'fix_available', 'fix_version',
]);

const MAIN_FIELDS = 'title, severity, description, mitigation, impact, references, cwe, cve, vulnerability_ids, file_path, line, '
  + 'component_name, component_version, endpoints, tags, unique_id_from_tool, vuln_id_from_tool, false_p, duplicate, is_mitigated';
const PATHS = ['$.findings.*', '$.name', '$.type', '$.version'];

export interface GenericSink {
  dismissed(kind: Dismissal): void;
  record(): void;
  bytes(n: number): void;
  meta(key: 'name' | 'type' | 'version', value: string): void;
}

export async function* parseGenericJson(
  source: AsyncIterable<Uint8Array>, head: string, sink: GenericSink,
): AsyncGenerator<NormalizedFinding, void, undefined> {
  let seen = 0;
  for await (const { keys, value } of streamJson(source, PATHS, (n) => sink.bytes(n))) {
    if (keys[0] !== 'findings') {
      if (keys.length === 1 && (typeof value === 'string' || typeof value === 'number')) {
        sink.meta(keys[0] as 'name' | 'type' | 'version', String(value));
      }
      continue;
    }
    seen += 1;
    const index = keys[1];
    if (typeof index !== 'number') {
      throw new InputError('The file is not a generic findings file: "findings" must be an array of finding objects',
        [{ field: 'findings', message: 'expected an array' }]);
    }
    const place: RecordPlace = { label: `findings[${index}]`, issue: { field: `findings[${index}]` } };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(`${place.label} is not a finding object`, [{ field: place.label, message: 'expected an object' }]);
    }
    const record = value as Record<string, unknown>;
    const unknown = Object.keys(record).filter((k) => !GENERIC_JSON_FIELDS.has(k)).sort();
    if (unknown.length > 0) {
      const expected = `expected DefectDojo's generic finding fields (${MAIN_FIELDS}…)`;
      throw new InputError(`${place.label}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ${expected}`,
        unknown.map((f) => ({ field: `${place.label}.${f}`, message: `not a field of the generic findings format; ${expected}` })));
    }
    sink.record();
    const skip = dismissal(record);
    if (skip) { sink.dismissed(skip); continue; }
    yield recordToFinding(record, place, false);
  }
  if (seen === 0 && !/"findings"\s*:/.test(head)) {
    throw new InputError('The file is not a DefectDojo generic findings file: no "findings" array',
      [{ field: 'findings', message: 'expected a "findings" array' }]);
  }
}
