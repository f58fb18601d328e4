/**
 * What to undo if the benchmark stops early (an error, or Ctrl-C): servers and child processes
 * to stop, databases to drop, generated files to delete. run.ts calls cleanUp() then.
 */
const pending = new Set<() => Promise<void>>();

/** Registers `undo`; the returned function runs it now (once) and forgets it. */
export function track(undo: () => Promise<void>): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    pending.delete(once);
    await undo();
  };
  pending.add(once);
  return once;
}

/** Runs every pending undo, newest first; failures are ignored (best effort). */
export async function cleanUp(): Promise<void> {
  for (const undo of [...pending].reverse()) await undo().catch(() => undefined);
}
