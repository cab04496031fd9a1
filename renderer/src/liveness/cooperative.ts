// A simulated cooperative citizen, closed loop with the real LivenessSession: sees each prompt a
// display lag after the analysed frame that raised it, reacts after a human reaction time, performs
// the asked action with a natural profile (turn or tip the head, blink, open the mouth) and comes
// back to rest; blinks spontaneously meanwhile; the camera's frame times jitter. Pure and seeded:
// the time-to-verdict figures come from sim.figures.test.ts.
import { LivenessSession } from './session';
import type { ChallengeKind } from './challenges';
import type { FaceObservation, FrameObservation } from './types';
import type { Rng } from './rng';

export interface CooperativeOptions {
  fps: number;
  /** Reaction time range, ms after the prompt is visible. */
  reactionMs: [number, number];
  /** Prompt shown this long after the frame that raised it (analysis + rendering). */
  displayLagMs: number;
  /** Give up (no verdict) after this long. */
  maxMs: number;
}

export const COOPERATIVE: CooperativeOptions = { fps: 15, reactionMs: [300, 900], displayLagMs: 100, maxMs: 15000 };

interface Act {
  kind: ChallengeKind;
  at: number;
  amp: number;
  /** Rise, hold and fall times, ms. */
  rise: number;
  hold: number;
  fall: number;
}

/** 0..1..0 envelope of an action at time t (smooth rise, hold, smooth fall). */
function envelope(a: Act, t: number): number {
  const x = t - a.at;
  if (x <= 0) return 0;
  const smooth = (u: number) => (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, u)))) / 2;
  if (x < a.rise) return smooth(x / a.rise);
  if (x < a.rise + a.hold) return 1;
  return 1 - smooth((x - a.rise - a.hold) / a.fall);
}

export function face(t: number, acts: readonly Act[], restYaw: number, restPitch: number, template: FaceObservation): FaceObservation {
  let yaw = restYaw + Math.sin(t / 410) * 0.8;
  let pitch = restPitch + Math.sin(t / 530) * 0.6;
  let blink = 0.06 + Math.abs(Math.sin(t / 170)) * 0.02;
  let jaw = 0.03;
  for (const a of acts) {
    const e = envelope(a, t);
    if (e === 0) continue;
    if (a.kind === 'turnLeft') yaw += a.amp * e;
    else if (a.kind === 'turnRight') yaw -= a.amp * e;
    else if (a.kind === 'lookUp') pitch -= a.amp * e;
    else if (a.kind === 'lookDown') pitch += a.amp * e;
    else if (a.kind === 'blink') blink = Math.max(blink, a.amp * e);
    else jaw = Math.max(jaw, a.amp * e);
  }
  return { ...template, yaw, pitch, blinkL: blink, blinkR: blink * 0.95, jawOpen: jaw, lipGap: jaw * 0.5 };
}

function actFor(kind: ChallengeKind, at: number, rng: Rng): Act {
  const u = (a: number, b: number) => a + rng() * (b - a);
  if (kind === 'blink') return { kind, at, amp: u(0.6, 0.95), rise: u(50, 100), hold: u(0, 60), fall: u(80, 160) };
  if (kind === 'openMouth') return { kind, at, amp: u(0.55, 0.85), rise: u(150, 300), hold: u(300, 600), fall: u(200, 300) };
  const head = kind === 'turnLeft' || kind === 'turnRight';
  return { kind, at, amp: head ? u(15, 30) : u(13, 25), rise: u(200, 400), hold: u(200, 500), fall: u(250, 450) };
}

export interface CooperativeOutcome {
  pass: boolean;
  reason: string | null;
  /** First face -> verdict (simulated clock), ms. */
  ms: number | null;
  steps: number;
}

/** One cooperative session with challenge seed `seed`; `rng` draws the person's behaviour. */
export function cooperativeRun(seed: number, rng: Rng, template: FaceObservation, opts: CooperativeOptions = COOPERATIVE): CooperativeOutcome {
  const s = new LivenessSession(seed);
  const acts: Act[] = [];
  const restYaw = (rng() - 0.5) * 8;
  const restPitch = (rng() - 0.5) * 8;
  let nextBlink = 1500 + rng() * 3000;
  let prompted = -1;
  const period = 1000 / opts.fps;
  let t = rng() * period;
  let sig = 0;
  while (t < opts.maxMs) {
    if (t >= nextBlink) {
      acts.push(actFor('blink', t, rng));
      nextBlink = t + 2000 + rng() * 4000;
    }
    sig++;
    const f: FrameObservation = { t, width: 640, height: 480, faceCount: 1, face: face(t, acts, restYaw, restPitch, template), frameDiff: 2, signature: `c${sig}`, inferMs: 20 };
    const st = s.push(f);
    if (st.verdict.status !== 'pending') {
      return { pass: st.verdict.status === 'pass', reason: st.verdict.status === 'fail' ? st.verdict.reason : null, ms: t, steps: s.challengePlan.length };
    }
    const c = st.challenge;
    if (c && c.step.status === 'active' && c.index !== prompted) {
      prompted = c.index;
      const [lo, hi] = opts.reactionMs;
      acts.push(actFor(c.kind, t + opts.displayLagMs + lo + rng() * (hi - lo), rng));
    }
    t += period * (0.85 + rng() * 0.3);
  }
  return { pass: false, reason: 'no_verdict', ms: null, steps: s.challengePlan.length };
}
