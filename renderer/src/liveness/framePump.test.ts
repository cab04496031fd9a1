import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FramePump } from './framePump';
import { FRAME_LOOP } from './frameQueue';
import { LivenessSession } from './session';
import type { FaceObservation, FrameObservation } from './types';
import { face, frame, jitter } from './testkit';

const FRAME_MS = 1000 / 30;
/** A stall during which fewer frames arrive than may wait, and one during which 1.6 times as many do. */
const SHORT_STALL_MS = (FRAME_LOOP.maxWaiting - 4) * FRAME_MS;
const LONG_STALL_MS = 1.6 * FRAME_LOOP.maxWaiting * FRAME_MS;

/**
 * A 30 fps camera feeding a pump whose engine (like the worker) analyses one frame at a time and
 * takes `costMs(t)` for the frame captured at t. Simulated time (fake timers): returns the capture
 * times of the frames whose results reached the page, in the order they came.
 */
async function simulate(opts: { frames: number; costMs: (t: number) => number; maxInFlight?: number; onResult?: (t: number) => void; keepEveryFrame?: boolean }): Promise<{ analysed: number[]; dropped: number; released: number[] }> {
  const analysed: number[] = [];
  const released: number[] = [];
  let busyUntil = 0;
  const pump = new FramePump<number, number>({
    ...(opts.keepEveryFrame ? { maxWaiting: Infinity, maxBacklogMs: Infinity } : {}),
    maxInFlight: opts.maxInFlight ?? 2,
    analyze: (t) => {
      busyUntil = Math.max(Date.now(), busyUntil) + opts.costMs(t);
      const done = busyUntil;
      return new Promise((resolve) => setTimeout(() => resolve(t), done - Date.now()));
    },
    onResult: (t) => {
      analysed.push(t);
      opts.onResult?.(t);
    },
    release: (t) => released.push(t),
  });
  for (let i = 0; i < opts.frames; i++) setTimeout(() => pump.push(i * FRAME_MS, i * FRAME_MS), i * FRAME_MS);
  await vi.advanceTimersByTimeAsync(opts.frames * FRAME_MS + 60_000);
  return { analysed, dropped: pump.dropped, released };
}

/** The largest step, in camera frames, between consecutive analysed frames. */
function maxGapInFrames(analysed: number[]): number {
  return Math.max(...analysed.slice(1).map((t, i) => Math.round((t - (analysed[i] ?? 0)) / FRAME_MS)));
}

describe('FramePump (camera frames to the face engine)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeping every frame (a recorded clip as the camera): an engine four times slower than the camera still sees every frame, in order', async () => {
    const r = await simulate({ frames: 300, costMs: () => 4 * FRAME_MS, keepEveryFrame: true });
    expect(r.dropped).toBe(0);
    expect(r.released).toEqual([]);
    expect(r.analysed).toEqual(Array.from({ length: 300 }, (_, i) => i * FRAME_MS));
  });

  it('a live camera under the same overload is thinned (the contrast)', async () => {
    const r = await simulate({ frames: 300, costMs: () => 4 * FRAME_MS });
    expect(r.dropped).toBeGreaterThan(0);
  });


  it('analyses every frame, in capture order, through a stall shorter than the queue', async () => {
    // 20 ms a frame, but one frame takes ~870 ms (another process took the CPU).
    const { analysed, dropped } = await simulate({ frames: 90, costMs: (t) => (Math.abs(t - 1000) < 1 ? SHORT_STALL_MS : 20) });
    expect(dropped).toBe(0);
    expect(analysed).toEqual(Array.from({ length: 90 }, (_, i) => i * FRAME_MS));
  });

  it('through a longer stall (more frames than may wait), thins the waiting frames evenly: never two neighbours lost', async () => {
    const { analysed, dropped } = await simulate({ frames: 150, costMs: (t) => (Math.abs(t - 1000) < 1 ? LONG_STALL_MS : 20) });
    expect(dropped).toBeGreaterThan(0);
    expect(maxGapInFrames(analysed)).toBeLessThanOrEqual(2);
  });

  it('when analysis stays slower than the camera, the backlog is bounded and no two frames in a row are lost', async () => {
    // 50 ms a frame against 33 ms between frames, for 10 s.
    const { analysed, dropped, released } = await simulate({ frames: 300, costMs: () => 50 });
    expect(dropped).toBeGreaterThan(50);
    expect(released).toHaveLength(dropped);
    expect(maxGapInFrames(analysed)).toBeLessThanOrEqual(2);
    expect([...analysed].sort((a, b) => a - b)).toEqual(analysed);
  });

  it('frees what is still waiting when stopped, and every frame pushed after', () => {
    const released: number[] = [];
    const pump = new FramePump<number, number>({ maxInFlight: 1, analyze: () => new Promise(() => undefined), onResult: () => undefined, release: (t) => released.push(t) });
    [0, 33, 66].forEach((t) => pump.push(t, t));
    pump.stop();
    pump.push(99, 99);
    expect(released).toEqual([33, 66, 99]);
  });

  it('a slow CPU: a two-frame blink during a long analysis stall still passes the session, whose clock is capture time', async () => {
    const seed = 2; // blink first
    const plan = new LivenessSession(seed).challengePlan;
    expect(plan[0]?.kind).toBe('blink');
    const session = new LivenessSession(seed);
    // The citizen blinks (eyes closed for two frames, ~67 ms) 600 ms after the prompt can have appeared.
    let blinkAt = Infinity;
    const subject = (t: number): FaceObservation => {
      const f = jitter(t, face());
      return t >= blinkAt && t < blinkAt + 2 * FRAME_MS ? { ...f, blinkL: 0.8, blinkR: 0.8 } : f;
    };
    const frames = new Map<number, FrameObservation>();
    const observe = (t: number) => frames.get(t) ?? frames.set(t, frame(t, subject(t))).get(t);
    await simulate({
      frames: 240,
      // The engine stalls (1.6 s) on the frame just before the blink: frames wait, thinned evenly.
      costMs: (t) => (t >= blinkAt - 2 * FRAME_MS && t < blinkAt - FRAME_MS ? LONG_STALL_MS : 25),
      onResult: (t) => {
        const s = session.push(observe(t)!);
        if (s.challenge?.step.status === 'active' && blinkAt === Infinity) blinkAt = Math.ceil((t + 600) / FRAME_MS) * FRAME_MS;
      },
    });
    expect(blinkAt).toBeLessThan(Infinity);
    // (The subject then ignores the turn prompts, so the session later fails on those: not our concern here.)
    const events = session.evidenceJson().events.filter((e) => e.type.startsWith('challenge_') && e.type !== 'challenge_start');
    expect(events[0]).toMatchObject({ type: 'challenge_pass', detail: 'blink' });
  });
});
