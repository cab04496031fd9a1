// Replay simulation: runs the real LivenessSession over recorded or synthetic landmark sequences, as
// an attacker's screen replay would present them (any start phase, looped, every frame fresh so the
// loop detector never helps). Pure and deterministic; the figures come from sim.figures.test.ts.
import { LivenessSession } from './session';
import type { FaceObservation, FrameObservation } from './types';
import type { Rng } from './rng';

export interface SessionOutcome {
  pass: boolean;
  reason: string | null;
  /** First face -> verdict (ms on the frames' clock), null without a verdict. */
  ms: number | null;
}

export function runSession(seed: number, frames: Iterable<FrameObservation>): SessionOutcome {
  const s = new LivenessSession(seed);
  let first: number | null = null;
  for (const f of frames) {
    if (first === null && f.face) first = f.t;
    const v = s.push(f).verdict;
    if (v.status !== 'pending') return { pass: v.status === 'pass', reason: v.status === 'fail' ? v.reason : null, ms: f.t - (first ?? f.t) };
  }
  return { pass: false, reason: 'no_verdict', ms: null };
}

let sigCounter = 0;
/** A frame as a camera filming a screen delivers it: never an exact repeat (fresh signature). */
function fresh(f: FrameObservation, t: number): FrameObservation {
  sigCounter = (sigCounter + 1) >>> 0;
  return { ...f, t, frameDiff: Math.max(f.frameDiff, 1.5), signature: `s${sigCounter.toString(16)}` };
}

/**
 * A recorded sequence played in a loop starting `phaseMs` into it, for `lengthMs`, on a new clock
 * starting at 0. `periodMs` is where the recording loops (default: its length plus one frame).
 */
export function* looped(frames: readonly FrameObservation[], phaseMs: number, lengthMs: number, periodMs?: number): Generator<FrameObservation> {
  const t0 = frames[0]?.t ?? 0;
  const inPeriod = frames.filter((f) => periodMs === undefined || f.t - t0 < periodMs);
  const last = inPeriod[inPeriod.length - 1];
  if (!last) return;
  const step = inPeriod.length > 1 ? (last.t - t0) / (inPeriod.length - 1) : 33;
  const period = periodMs ?? last.t - t0 + step;
  const phase = ((phaseMs % period) + period) % period;
  for (let lap = 0; ; lap++) {
    for (const f of inPeriod) {
      const t = lap * period + (f.t - t0) - phase;
      if (t < 0) continue;
      if (t > lengthMs) return;
      yield fresh(f, t);
    }
  }
}

/** Landmark noise as a camera re-filming a screen adds it: small pose and blendshape jitter. */
export function withNoise(frames: Iterable<FrameObservation>, rng: Rng, deg = 0.8, score = 0.03): FrameObservation[] {
  const n = () => (rng() + rng() + rng() - 1.5) * 2;
  return [...frames].map((f) => (f.face ? { ...f, face: noisyFace(f.face, n, deg, score) } : f));
}

function noisyFace(face: FaceObservation, n: () => number, deg: number, score: number): FaceObservation {
  const c = (x: number) => Math.min(1, Math.max(0, x));
  return { ...face, yaw: face.yaw + n() * deg, pitch: face.pitch + n() * deg, blinkL: c(face.blinkL + n() * score), blinkR: c(face.blinkR + n() * score), jawOpen: c(face.jawOpen + n() * score) };
}

/**
 * The recording after `ms` of its first frame held still (a slight sway, every frame fresh): the
 * e2e tests' lead-in (tests/e2e/portrait/support.ts makes the same from the video with ffmpeg).
 */
export function withLeadIn(frames: readonly FrameObservation[], ms: number, fps = 15): FrameObservation[] {
  const first = frames[0];
  if (!first?.face) return [...frames];
  const face = first.face;
  const lead: FrameObservation[] = [];
  for (let i = 0; i * (1000 / fps) < ms; i++) {
    const t = i * (1000 / fps);
    lead.push(fresh({ ...first, face: { ...face, yaw: face.yaw + Math.sin(t / 300) * 0.4, pitch: face.pitch + Math.sin(t / 200) * 0.3 } }, t));
  }
  return [...lead, ...frames.map((f) => ({ ...f, t: f.t - first.t + ms }))];
}

/** Keeps every `k`-th frame (a lower analysed frame rate), starting at frame `from`. */
export function decimate(frames: readonly FrameObservation[], k: number, from = 0): FrameObservation[] {
  return frames.filter((_, i) => i >= from && (i - from) % k === 0);
}

/** Stretches the sequence's clock by `scale` (a camera whose frames arrive late under load) and
 *  drops the first `skipMs` (the session starts later in the clip). */
export function retime(frames: readonly FrameObservation[], scale: number, skipMs = 0): FrameObservation[] {
  const t0 = (frames[0]?.t ?? 0) + skipMs;
  return frames.filter((f) => f.t >= t0).map((f) => ({ ...f, t: (f.t - t0) * scale }));
}

export interface Rate {
  n: number;
  passed: number;
  rate: number;
  /** One-sided 95 % upper bound (Clopper-Pearson; "rule of three" when nothing passed). */
  upper95: number;
}

export function rate(passed: number, n: number): Rate {
  return { n, passed, rate: n ? passed / n : 0, upper95: upperBound95(passed, n) };
}

/** Exact one-sided 95 % upper confidence bound of a binomial proportion (bisection on the CDF). */
export function upperBound95(k: number, n: number): number {
  if (n === 0) return 1;
  if (k >= n) return 1;
  let lo = k / n;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const p = (lo + hi) / 2;
    if (binomCdf(k, n, p) > 0.05) lo = p;
    else hi = p;
  }
  return hi;
}

function binomCdf(k: number, n: number, p: number): number {
  // Sum in log space: n is up to a few hundred thousand.
  let sum = 0;
  let logTerm = n * Math.log1p(-p);
  for (let i = 0; i <= k; i++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1)) + Math.log(p) - Math.log1p(-p);
  }
  return sum;
}
