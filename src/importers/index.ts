/**
 * The registry of tool-output importers, and how a file's format is chosen: the format the
 * caller names, or the one importer whose detect() recognises the file's first bytes.
 */
import { InputError } from '../domain/errors.ts';
import { garakImporter } from './garak.ts';
import { genericImporter } from './generic.ts';
import { inspectImporter } from './inspect.ts';
import { promptfooImporter } from './promptfoo.ts';
import { sarifImporter } from './sarif.ts';
import type { ImportFormat, Importer } from './types.ts';

export const IMPORTERS: readonly Importer[] = [sarifImporter, genericImporter, promptfooImporter, inspectImporter, garakImporter];

export function resolveImporter(format: ImportFormat | 'auto' | undefined, head: string, fileName: string): Importer {
  if (IMPORTERS.length === 0) {
    throw InputError.field('format', 'this Keel build has no tool importers yet: findings intake is being built');
  }
  const known = IMPORTERS.map((i) => i.format).join(', ');
  if (format && format !== 'auto') {
    const named = IMPORTERS.find((i) => i.format === format);
    if (!named) throw InputError.field('format', `unknown format ${JSON.stringify(format)}; expected auto, ${known}`);
    return named;
  }
  const matches = IMPORTERS.filter((i) => i.detect(head, fileName));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw InputError.field('format', `could not tell the format of ${fileName}: it does not look like any of ${known || 'the supported formats'}; name it with format=…`);
  }
  throw InputError.field('format', `${fileName} could be ${matches.map((m) => m.format).join(' or ')}; name the format with format=…`);
}
