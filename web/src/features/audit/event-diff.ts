/**
 * Turns the before/after snapshots of an audit event into readable "field: old → new" lines.
 * Values are rendered as words, never as JSON.
 */
import type { PeopleIndex } from '../users/people-index.ts';
import { BUCKET_LABELS, isBucket, isTier, TIER_LABELS } from '../zones/tiers.ts';

export interface ChangeLine {
  field: string;
  from: string | null;
  to: string | null;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'name', description: 'description', tier: 'tier', buckets: 'buckets', product: 'product',
  owner: 'owner', deputy: 'deputy', archived: 'archived', key: 'key', role: 'role', status: 'status',
  email: 'email', slug: 'slug',
};

/** Fields that repeat another field by id: the readable one is shown instead. */
const SKIPPED = new Set(['ownerId', 'deputyId', 'tokenId', 'reason']);

const PEOPLE_FIELDS = new Set(['owner', 'deputy']);

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function formatValue(field: string, value: unknown, people: PeopleIndex): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (PEOPLE_FIELDS.has(field) && typeof value === 'string') return people.name(value) ?? value;
  if (typeof value === 'string') {
    if (isTier(value)) return TIER_LABELS[value];
    if (isBucket(value)) return BUCKET_LABELS[value];
    return value;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatValue(field, v, people)).filter((v): v is string => v !== null);
    return parts.length ? parts.join(', ') : null;
  }
  const entries = Object.entries(asRecord(value))
    .map(([k, v]) => { const f = formatValue(k, v, people); return f === null ? null : `${k} ${f}`; })
    .filter((v): v is string => v !== null);
  return entries.length ? entries.join('; ') : null;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** The fields that differ between before and after, in a stable, readable order. */
export function diffSnapshots(before: unknown, after: unknown, people: PeopleIndex): ChangeLine[] {
  const b = asRecord(before), a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !SKIPPED.has(k));
  const order = Object.keys(FIELD_LABELS);
  keys.sort((x, y) => (order.indexOf(x) + 1 || 99) - (order.indexOf(y) + 1 || 99));
  return keys
    .filter((k) => !same(b[k], a[k]))
    .map((k) => ({ field: FIELD_LABELS[k] ?? k, from: formatValue(k, b[k], people), to: formatValue(k, a[k], people) }));
}

/** The fields of a snapshot worth showing for a creation ("tier: Tier 1"). */
export function listSnapshot(snapshot: unknown, people: PeopleIndex, fields: readonly string[]): ChangeLine[] {
  const s = asRecord(snapshot);
  return fields
    .map((k) => ({ field: FIELD_LABELS[k] ?? k, from: null, to: formatValue(k, s[k], people) }))
    .filter((l) => l.to !== null);
}

export function readString(snapshot: unknown, field: string): string | null {
  const v = asRecord(snapshot)[field];
  return typeof v === 'string' && v !== '' ? v : null;
}
