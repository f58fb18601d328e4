import { describe, expect, it } from 'vitest';
import { streamJson } from './json-stream.ts';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? new TextEncoder().encode(p) : p;
}
const collect = async (source: AsyncIterable<Uint8Array>, max?: number) => {
  const out: unknown[] = [];
  for await (const hit of streamJson(source, ['$.items.*'], undefined, max)) out.push(hit.value);
  return out;
};

describe('streamJson', () => {
  it('streams values across chunk boundaries, escaped quotes and backslashes included', async () => {
    const values = await collect(chunks('{"items": ["a\\\\', '", "b\\"c', '\\\\\\"d", "', 'e"]}'), 10);
    expect(values).toEqual(['a\\', 'b"c\\"d', 'e']);
  });

  it('refuses a string longer than the limit, naming where it starts, without holding it', async () => {
    const mb = new Uint8Array(1024 * 1024).fill(0x61);
    async function* huge(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('{"items": ["ok", "');
      for (let i = 0; i < 100; i++) yield mb;
      yield new TextEncoder().encode('"]}');
    }
    await expect(collect(huge())).rejects.toThrow(/string of more than 16777216 bytes starting at byte 18/);
  });

  it('refuses a long string inside a kept object, a skipped value or a key, naming where it starts', async () => {
    const long = 'x'.repeat(40);
    const cases: [string, number][] = [
      [`{"items": [{"a": "${long}"}]}`, 18],
      [`{"other": {"deep": ["${long}"]}, "items": []}`, 21],
      [`{"items": [{"${long}": 1}]}`, 13],
      [`{"${long}": 1, "items": []}`, 2],
    ];
    for (const [doc, at] of cases) {
      // Split mid-string, so the length is counted across chunks.
      await expect(collect(chunks(doc.slice(0, 25), doc.slice(25)), 30)).rejects.toThrow(`string of more than 30 bytes starting at byte ${at}`);
      await expect(collect(chunks(doc), 40)).resolves.toBeDefined();
    }
  });

  it('does not count text outside strings', async () => {
    const values = await collect(chunks(`{"items": [${'1,'.repeat(50)}2]}`), 5);
    expect(values).toHaveLength(51);
  });
});
