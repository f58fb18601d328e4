/**
 * DefectDojo's "Generic Findings Import": findings a team or a small tool writes by hand, as
 * JSON (`{ "findings": [ … ] }`, generic-json.ts) or CSV (DefectDojo's header, generic-csv.ts).
 * The form is chosen from the first bytes: `{` is JSON, anything else CSV.
 *
 * Fingerprint, the first that applies:
 *   1. `unique_id_from_tool`: fingerprint('generic', 'unique_id_from_tool', id) — the writer's
 *      own stable id for this finding;
 *   2. `vuln_id_from_tool` + `file_path` + `component_name`: the tool's id names the kind of
 *      weakness (a rule, a CVE), so the place it was found in keeps two instances apart;
 *   3. `title` + `file_path` + CWE number + `component_name`.
 * Never the line (it shifts between runs), date, description, endpoints or status flags.
 * Parts are trimmed, whitespace-collapsed and lower-cased by fingerprint().
 *
 * Severity: the record's `severity` (Critical, High, Medium, Low, Info — case-insensitive; the
 * aliases of parseSeverity such as "moderate" are accepted too). An unknown word is refused,
 * naming the record (`findings[3]`) or CSV line and the expected words. A missing severity is
 * refused in JSON (DefectDojo requires it) and read as `info` for a blank CSV cell (DefectDojo's
 * CSV reader does that, and its own sample generic_report4.csv relies on it).
 *
 * Skipped and counted in RunInfo.reported (`{ findings, falsePositive, duplicate, mitigated,
 * imported }`): records marked `false_p`/FalsePositive, `duplicate`/Duplicate or
 * `is_mitigated`/IsMitigated — the writer already dismissed or fixed them. `findings` counts
 * every record of the file.
 *
 * Location: `file_path:line`, else `component_name@component_version`, else the first
 * endpoint/Url; further endpoints are kept as evidence. Categories: `cwe`, `cwes` → `cwe:<n>`,
 * `tags` → `tag:<tag>` (or OWASP LLM / ATLAS ids, see tag-categories.ts). CVE and other
 * vulnerability ids go into the description.
 */
import { parseGenericCsv } from './generic-csv.ts';
import { parseGenericJson, type GenericSink } from './generic-json.ts';
import { progressReporter } from './json-stream.ts';
import { peekHead } from './peek.ts';
import type { Importer, RunInfo } from './types.ts';

/** Whether the first line of a CSV names Title and Severity columns. */
function csvHeaderFits(head: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const names = first.split(',').map((c) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  return names.includes('title') && names.includes('severity');
}

export const genericImporter: Importer = {
  format: 'generic',

  detect(head, fileName) {
    if (/\.csv$/i.test(fileName ?? '')) return csvHeaderFits(head);
    const text = head.replace(/^\uFEFF/, '').trimStart();
    if (!text.startsWith('{')) return false;
    return /"findings"\s*:\s*\[/.test(text) && !/"runs"\s*:/.test(text) && !/"evalId"\s*:/.test(text) && !/"\$schema"\s*:/.test(text);
  },

  async *parse(source, onProgress) {
    const progress = progressReporter(onProgress);
    const reported = { findings: 0, falsePositive: 0, duplicate: 0, mitigated: 0, imported: 0 };
    const info: RunInfo = { tool: 'generic', toolVersion: null, target: null, startedAt: null, reported };
    const sink: GenericSink = {
      dismissed: (kind) => { reported[kind] += 1; },
      record: () => { reported.findings += 1; },
      bytes: (n) => progress.bytes(n),
      meta: (key, value) => {
        // The JSON form may name the tool that wrote it: "type" (DefectDojo's test type) or "name".
        if (key === 'version') info.toolVersion = value;
        else if (key === 'type' || info.tool === 'generic') info.tool = value;
      },
    };
    const peeked = await peekHead(source);
    const json = peeked.head.replace(/^\uFEFF/, '').trimStart().startsWith('{');
    const findings = json ? parseGenericJson(peeked.source, peeked.head, sink) : parseGenericCsv(peeked.source, sink);
    for await (const finding of findings) {
      reported.imported += 1;
      progress.finding();
      yield finding;
    }
    return info;
  },
};
