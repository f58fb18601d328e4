import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backgroundCheckpoints } from './pglite-checkpoints.ts';

describe('background checkpoints of the embedded engine', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('checkpoints once within the delay after writes, and not while nothing is written', async () => {
    const checkpoint = vi.fn(async () => undefined);
    const c = backgroundCheckpoints(checkpoint, 10_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(checkpoint).not.toHaveBeenCalled();
    c.wrote();
    await vi.advanceTimersByTimeAsync(5_000);
    c.wrote(); // a second write does not push the checkpoint back
    await vi.advanceTimersByTimeAsync(5_000);
    expect(checkpoint).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(checkpoint).toHaveBeenCalledTimes(1);
    c.wrote();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(checkpoint).toHaveBeenCalledTimes(2);
  });

  it('goes on after a failed checkpoint, and stops for good, waiting for one running', async () => {
    let finish!: () => void;
    const checkpoint = vi.fn()
      .mockRejectedValueOnce(new Error('disk full'))
      .mockImplementationOnce(() => new Promise<void>((resolve) => { finish = resolve; }));
    const c = backgroundCheckpoints(checkpoint, 1_000);
    c.wrote();
    await vi.advanceTimersByTimeAsync(1_000);
    c.wrote();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(checkpoint).toHaveBeenCalledTimes(2);
    let stopped = false;
    const stopping = c.stop().then(() => { stopped = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false); // the running checkpoint ends first
    finish();
    await stopping;
    c.wrote();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(checkpoint).toHaveBeenCalledTimes(2);
  });
});
