import { describe, expect, it } from 'vitest';
import { IMPORTERS, resolveImporter } from './index.ts';

describe('importer registry', () => {
  it('names the format it could not find, or picks the only importer that recognises the file', () => {
    if (IMPORTERS.length === 0) {
      expect(() => resolveImporter('auto', '{}', 'x.json')).toThrow(/no tool importers yet/);
      return;
    }
    expect(() => resolveImporter('nope' as never, '', 'x')).toThrow(/unknown format "nope"/);
    expect(() => resolveImporter('auto', 'hello', 'notes.txt')).toThrow(/could not tell the format of notes.txt/);
    for (const importer of IMPORTERS) expect(resolveImporter(importer.format, '', 'x')).toBe(importer);
  });
});
