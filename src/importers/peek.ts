/** Reads the first bytes of a stream (to detect its format) without losing them. */
export async function peekHead(
  source: AsyncIterable<Uint8Array>, bytes = 64 * 1024,
): Promise<{ head: string; source: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) { done = true; break; }
    seen.push(next.value);
    size += next.value.byteLength;
  }
  const head = new TextDecoder('utf-8').decode(Buffer.concat(seen).subarray(0, bytes));
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, source: replay() };
}
