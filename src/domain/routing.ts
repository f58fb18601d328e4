/**
 * Routing rules: a glob over one field of a finding (its target, rule or location) that sends
 * the findings of a run imported without a zone to a zone. The first matching rule wins. The
 * store evaluates the rules set-based with PostgreSQL's case-insensitive regex match (`~*`),
 * so a glob is turned into an anchored POSIX regular expression here, once, when saved.
 */
import { InputError } from './errors.ts';

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

/** The same test as the store's `value ~* regex`, for previews and tests. */
export function globMatches(pattern: string, value: string | null): boolean {
  if (value == null) return false;
  return new RegExp(globToRegex(pattern), 'is').test(value);
}
