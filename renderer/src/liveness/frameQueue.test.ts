import { describe, expect, it } from 'vitest';
import { FrameClock, FrameQueue } from './frameQueue';

describe('FrameClock (the session clock is the frames\' capture time)', () => {
  it('keeps the capture spacing of frames that reach the page late or in a burst', () => {
    const clock = new FrameClock();
    // Captured 33 ms apart (µs-based timestamps in ms), but a busy page receives them together.
    const ts = [90_000, 90_033.3, 90_066.7, 90_100].map((capture, i) => clock.toPageTime(capture, i === 0 ? 500 : 620));
    expect(ts[0]).toBe(500);
    expect(ts.map((t) => Math.round(t - 500))).toEqual([0, 33, 67, 100]);
  });
  it('stays strictly increasing, and re-anchors on a new stream (timestamps going back or jumping)', () => {
    const clock = new FrameClock();
    const a = clock.toPageTime(1000, 10);
    const b = clock.toPageTime(1000, 40); // a repeated timestamp
    const c = clock.toPageTime(5, 80); // a restarted camera
    const d = clock.toPageTime(38, 120);
    const e = clock.toPageTime(1e9, 200); // an absurd jump
    expect(b).toBeGreaterThan(a);
    expect(c).toBe(80);
    expect(d - c).toBeCloseTo(33, 6);
    expect(e).toBe(200);
  });
  it('falls back to the arrival time when a frame has no timestamp', () => {
    const clock = new FrameClock();
    expect(clock.toPageTime(NaN, 250)).toBe(250);
  });
});

describe('FrameQueue (frames waiting for the engine)', () => {
  it('keeps frames in order; beyond the age bound the oldest go', () => {
    const q = new FrameQueue<number>(100, 100);
    const dropped: number[] = [];
    for (let i = 0; i <= 6; i++) dropped.push(...q.push(i * 25, i));
    // 0..150 ms waiting: frames more than 100 ms older than the newest go.
    expect(dropped).toEqual([0, 1]);
    expect(q.dropped).toBe(2);
    expect([q.shift()?.item, q.shift()?.item]).toEqual([2, 3]);
    expect(q.clear()).toEqual([4, 5, 6]);
    expect(q.length).toBe(0);
  });
  it('beyond maxWaiting frames, thins where frames are densest: never the newest, never a whole stretch', () => {
    const q = new FrameQueue<number>(4, 10_000);
    q.push(0, 0);
    expect(q.shift()?.item).toBe(0);
    for (let i = 1; i <= 8; i++) q.push(i, i);
    const kept = q.clear();
    expect(kept).toHaveLength(4);
    expect(kept[kept.length - 1]).toBe(8);
    const gaps = kept.map((t, i) => t - (i ? (kept[i - 1] ?? 0) : 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3);
  });
});
