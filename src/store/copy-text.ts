/**
 * PostgreSQL's COPY text format, for the bulk writes of an import (findings-merge.ts): a row is
 * its fields joined by tabs and ended by a newline; `\N` is NULL; backslash, tab, newline and
 * carriage return are escaped. Arrays travel as text[] literals.
 */

/** One field of a COPY text row. */
export function copyField(v: string | null): string {
  if (v === null) return '\\N';
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One COPY text row. */
export function copyRow(fields: (string | null)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : '\t') + copyField(fields[i]!);
  return `${line}\n`;
}

/** A text[] literal: `{"a","b"}` (elements quoted, quotes and backslashes escaped). */
export function arrayLiteral(items: string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
