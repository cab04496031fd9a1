import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('coalesce', () => {
  it('runs the first call at once, merges a burst into one trailing run, never drops the last call', () => {
    const runs: number[] = [];
    const tell = coalesce(() => runs.push(Date.now()), 250);
    const t0 = Date.now();
    tell();
    expect(runs).toEqual([t0]);
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(5);
      tell();
    }
    // 200 ms of calls: one run pending at the end of the window.
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(50);
    expect(runs).toEqual([t0, t0 + 250]);
    // Quiet long enough: the next call runs at once again.
    vi.advanceTimersByTime(1_000);
    tell();
    expect(runs).toHaveLength(3);
    expect(runs[2]).toBe(t0 + 1_250);
  });

  it('a steady stream of calls runs at most once per window', () => {
    let n = 0;
    const tell = coalesce(() => n++, 250);
    for (let i = 0; i < 1_000; i++) {
      tell();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(250);
    expect(n).toBeLessThanOrEqual(10_000 / 250 + 1);
    expect(n).toBeGreaterThanOrEqual(10_000 / 250);
  });
});
