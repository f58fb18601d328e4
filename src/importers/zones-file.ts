/**
 * The zone set-up file: a CSV (one zone a row) or a YAML document (products with their
 * zones) describing a company's products, zones and owners. Parsed into rows that remember
 * their line, so every problem names the line and column. Pure: no database.
 *
 * CSV columns (header row required, any order, case-insensitive):
 *   product_key*, product_name, product_description, zone_key, zone_name*, description,
 *   tier*, buckets* (separated by ; | or ,  inside quotes), owner_email*, owner_name,
 *   deputy_email, handoff_reason (required when the owner of an existing zone changes)
 *
 * YAML:
 *   products:
 *     - key: assistant            # product_key
 *       name: Assistant           # product_name
 *       zones:
 *         - name: Self-harm replies
 *           key: assistant-self-harm
 *           tier: tier1
 *           buckets: [user_wellbeing]
 *           owner: dana@example.com
 *           owner_name: Dana Reyes
 *           deputy: lee@example.com
 *           handoff_reason: Dana leads wellbeing from Q3
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { InputError, type Issue } from '../domain/errors.ts';
import { BUCKETS, isTier, KEY_PATTERN, slugify, type Bucket, type Tier } from '../domain/zones.ts';

export interface ZoneFileRow {
  line: number;
  productKey: string;
  productName: string | null;
  productDescription: string | null;
  zoneKey: string;
  zoneName: string;
  description: string | null;
  tier: Tier;
  buckets: Bucket[];
  ownerEmail: string;
  ownerName: string | null;
  /** undefined when the file has no deputy column (keep the current deputy); null to clear it. */
  deputyEmail: string | null | undefined;
  handoffReason: string | null;
}

export type ZoneFileFormat = 'csv' | 'yaml';

export const MAX_ZONE_FILE_ROWS = 50_000;
const MAX_ISSUES = 50;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const CSV_COLUMNS = [
  'product_key', 'product_name', 'product_description', 'zone_key', 'zone_name', 'description', 'tier', 'buckets',
  'owner_email', 'owner_name', 'deputy_email', 'handoff_reason',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type RawRow = Partial<Record<Column, string>>;

export function detectZoneFileFormat(fileName: string | undefined, contentType: string | undefined): ZoneFileFormat {
  if (/\.ya?ml$/i.test(fileName ?? '') || /yaml/i.test(contentType ?? '')) return 'yaml';
  return 'csv';
}

export function parseZoneFile(text: string, format: ZoneFileFormat): ZoneFileRow[] {
  const raw = format === 'yaml' ? readYaml(text) : readCsv(text);
  if (raw.length === 0) throw fileError([{ line: 1, message: 'the file has no zone rows' }]);
  if (raw.length > MAX_ZONE_FILE_ROWS) {
    throw fileError([{ line: raw[MAX_ZONE_FILE_ROWS]!.line, message: `the file has ${raw.length} zones; at most ${MAX_ZONE_FILE_ROWS} per import` }]);
  }
  const issues: Issue[] = [];
  const rows: ZoneFileRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, row } of raw) {
    const problem = (column: Column, message: string) => issues.push({ line, column, message });
    const get = (c: Column) => {
      const v = row[c]?.trim();
      return v ? v : null;
    };
    // Keys are case-insensitive: a spreadsheet's "Assistant" is the key "assistant".
    const productKey = get('product_key')?.toLowerCase() ?? (get('product_name') ? slugify(get('product_name')!) : null);
    if (!productKey) problem('product_key', 'is required (or give product_name)');
    else if (!KEY_PATTERN.test(productKey)) problem('product_key', `${JSON.stringify(productKey)} must be lower-case letters, digits, . _ or -`);
    const zoneName = get('zone_name');
    if (!zoneName) problem('zone_name', 'is required');
    const zoneKey = get('zone_key')?.toLowerCase() ?? (productKey && zoneName ? slugify(`${productKey}-${zoneName}`) : null);
    if (zoneKey && !KEY_PATTERN.test(zoneKey)) problem('zone_key', `${JSON.stringify(zoneKey)} must be lower-case letters, digits, . _ or -`);
    const tier = get('tier')?.toLowerCase().replace(/^(\d)$/, 'tier$1') ?? null;
    if (!tier) problem('tier', 'is required (tier1, tier2, tier3 or tier4)');
    else if (!isTier(tier)) problem('tier', `${JSON.stringify(get('tier'))} is not a tier; expected tier1, tier2, tier3 or tier4`);
    const bucketTexts = (get('buckets') ?? '').split(/[;|,]/).map((b) => b.trim().toLowerCase()).filter(Boolean);
    if (bucketTexts.length === 0) problem('buckets', 'is required: systemic_integrity, user_wellbeing and/or data_stewardship');
    for (const b of bucketTexts) {
      if (!(BUCKETS as readonly string[]).includes(b)) problem('buckets', `${JSON.stringify(b)} is not an outcome bucket; expected systemic_integrity, user_wellbeing or data_stewardship`);
    }
    const ownerEmail = get('owner_email')?.toLowerCase() ?? null;
    if (!ownerEmail) problem('owner_email', 'is required: every zone has exactly one accountable owner');
    else if (!EMAIL.test(ownerEmail)) problem('owner_email', `${JSON.stringify(ownerEmail)} is not an email address`);
    const deputyEmail = row.deputy_email === undefined ? undefined : get('deputy_email')?.toLowerCase() ?? null;
    if (deputyEmail && !EMAIL.test(deputyEmail)) problem('deputy_email', `${JSON.stringify(deputyEmail)} is not an email address`);
    if (deputyEmail && deputyEmail === ownerEmail) problem('deputy_email', 'must be someone other than the owner');
    if (zoneKey) {
      const first = seen.get(zoneKey);
      if (first !== undefined) problem('zone_key', `zone ${JSON.stringify(zoneKey)} appears twice (first on line ${first})`);
      else seen.set(zoneKey, line);
    }
    if (issues.length >= MAX_ISSUES) break;
    if (productKey && zoneName && zoneKey && tier && isTier(tier) && ownerEmail) {
      rows.push({
        line, productKey, productName: get('product_name'), productDescription: get('product_description'), zoneKey, zoneName,
        description: get('description'), tier, buckets: BUCKETS.filter((b) => bucketTexts.includes(b)), ownerEmail, ownerName: get('owner_name'),
        deputyEmail, handoffReason: get('handoff_reason'),
      });
    }
  }
  if (issues.length > 0) throw fileError(issues);
  return rows;
}

