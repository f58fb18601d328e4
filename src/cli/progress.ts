/** Progress bars on long work, written to stderr (stdout stays clean for --json and pipes). */
import cliProgress from 'cli-progress';

export interface Bar { update(value: number, total: number, extra?: { findings: number }): void; stop(): void }

export function progressBar(label: string, quiet: boolean, unit: 'items' | 'bytes' = 'items'): Bar {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const format = unit === 'bytes'
    ? `${label} [{bar}] {percentage}% | {mb} of {totalMb} MB | {findings} findings`
    : `${label} [{bar}] {percentage}% | {value}/{total}`;
  const bar = new cliProgress.SingleBar({ format, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(value, total, extra) {
      const payload = { findings: extra?.findings ?? 0, mb: (value / 1e6).toFixed(1), totalMb: (total / 1e6).toFixed(1) };
      if (!started) { bar.start(total, value, payload); started = true; }
      bar.setTotal(total);
      bar.update(value, payload);
    },
    stop() { if (started) bar.stop(); },
  };
}

/** A one-line status on stderr for a single step with no parts to count (a TTY only). */
export async function withStatus<T>(label: string, quiet: boolean, fn: () => Promise<T>): Promise<T> {
  const show = !quiet && process.stderr.isTTY;
  if (show) process.stderr.write(`${label}…`);
  try {
    return await fn();
  } finally {
    if (show) process.stderr.write('\r\x1b[K');
  }
}
