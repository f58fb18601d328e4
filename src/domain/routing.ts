/**
 * Routing rules: a glob over one field of a finding (its target, rule or location) that sends
 * the findings of a run imported without a zone to a zone. The first matching rule wins; a
 * finding no rule matches is unrouted. Globs match the whole value, case-insensitively.
 */
import { InputError } from './errors.ts';
import type { NormalizedFinding } from './findings.ts';

export type RoutingField = 'target' | 'rule' | 'location';

/** `*` matches any text (also none), `?` one character; everything else is literal. */
export function globToRegex(pattern: string): string {
  const body = Array.from(pattern.trim(), (ch) => {
    if (ch === '*') return '.*';
    if (ch === '?') return '.';
    return /[\\^$.|+()[\]{}]/.test(ch) ? `\\${ch}` : ch;
  }).join('');
  if (body === '') throw InputError.field('pattern', 'a pattern may not be empty');
  return `^${body}$`;
}

export function globMatches(pattern: string, value: string | null): boolean {
  if (value == null) return false;
  return new RegExp(globToRegex(pattern), 'is').test(value);
}

export interface RouteRule { field: RoutingField; pattern: string; format: string | null; zoneId: string }

/** What a rule matches a finding by. */
export type Routed = Pick<NormalizedFinding, 'target' | 'ruleId' | 'location'>;

/** The router of one run: rules in order, compiled once; null for a finding no rule takes. */
export function compileRouter(rules: readonly RouteRule[], format: string): (f: Routed) => string | null {
  const compiled = rules
    .filter((r) => r.format === null || r.format === format)
    .map((r) => ({ field: r.field, re: new RegExp(globToRegex(r.pattern), 'is'), zoneId: r.zoneId }));
  const valueOf = (f: Routed, field: RoutingField) => (field === 'target' ? f.target : field === 'rule' ? f.ruleId : f.location);
  return (f) => {
    for (const r of compiled) {
      const v = valueOf(f, r.field);
      if (v != null && r.re.test(v)) return r.zoneId;
    }
    return null;
  };
}
