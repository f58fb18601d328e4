/** Progress bars on long work, written to stderr (stdout stays clean for --json and pipes). */
import cliProgress from 'cli-progress';

export interface Bar { update(value: number, total: number): void; stop(): void }

export function progressBar(label: string, quiet: boolean): Bar {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(value, total) {
      if (!started) { bar.start(total, value); started = true; }
      bar.setTotal(total);
      bar.update(value);
    },
    stop() { if (started) bar.stop(); },
  };
}

/** Shows a bar for one step whose progress is not observable in parts (bytes sent, then done). */
export async function withProgress<T>(label: string, bytes: number, quiet: boolean, fn: () => Promise<T>): Promise<T> {
  const bar = progressBar(`${label} (${(bytes / 1024).toFixed(1)} KiB)`, quiet);
  bar.update(0, 1);
  try {
    return await fn();
  } finally {
    bar.update(1, 1);
    bar.stop();
  }
}
