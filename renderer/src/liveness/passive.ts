// Passive presentation-attack signals that reject without any challenge:
// - frozen_frame: the camera delivers the same picture for a second or more (a still injected
//   as a video, a paused replay). Real sensors always add noise between frames.
// - replay_loop: changing frames whose exact signature was already seen well before: a looped clip.
//   A live camera never reproduces a moving frame bit-for-bit.
// - no_micro_motion: a face with no measurable non-rigid or rigid motion for a window: a photo.
// - screen_presentation: image evidence of a display or a paper in front of the camera (screenCues.ts),
//   combined into one passive score over a window of face frames.
import type { FrameObservation } from './types';

export type PassiveReason = 'frozen_frame' | 'replay_loop' | 'no_micro_motion' | 'screen_presentation';

/** The screen/print cues the passive score can use. */
export type ScreenCueName = 'periodic' | 'bezel';

/**
 * Each cue's per-frame value over its threshold, the median over the last `window` face frames:
 * the passive score is the largest of the enabled cues'; at 1 or more the session is rejected.
 */
export const SCREEN = {
  window: 15,
  periodicMin: 7,
  bezelMin: 0.9,
} as const;

/** The cues that earned their place on the held-out media (docs/pad-eval.md): used by default. */
export const KEPT_CUES: readonly ScreenCueName[] = ['periodic', 'bezel'];

export const PASSIVE = {
  /** Thumbnail mean abs difference below which two frames count as identical (a camera never repeats its noise). */
  stillDiff: 0.02,
  frozenMs: 1000,
  loopMinAgeMs: 400,
  /** Among the last `loopWindow` changing frames, this many were exact repeats of older frames. */
  loopWindow: 12,
  loopRun: 5,
  motionWindowMs: 1500,
  poseStdMin: 0.12,
  posStdMin: 0.25,
  blendRangeMin: 0.03,
} as const;

interface Sample {
  t: number;
  yaw: number;
  pitch: number;
  x: number;
  y: number;
  blink: number;
  jaw: number;
}

export interface PassiveState {
  reason: PassiveReason | null;
  motion: number;
  frozenMs: number;
  loopRun: number;
  /** The combined screen/print score (>= 1 rejects) and the cue behind it. */
  screen: number;
  screenCue: ScreenCueName | null;
}

export interface PassiveOptions {
  /** Which screen/print cues count (default KEPT_CUES; [] for none). */
  cues?: readonly ScreenCueName[];
}

export class PassiveMonitor {
  private seen = new Map<string, number>();
  private frozenSince: number | null = null;
  private recent: boolean[] = [];
  private window: Sample[] = [];
  private reason: PassiveReason | null = null;
  private lastMotion = 1;
  private cueWindow: Record<ScreenCueName, number>[] = [];
  private readonly cues: readonly ScreenCueName[];
  private screen = { score: 0, cue: null as ScreenCueName | null };

  constructor(opts: PassiveOptions = {}) {
    this.cues = opts.cues ?? KEPT_CUES;
  }

  push(f: FrameObservation): PassiveState {
    if (f.frameDiff < PASSIVE.stillDiff) this.frozenSince ??= f.t;
    else this.frozenSince = null;
    const frozenMs = this.frozenSince === null ? 0 : f.t - this.frozenSince;
    if (frozenMs >= PASSIVE.frozenMs) this.reason ??= 'frozen_frame';

    // The pipeline samples a subset of camera frames, so a second pass through a looped clip
    // repeats only some of the sampled frames: count repeats in a window, not a strict run.
    const firstSeen = this.seen.get(f.signature);
    if (f.frameDiff >= PASSIVE.stillDiff) {
      this.recent.push(firstSeen !== undefined && f.t - firstSeen >= PASSIVE.loopMinAgeMs);
      if (this.recent.length > PASSIVE.loopWindow) this.recent.shift();
    }
    if (firstSeen === undefined) this.seen.set(f.signature, f.t);
    const loopRun = this.recent.filter(Boolean).length;
    if (loopRun >= PASSIVE.loopRun) this.reason ??= 'replay_loop';

    if (f.face) {
      const c = f.face;
      this.window.push({
        t: f.t, yaw: c.yaw, pitch: c.pitch, x: (c.eyeLeft[0] + c.eyeRight[0]) / 2, y: (c.eyeLeft[1] + c.eyeRight[1]) / 2,
        blink: (c.blinkL + c.blinkR) / 2, jaw: c.jawOpen,
      });
      while (this.window.length > 0 && f.t - (this.window[0]?.t ?? f.t) > PASSIVE.motionWindowMs) this.window.shift();
      const span = f.t - (this.window[0]?.t ?? f.t);
      if (span >= PASSIVE.motionWindowMs * 0.95 && this.window.length >= 10) {
        this.lastMotion = motionScore(this.window);
        if (this.lastMotion < 1) this.reason ??= 'no_micro_motion';
      }
      if (c.cues) this.pushCues({ periodic: c.cues.periodic, bezel: c.cues.bezel });
    } else {
      this.window = [];
    }
    return { reason: this.reason, motion: this.lastMotion, frozenMs, loopRun, screen: this.screen.score, screenCue: this.screen.cue };
  }

  private pushCues(v: Record<ScreenCueName, number>): void {
    this.cueWindow.push(v);
    if (this.cueWindow.length > SCREEN.window) this.cueWindow.shift();
    if (this.cueWindow.length < SCREEN.window) return;
    this.screen = screenScore(this.cueWindow, this.cues);
    if (this.screen.score >= 1) this.reason ??= 'screen_presentation';
  }
}

const CUE_MIN: Record<ScreenCueName, number> = { periodic: SCREEN.periodicMin, bezel: SCREEN.bezelMin };

/** The passive screen score of a window of per-frame cue values: max over cues of median / threshold. */
export function screenScore(w: readonly Record<ScreenCueName, number>[], cues: readonly ScreenCueName[]): { score: number; cue: ScreenCueName | null } {
  let best = { score: 0, cue: null as ScreenCueName | null };
  for (const cue of cues) {
    const s = w.map((x) => x[cue]).sort((a, b) => a - b);
    const score = (s[s.length >> 1] ?? 0) / CUE_MIN[cue];
    if (score > best.score) best = { score: Math.round(score * 1000) / 1000, cue };
  }
  return best;
}

/** >= 1 when any motion channel clears its floor: the maximum of each channel over its floor. */
export function motionScore(w: readonly Sample[]): number {
  const std = (k: keyof Sample) => {
    const vs = w.map((s) => s[k]);
    const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
    return Math.sqrt(vs.reduce((a, b) => a + (b - mean) ** 2, 0) / vs.length);
  };
  const range = (k: keyof Sample) => Math.max(...w.map((s) => s[k])) - Math.min(...w.map((s) => s[k]));
  return Math.max(
    Math.max(std('yaw'), std('pitch')) / PASSIVE.poseStdMin,
    Math.max(std('x'), std('y')) / PASSIVE.posStdMin,
    Math.max(range('blink'), range('jaw')) / PASSIVE.blendRangeMin,
  );
}
