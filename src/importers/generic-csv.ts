/**
 * The CSV form of DefectDojo's generic findings file, streamed record by record with
 * csv-parse (quoted fields may span lines). Header names are matched ignoring case, spaces
 * and underscores: DefectDojo writes `Date, Title, CweId, Url, Severity, Description,
 * Mitigation, Impact, References, Active, Verified, FalsePositive, Duplicate` and optionally
 * `IsMitigated, MitigatedDate, CVE, Vulnerability Id, CVSSV3, fix_available, fix_version`;
 * we also read `FilePath, Line, ComponentName, ComponentVersion, UniqueIdFromTool,
 * VulnIdFromTool, Tags`. Other columns are ignored, as DefectDojo ignores them.
 *
 * `Title` and `Severity` columns are required; a blank Severity cell is `info` (DefectDojo's
 * CSV reader does the same), an unknown word is refused naming the line. An empty file or a
 * header without rows has no findings.
 */
import { parse, type CsvError } from 'csv-parse';
import { InputError } from '../domain/errors.ts';
import { dismissal, recordToFinding, type GenericRecord } from './generic-record.ts';
import type { GenericSink } from './generic-json.ts';
import type { NormalizedFinding } from './types.ts';

/** Normalized header → JSON field name. */
const COLUMNS: Record<string, string> = {
  title: 'title', severity: 'severity', description: 'description', mitigation: 'mitigation', impact: 'impact',
  references: 'references', cweid: 'cwe', cwe: 'cwe', url: 'endpoints', active: 'active', verified: 'verified',
  falsepositive: 'false_p', duplicate: 'duplicate', ismitigated: 'is_mitigated', cve: 'cve',
  vulnerabilityid: 'vulnerability_ids', filepath: 'file_path', line: 'line', componentname: 'component_name',
  componentversion: 'component_version', uniqueidfromtool: 'unique_id_from_tool', vulnidfromtool: 'vuln_id_from_tool',
  fixversion: 'fix_version', tags: 'tags', payload: 'payload', stepstoreproduce: 'steps_to_reproduce',
};

export function normalizeHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

function csvError(err: unknown): unknown {
  const e = err as CsvError & { lines?: number };
  if (typeof e?.code !== 'string' || !e.code.startsWith('CSV_')) return err;
  const line = typeof e.lines === 'number' ? e.lines : 1;
  const length = /columns length is (\d+), got (\d+)/.exec(e.message);
  const message = length ? `not valid CSV: the header has ${length[1]} columns but this row has ${length[2]}`
    : `not valid CSV: ${e.message.replace(/^Invalid (Record Length|Opening Quote|Closing Quote): /, '')}`;
  return new InputError(`Line ${line}: ${message}`, [{ line, message }]);
}

/** The columns of a header line; refuses a header without Title or Severity. */
function mapHeader(header: string[]): string[] {
  const names = header.map(normalizeHeader);
  const missing = ['title', 'severity'].filter((c) => !names.includes(c));
  if (missing.length > 0) {
    const cols = missing.map((c) => c[0]!.toUpperCase() + c.slice(1));
    throw new InputError(`Line 1: the header has no ${cols.join(' or ')} column; a generic findings CSV starts with DefectDojo's header `
      + '"Date,Title,CweId,Url,Severity,Description,Mitigation,Impact,References,Active,Verified,FalsePositive,Duplicate"',
    cols.map((column) => ({ line: 1, column, message: `the header has no ${column} column` })));
  }
  // Unknown columns keep a private name so that they are parsed (column count) and ignored.
  return names.map((n, i) => COLUMNS[n] ?? `#${i}`);
}

export async function* parseGenericCsv(
  source: AsyncIterable<Uint8Array>, sink: GenericSink,
): AsyncGenerator<NormalizedFinding, void, undefined> {
  let headerError: unknown = null;
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    columns: (header: string[]) => {
      try {
        return mapHeader(header);
      } catch (err) {
        headerError = err;
        throw err;
      }
    },
  });
  let bytes = 0;
  // Feeds the parser from the source, honouring back-pressure; a source error ends the parse.
  void (async () => {
    try {
      for await (const chunk of source) {
        if (parser.destroyed) return;
        bytes += chunk.byteLength;
        sink.bytes(bytes);
        if (!parser.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = () => { parser.off('drain', done); parser.off('close', done); resolve(); };
            parser.on('drain', done);
            parser.on('close', done);
          });
        }
      }
      if (!parser.destroyed) parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();

  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const { record, info } = item;
      const row: GenericRecord = {};
      for (const [k, v] of Object.entries(record)) if (!k.startsWith('#')) row[k] = v;
      const line = info.lines;
      sink.record();
      const skip = dismissal(row);
      if (skip) { sink.dismissed(skip); continue; }
      yield recordToFinding(row, { label: `Line ${line}`, issue: { line } }, true);
    }
  } catch (err) {
    throw headerError ?? csvError(err);
  } finally {
    if (!parser.destroyed) parser.destroy();
  }
}
