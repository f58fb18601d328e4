/**
 * A minimal importer for service tests of the verification loop: one JSON object per line,
 * `{"fp": "...", "title": "...", "severity": "high", "target": "..."}`, so a test can write
 * exactly the runs it needs. The real formats have their own tests beside their importers.
 */
import { InputError } from '../../src/domain/errors.ts';
import { parseSeverity } from '../../src/domain/severity.ts';
import { fingerprint } from '../../src/importers/fingerprint.ts';
import { parseJsonLine, readLines } from '../../src/importers/read-lines.ts';
import type { Importer } from '../../src/importers/types.ts';

export const linesImporter: Importer = {
  format: 'generic',
  detect: () => true,
  async *parse(source, onProgress) {
    let n = 0;
    for await (const line of readLines(source)) {
      if (!line.text.trim()) continue;
      const v = parseJsonLine(line) as { fp?: string; title?: string; severity?: string; target?: string };
      if (!v.fp) throw new InputError(`Line ${line.number}: fp is required`, [{ line: line.number, message: 'fp is required' }]);
      n += 1;
      onProgress?.(0, n);
      yield {
        fingerprint: fingerprint('lines', v.fp), title: v.title ?? v.fp, severity: parseSeverity(v.severity) ?? 'medium',
        ruleId: v.fp, target: v.target ?? null, location: null, description: '', mitigation: null, categories: ['tag:test'],
        counts: null, evidence: [{ prompt: `prompt for ${v.fp}`, response: '<b>not html</b>' }],
      };
    }
    return { tool: 'lines', toolVersion: null, target: null, startedAt: null, reported: { findings: n } };
  },
};

export function file(...fps: string[]): AsyncIterable<Uint8Array> {
  const text = fps.map((fp) => JSON.stringify({ fp, title: `Finding ${fp}`, severity: 'high' })).join('\n');
  return (async function* () { yield new TextEncoder().encode(text); })();
}

export function textFile(text: string): AsyncIterable<Uint8Array> {
  return (async function* () { yield new TextEncoder().encode(text); })();
}
