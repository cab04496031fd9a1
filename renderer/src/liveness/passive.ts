// Passive presentation-attack signals that reject without any challenge:
// - frozen_frame: the camera delivers the same picture for a second or more (a still injected
//   as a video, a paused replay). Real sensors always add noise between frames.
// - replay_loop: changing frames whose exact signature was already seen well before: a looped clip.
//   A live camera never reproduces a moving frame bit-for-bit.
// - no_micro_motion: a face with no measurable non-rigid or rigid motion for a window: a photo.
import type { FrameObservation } from './types';

export type PassiveReason = 'frozen_frame' | 'replay_loop' | 'no_micro_motion';

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
}

export class PassiveMonitor {
  private seen = new Map<string, number>();
  private frozenSince: number | null = null;
  private recent: boolean[] = [];
  private window: Sample[] = [];
  private reason: PassiveReason | null = null;
  private lastMotion = 1;

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
    } else {
      this.window = [];
    }
    return { reason: this.reason, motion: this.lastMotion, frozenMs, loopRun };
  }
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
