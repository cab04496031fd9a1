import { describe, expect, it } from 'vitest';
import { FRAME_LOOP, FrameClock, FrameQueue } from './frameQueue';

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
  it('never lets timestamps that run slower than real time stretch the session (a virtual camera buying time)', () => {
    const clock = new FrameClock();
    // Frames arrive every 33 ms of real time but are stamped 8 ms apart: a quarter speed clock.
    // Unchecked, a 1.5 s reaction window would last 6 s of real time.
    const ts = Array.from({ length: 300 }, (_, i) => clock.toPageTime(i * 8.25, 1000 + i * 33));
    const real = 299 * 33;
    const session = (ts[299] ?? 0) - (ts[0] ?? 0);
    expect(real - session).toBeLessThanOrEqual(FRAME_LOOP.maxLagMs);
    // Past the bound, the session's clock advances with real time.
    expect((ts[299] ?? 0) - (ts[200] ?? 0)).toBeCloseTo(99 * 33, 6);
    expect(clock.clamped).toBeGreaterThan(0);
  });
  it('leaves a camera whose frames reach the page up to a few hundred ms late alone', () => {
    const clock = new FrameClock();
    // Captured every 33 ms; a stall delays the reader by up to 400 ms, then it catches up.
    const lateBy = (i: number) => (i >= 50 && i < 62 ? (i - 49) * 33 : 0);
    const ts = Array.from({ length: 120 }, (_, i) => clock.toPageTime(i * 33, 1000 + i * 33 + lateBy(i)));
    expect(ts.map((t, i) => Math.round(t - 1000 - i * 33))).toEqual(Array.from({ length: 120 }, () => 0));
    expect(clock.clamped).toBe(0);
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
