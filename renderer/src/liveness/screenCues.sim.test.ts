// What the screen cues do to a screen replay that the challenges alone let through: the recorded
// landmark sequences of the shared clips replayed as a screen would present them (any start phase,
// looped, landmark noise, never an exact repeat: sim.ts), over many random challenge seeds, once with
// no cue values (the frames as recorded, before the cues existed) and once with the per-frame cue
// values measured through the real pipeline on the pad:media screen replays with camera noise
// (docs/pad-eval.md: periodic 8.8–11.0, bezel 1.0 with a bezel in view, 0–0.73 without).
import { describe, expect, it } from 'vitest';
import { looped, runSession, withNoise } from './sim';
import { seededRng, type Rng } from './rng';
import { recorded } from './testkit';
import { PassiveMonitor } from './passive';
import type { FrameObservation, ScreenCues } from './types';

const SEEDS = 400;

function withCues(frames: FrameObservation[], rng: Rng, cue: (rng: Rng) => Omit<ScreenCues, 'ms'>): FrameObservation[] {
  return frames.map((f) => (f.face ? { ...f, face: { ...f.face, cues: { ...cue(rng), ms: 1 } } } : f));
}

const screenWithBezel = (rng: Rng) => ({ periodic: 8.8 + 2.2 * rng(), bezel: 1 });
const screenClose = (rng: Rng) => ({ periodic: 8.8 + 2.2 * rng(), bezel: 0.73 * rng() });

describe('screen replays simulated over recorded landmarks', () => {
  it('the cues reject every replay the challenges accepted, for any seed and start phase', () => {
    const rng = seededRng(20261130);
    const counts = { none: 0, withBezel: 0, close: 0, runs: 0 };
    for (const clip of ['d12', 'd3', 'hill'] as const) {
      const frames = recorded(clip).filter((f) => f.t < 7000);
      for (let i = 0; i < SEEDS; i++) {
        const seed = Math.floor(rng() * 2 ** 32);
        const replay = withNoise(looped(frames, rng() * 7000, 14000, 7000), rng);
        counts.runs++;
        if (runSession(seed, replay).pass) counts.none++;
        if (runSession(seed, withCues(replay, rng, screenWithBezel)).pass) counts.withBezel++;
        if (runSession(seed, withCues(replay, rng, screenClose)).pass) counts.close++;
      }
    }
    console.log(JSON.stringify({ simulatedReplays: counts }));
    expect(counts.withBezel).toBe(0);
    expect(counts.close).toBe(0);
  }, 180_000);
  it('live cue values (as measured on the bona fide clips and their variants) never fire over a whole clip', () => {
    const rng = seededRng(5);
    const live = (r: Rng) => ({ periodic: 3.2 + 1.6 * r(), bezel: 0.5 * r() });
    for (const clip of ['d12', 'd3', 'hill'] as const) {
      const m = new PassiveMonitor();
      const scores = withCues(recorded(clip).filter((f) => f.t < 7000), rng, live).map((f) => m.push(f).screen);
      expect(Math.max(...scores), clip).toBeLessThan(1);
    }
  });
});