export function fileError(issues: Issue[]): InputError {
  const shown = issues.slice(0, MAX_ISSUES);
  const first = shown[0]!;
  const where = first.line ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new InputError(`Nothing was imported. ${where}${first.message}${more}`, shown);
}

function readCsv(text: string): { line: number; row: RawRow }[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => normalizeHeader(h)),
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    throw fileError([{ line: e.lines ?? 1, message: `not valid CSV: ${e.message.replace(/^Invalid Record Length: /, '')}` }]);
  }
  const headerIssues = checkHeader(Object.keys(records[0]?.record ?? {}));
  if (headerIssues.length > 0) throw fileError(headerIssues);
  return records.map(({ record, info }) => ({ line: info.lines, row: record as RawRow }));
}

function normalizeHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function checkHeader(columns: string[]): Issue[] {
  if (columns.length === 0) return [];
  const issues: Issue[] = [];
  for (const c of columns) {
    if (!(CSV_COLUMNS as readonly string[]).includes(c)) {
      issues.push({ line: 1, column: c, message: `unknown column ${JSON.stringify(c)}; expected some of ${CSV_COLUMNS.join(', ')}` });
    }
  }
  for (const required of ['zone_name', 'tier', 'buckets', 'owner_email'] as const) {
    if (!columns.includes(required)) issues.push({ line: 1, column: required, message: `the header has no ${required} column` });
  }
  if (!columns.includes('product_key') && !columns.includes('product_name')) {
    issues.push({ line: 1, column: 'product_key', message: 'the header needs product_key or product_name' });
  }
  return issues;
}

const YAML_ZONE_FIELDS: Record<string, Column> = {
  key: 'zone_key', name: 'zone_name', description: 'description', tier: 'tier', buckets: 'buckets', owner: 'owner_email',
  owner_email: 'owner_email', owner_name: 'owner_name', deputy: 'deputy_email', deputy_email: 'deputy_email',
  handoff_reason: 'handoff_reason',
};

function readYaml(text: string): { line: number; row: RawRow }[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line : 1);
  if (doc.errors.length > 0) {
    throw fileError(doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? 1, message: `not valid YAML: ${e.message.split('\n')[0]}` })));
  }
  const products = doc.get('products', true) as Node | undefined;
  if (!isMap(doc.contents) || !isSeq(products)) {
    throw fileError([{ line: lineOf(doc.contents as Node), column: 'products', message: 'expected a top-level "products:" list' }]);
  }
  const out: { line: number; row: RawRow }[] = [];
  const issues: Issue[] = [];
  for (const p of products.items) {
    if (!isMap(p)) { issues.push({ line: lineOf(p as Node), column: 'products', message: 'each product must be a mapping' }); continue; }
    const productRow: RawRow = {
      product_key: scalar(p, 'key'), product_name: scalar(p, 'name'), product_description: scalar(p, 'description'),
    };
    const zones = p.get('zones', true) as Node | undefined;
    if (!isSeq(zones)) { issues.push({ line: lineOf(p), column: 'zones', message: 'each product needs a "zones:" list' }); continue; }
    for (const z of zones.items) {
      if (!isMap(z)) { issues.push({ line: lineOf(z as Node), column: 'zones', message: 'each zone must be a mapping' }); continue; }
      const row: RawRow = { ...productRow };
      for (const item of z.items) {
        const key = String((item.key as { value?: unknown } | null)?.value ?? '');
        const column = YAML_ZONE_FIELDS[key];
        if (!column) {
          issues.push({ line: lineOf(item.key as Node), column: key, message: `unknown zone field ${JSON.stringify(key)}; expected ${Object.keys(YAML_ZONE_FIELDS).join(', ')}` });
          continue;
        }
        const value = item.value as Node | null;
        row[column] = isSeq(value)
          ? value.items.map((v) => String((v as { value?: unknown }).value ?? '')).join(';')
          : String((value as { value?: unknown } | null)?.value ?? '');
      }
      out.push({ line: lineOf(z), row });
    }
  }
  if (issues.length > 0) throw fileError(issues);
  return out;
}

function scalar(map: YAMLMap, key: string): string | undefined {
  const v = map.get(key);
  return v === undefined || v === null ? undefined : String(v);
}
