/** Reads the first bytes of a stream (to detect its format) without losing them. */
export async function peekHead(
  source: AsyncIterable<Uint8Array>, bytes = 64 * 1024, readAhead = bytes,
): Promise<{ head: string; source: AsyncIterable<Uint8Array>; ended: boolean }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  // Read until the head is whole and `readAhead` bytes are held, or the stream ends.
  while (size < Math.max(bytes, readAhead)) {
    const next = await iterator.next();
    if (next.done) { done = true; break; }
    seen.push(next.value);
    size += next.value.byteLength;
  }
  const head = new TextDecoder('utf-8').decode(Buffer.concat(seen.slice(0, headChunks(seen, bytes))).subarray(0, bytes));
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen.splice(0);
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, source: replay(), ended: done };
}

/** How many of the first chunks hold the first `bytes` bytes. */
function headChunks(chunks: Uint8Array[], bytes: number): number {
  if (bytes <= 0) return 0;
  let size = 0;
  for (let i = 0; i < chunks.length; i++) {
    size += chunks[i]!.byteLength;
    if (size >= bytes) return i + 1;
  }
  return chunks.length;
}
