// Active liveness challenges: blink, turn left, turn right, in a random order with random pauses,
// each with a timeout. Thresholds are relative to the person's own baseline (their resting yaw and
// resting blink score), so a slightly turned resting head or naturally narrow eyes are not penalised.
// "Left" is the CITIZEN's left: yaw grows positive when the nose moves to the image right of the
// unmirrored frame, which is the subject's left (and the left side of the mirrored preview).
import type { FaceObservation } from './types';
import { shuffle, type Rng } from './rng';

export type ChallengeKind = 'blink' | 'turnLeft' | 'turnRight';

export interface ChallengePlan {
  kind: ChallengeKind;
  /** Pause before the prompt appears. */
  delayMs: number;
  timeoutMs: number;
}

export interface Baseline {
  yaw: number;
  blink: number;
}

export const CHALLENGE = {
  turnDeg: 10,
  /** A turn the wrong way by this much fails the challenge: a replayed clip cannot follow orders. */
  wrongTurnDeg: 10,
  blinkMin: 0.4,
  blinkRise: 0.25,
  blinkReopen: 0.12,
  holdFrames: 2,
  /** "Neutral": eyes open (blink) or within this many degrees of the baseline yaw (turns). Actions count only after
   *  a neutral frame seen once the prompt is up, so movement already under way (a replayed clip,
   *  or a citizen still coming back from the previous turn) neither passes nor fails a challenge. */
  neutralDeg: 6,
  blinkNeutralDeg: 12,
  minDelayMs: 300,
  maxDelayMs: 1200,
  timeoutMs: 4000,
} as const;

export function planChallenges(rng: Rng): ChallengePlan[] {
  return shuffle<ChallengeKind>(['blink', 'turnLeft', 'turnRight'], rng).map((kind) => ({
    kind,
    delayMs: Math.round(CHALLENGE.minDelayMs + rng() * (CHALLENGE.maxDelayMs - CHALLENGE.minDelayMs)),
    timeoutMs: CHALLENGE.timeoutMs,
  }));
}

export type ChallengeStatus = 'waiting' | 'active' | 'passed' | 'failed';

export interface ChallengeStep {
  status: ChallengeStatus;
  /** 0..1 progress towards the goal, for the UI. */
  progress: number;
  failure: 'timeout' | 'wrong_direction' | null;
}

/** Tracks one challenge from its pause to a result. Call `push` with every frame. */
export class ChallengeTracker {
  private startedAt: number | null = null;
  private held = 0;
  private closed = false;
  private armed = false;
  private result: ChallengeStep = { status: 'waiting', progress: 0, failure: null };

  constructor(readonly plan: ChallengePlan, private readonly base: Baseline, private readonly createdAt: number) {}

  /** When the prompt became active (null while still pausing). */
  get activeSince(): number | null {
    return this.startedAt;
  }

  push(t: number, face: FaceObservation | null): ChallengeStep {
    if (this.result.status === 'passed' || this.result.status === 'failed') return this.result;
    if (this.startedAt === null) {
      if (t - this.createdAt < this.plan.delayMs) return this.result;
      this.startedAt = t;
      this.result = { status: 'active', progress: 0, failure: null };
    }
    if (t - this.startedAt > this.plan.timeoutMs) return (this.result = { status: 'failed', progress: this.result.progress, failure: 'timeout' });
    if (!face) return this.result;
    if (!this.armed) {
      const b = (face.blinkL + face.blinkR) / 2;
      const dy = Math.abs(face.yaw - this.base.yaw);
      this.armed = this.plan.kind === 'blink'
        ? dy <= CHALLENGE.blinkNeutralDeg && b < Math.max(CHALLENGE.blinkMin, this.base.blink + CHALLENGE.blinkRise) * 0.6
        : dy <= CHALLENGE.neutralDeg;
      if (!this.armed) return this.result;
    }
    return (this.result = this.plan.kind === 'blink' ? this.blink(face) : this.turn(face, this.plan.kind === 'turnLeft' ? 1 : -1));
  }

  private blink(face: FaceObservation): ChallengeStep {
    const b = (face.blinkL + face.blinkR) / 2;
    const closeAt = Math.max(CHALLENGE.blinkMin, this.base.blink + CHALLENGE.blinkRise);
    if (!this.closed && b >= closeAt) this.closed = true;
    if (this.closed && b <= Math.max(this.base.blink + CHALLENGE.blinkReopen, closeAt * 0.8)) return { status: 'passed', progress: 1, failure: null };
    return { status: 'active', progress: this.closed ? 0.7 : Math.min(0.6, Math.max(0, (b - this.base.blink) / (closeAt - this.base.blink)) * 0.6), failure: null };
  }

  private turn(face: FaceObservation, sign: 1 | -1): ChallengeStep {
    const d = (face.yaw - this.base.yaw) * sign;
    if (d <= -CHALLENGE.wrongTurnDeg) return { status: 'failed', progress: 0, failure: 'wrong_direction' };
    this.held = d >= CHALLENGE.turnDeg ? this.held + 1 : 0;
    if (this.held >= CHALLENGE.holdFrames) return { status: 'passed', progress: 1, failure: null };
    return { status: 'active', progress: Math.min(0.95, Math.max(0, d / CHALLENGE.turnDeg)), failure: null };
  }
}
