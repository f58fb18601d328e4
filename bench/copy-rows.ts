/**
 * The rows an import would write to `findings`, as a COPY text-format file: the file is parsed
 * with the importer (outside any timing), each fingerprint kept once as the stage does, and
 * every column the merge's INSERT sets is written the way it sets it (categories as text[],
 * counts and evidence as JSON, content_hash and rule_text_id as in findings-merge.ts; the few
 * rule texts themselves are left out). The other columns
 * (id, status, clean_runs…) take their defaults, as in the merge.
 */
import type { NormalizedFinding } from '../src/domain/findings.ts';
import type { Importer } from '../src/importers/types.ts';
import { copyField } from '../src/store/copy-text.ts';
import { findingContent } from '../src/store/finding-content.ts';
import { parseFile } from './parse-only.ts';
import { TextFileWriter } from './synthetic-text.ts';

/** Placeholder ids: the COPY tables are made with LIKE, which copies no foreign keys. */
const ORG_ID = '6b1c0f3e-2a4d-4e5f-8a9b-0c1d2e3f4a5b';
const ZONE_ID = '7c2d1e4f-3b5e-4f60-9bac-1d2e3f4a5b6c';
const RUN_ID = '8d3e2f50-4c6f-4071-8cbd-2e3f4a5b6c7d';

interface RowContext {
  format: string; at: string; categories: string; counts: string | null; evidence: string; contentHash: string; ruleTextId: string | null;
}

/**
 * The columns the merge's INSERT sets, and how (findings-merge.ts). Only those the `findings`
 * table has today are written (the schema is still moving: last_seen_at and last_run_id come
 * and go); the other columns take their defaults, as in the merge.
 */
const VALUES: Record<string, (f: NormalizedFinding, c: RowContext) => string | null> = {
  org_id: () => ORG_ID,
  zone_id: () => ZONE_ID,
  format: (_, c) => c.format,
  fingerprint: (f) => f.fingerprint,
  content_hash: (_, c) => c.contentHash,
  target: (f) => f.target,
  title: (f) => f.title,
  severity: (f) => f.severity,
  rule_id: (f) => f.ruleId,
  location: (f) => f.location,
  description: (f) => f.description,
  mitigation: (f) => f.mitigation,
  categories: (_, c) => c.categories,
  counts: (_, c) => c.counts,
  evidence: (_, c) => c.evidence,
  rule_text_id: (_, c) => c.ruleTextId,
  first_seen_at: (_, c) => c.at,
  last_seen_at: (_, c) => c.at,
  first_run_id: () => RUN_ID,
  last_run_id: () => RUN_ID,
  introduced_in: () => null,
  introduced_on: () => null,
  status_changed_at: (_, c) => c.at,
  routed: () => 'f',
};

export interface TableColumn { name: string; required: boolean }

/**
 * The columns to COPY: those of `findings` that the merge sets. Fails when the table has a
 * NOT NULL column without default that this file does not know (the schema moved on).
 */
export function copyColumns(findingsColumns: TableColumn[]): string[] {
  const unknown = findingsColumns.filter((c) => c.required && !(c.name in VALUES)).map((c) => c.name);
  if (unknown.length > 0) throw new Error(`findings has required columns bench/copy-rows.ts does not fill: ${unknown.join(', ')}`);
  return findingsColumns.map((c) => c.name).filter((name) => name in VALUES);
}

function row(f: NormalizedFinding, columns: string[], format: string, at: string): string {
  const { categories, counts, evidence, hash: contentHash, ruleTextId } = findingContent(f);
  const context: RowContext = { format, at, categories, counts, evidence, contentHash, ruleTextId };
  return `${columns.map((c) => copyField(VALUES[c]!(f, context))).join('\t')}\n`;
}

export interface CopyRowsFile { path: string; columns: string[]; rows: number; bytes: number }

/** Parses `source` with `importer` and writes its findings' rows (the given columns) to `path`. */
export async function writeCopyRows(importer: Importer, source: string, path: string, columns: string[]): Promise<CopyRowsFile> {
  const out = new TextFileWriter(path);
  const seen = new Set<string>();
  const at = new Date().toISOString();
  await parseFile(importer, source, async (f) => {
    if (seen.has(f.fingerprint)) return;
    seen.add(f.fingerprint);
    await out.write(row(f, columns, importer.format, at));
  });
  await out.close();
  return { path, columns, rows: seen.size, bytes: out.size };
}
