/**
 * Checkpoints for the embedded engine, in the background. PGlite runs PostgreSQL in single-user
 * mode: there is no checkpointer or background writer, so pages dirtied by one piece of work
 * (an import, a VACUUM) stay dirty in shared buffers until a later statement needs their buffers
 * and writes them back itself. A bulk triage of 10,000 findings right after a bulk load wrote
 * ~8,700 such pages and took 2.2 s instead of ~1.2 s (measured, bench/remediation.ts).
 *
 * So a while after a write, the store issues CHECKPOINT, as PostgreSQL's checkpointer would:
 * at most one per `delayMs` while writes go on, none while nothing is written. It queues behind
 * the statement running at the time, like any query on PGlite's single connection.
 */
export interface BackgroundCheckpoints {
  /** Something was written: a checkpoint follows within the delay. */
  wrote(): void;
  /** No more checkpoints; resolves once one running has ended. */
  stop(): Promise<void>;
}

export function backgroundCheckpoints(checkpoint: () => Promise<unknown>, delayMs: number): BackgroundCheckpoints {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  return {
    wrote() {
      if (stopped || timer) return;
      timer = setTimeout(() => {
        timer = null;
        // A failed checkpoint is retried after the next write; the engine's own checkpoints still run.
        running = checkpoint().catch(() => undefined).finally(() => { running = null; });
      }, delayMs);
      timer.unref(); // never keeps the process alive
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
