// Active liveness challenges: three actions drawn from six (blink, turn left/right, look
// up/down, open the mouth), in a random order with random pauses. Thresholds are relative to the
// person's own baseline (resting yaw, pitch, blink and jaw scores), so a slightly turned resting head
// or naturally narrow eyes are not penalised.
//
// Reaction window: a step counts only if its movement STARTS within `reactionMs` of its prompt, and
// a different head movement inside the step fails it. A recorded clip cannot wait for its moment:
// it must happen to do the asked action right after a prompt whose kind and time it cannot know.
//
// "Left" is the CITIZEN's left: yaw grows positive when the nose moves to the image right of the
// unmirrored frame, which is the subject's left (and the left side of the mirrored preview).
// Pitch grows positive when the head tips down (chin to the chest); looking up is negative.
import type { FaceObservation } from './types';
import { shuffle, type Rng } from './rng';
import { headOffsets, mouthFraction, MOTION, motionOf, type Baseline, type HeadKind, type Motion } from './motions';

export type { Baseline } from './motions';
export type ChallengeKind = 'blink' | 'turnLeft' | 'turnRight' | 'lookUp' | 'lookDown' | 'openMouth';
export const CHALLENGE_KINDS: readonly ChallengeKind[] = ['blink', 'turnLeft', 'turnRight', 'lookUp', 'lookDown', 'openMouth'];

export interface ChallengePlan {
  kind: ChallengeKind;
  /** Pause before the prompt appears. */
  delayMs: number;
  /** The movement must start within this long after the prompt. */
  reactionMs: number;
  /** ...and reach its goal within this long after the prompt. */
  timeoutMs: number;
}

export const CHALLENGE = {
  /** Steps per session (the planner draws between the two). Four steps halve a replay's chances
   *  (simulated) but add ~1.3 s for every citizen: a cooperative median of ~6 s instead of ~4.7 s. */
  minSteps: 3,
  maxSteps: 3,
  /** Pause before each prompt, counted from the frame that passed the previous step. */
  minDelayMs: 150,
  maxDelayMs: 650,
  reactionMs: 1500,
  /** A movement that starts sooner than this after the prompt is not a reaction to it (a person
   *  needs more to see and read it): it is ignored, and the step re-arms once back at rest. */
  minReactionMs: 250,
  timeoutMs: 3000,
  /** A movement has "started" once it is this far towards its goal. Before that, a step is armed
   *  (counts) only from a frame at rest after its prompt (motions.ts: neutral): movement already under
   *  way when the prompt appears neither passes nor fails it. */
  onsetFraction: 0.6,
  /** Another head movement fails a step when it reaches this multiple of its own goal: x1 in head
   *  and blink steps, x1.5 in a mouth step (people tip the head back a little to open the mouth wide). */
  wrongScaleHead: 1,
  wrongScaleBlink: 1,
  wrongScaleMouth: 1.5,
  /** Head movements during the pause before a prompt fail the step (early_move). */
  watchPause: true,
} as const;

export function planChallenges(rng: Rng): ChallengePlan[] {
  const steps = CHALLENGE.minSteps + Math.floor(rng() * (CHALLENGE.maxSteps - CHALLENGE.minSteps + 1));
  return shuffle(CHALLENGE_KINDS, rng).slice(0, steps).map((kind) => ({
    kind,
    delayMs: Math.round(CHALLENGE.minDelayMs + rng() * (CHALLENGE.maxDelayMs - CHALLENGE.minDelayMs)),
    reactionMs: CHALLENGE.reactionMs,
    timeoutMs: CHALLENGE.timeoutMs,
  }));
}

export type ChallengeStatus = 'waiting' | 'active' | 'passed' | 'failed';
/** no_reaction: nothing started within the reaction window; wrong_move: another head movement;
 *  early_move: a head movement during the pause before the prompt (other than the way back from the
 *  previous step); timeout: started in time but never reached the goal. */
export type ChallengeFailure = 'no_reaction' | 'wrong_move' | 'early_move' | 'timeout';

export interface ChallengeStep {
  status: ChallengeStatus;
  /** 0..1 progress towards the goal, for the UI. */
  progress: number;
  failure: ChallengeFailure | null;
  /** For wrong_move: the movement seen instead. */
  seen?: HeadKind | 'openMouth';
}

/** Tracks one challenge from its pause to a result. Call `push` with every frame. */
export class ChallengeTracker {
  private startedAt: number | null = null;
  /** Where the reaction window starts: the prompt's frame, or later, when the prompt was shown. */
  private windowFrom = 0;
  private onsetAt: number | null = null;
  private armed = false;
  private motion: Motion;
  private wrongHeld = 0;
  /** The previous step's movement is exempt only on its way back: once under its goal, a new
   *  excursion that way counts like any other. */
  private previousBack = false;
  private wrongKind: HeadKind | 'openMouth' | null = null;
  /** Likewise a mouth opened for the previous step (a blink step checks the mouth). */
  private mouthBack: boolean;
  private result: ChallengeStep = { status: 'waiting', progress: 0, failure: null };

  /** `previous`: the last head step passed, whose movement may still be on its way back during the
   *  pause; `afterMouth`: the step just before opened the mouth, which may still be closing. */
  constructor(readonly plan: ChallengePlan, private readonly base: Baseline, private readonly createdAt: number, private readonly previous: ChallengeKind | null = null, afterMouth = false) {
    this.motion = motionOf(plan.kind, base);
    this.mouthBack = !afterMouth;
  }

  /** When the prompt became active (null while still pausing). */
  get activeSince(): number | null {
    return this.startedAt;
  }

  /** When the asked movement started (null until it has). */
  get onset(): number | null {
    return this.onsetAt;
  }

  /** `shownAt`: with a live camera, when the state computed from this frame reaches the screen, on
   *  the same clock (page time; capture times are moved into it). A busy PC analyses frames late, so
   *  the citizen sees a prompt that much after the frame that raised it: the reaction window counts
   *  from then. Recorded clips (tests, pad:eval) omit it: a clip does not see the screen. */
  push(t: number, face: FaceObservation | null, shownAt?: number): ChallengeStep {
    if (this.result.status === 'passed' || this.result.status === 'failed') return this.result;
    if (face && !this.previousBack) this.previousBack = !headOffsets(face, this.base).some(([k, f]) => k === this.previous && f >= 1);
    const previous = this.previousBack ? null : this.previous;
    if (face && !this.mouthBack) this.mouthBack = mouthFraction(face, this.base) < 1;
    if (this.startedAt === null) {
      if (t - this.createdAt < this.plan.delayMs) {
        // During the pause a person waits at rest (or comes back from the previous movement); a
        // recording goes on with its next movement.
        const early = face && CHALLENGE.watchPause ? this.wrongMove(face, [previous], 1) : null;
        if (early) this.result = { status: 'failed', progress: 0, failure: 'early_move', seen: early };
        return this.result;
      }
      this.startedAt = t;
      this.windowFrom = Math.max(t, shownAt ?? t);
      this.result = { status: 'active', progress: 0, failure: null };
    }
    const since = t - this.windowFrom;
    if (this.onsetAt === null && since > this.plan.reactionMs) return this.fail('no_reaction');
    if (since > this.plan.timeoutMs) return this.fail('timeout');
    if (!face) return this.result;
    if (!this.armed) {
      this.armed = this.motion.neutral(face, previous);
      if (!this.armed) return this.result;
    }
    const scale = this.motion.head ? CHALLENGE.wrongScaleHead : this.plan.kind === 'blink' ? CHALLENGE.wrongScaleBlink : CHALLENGE.wrongScaleMouth;
    // A blink step also fails on a mouth opened wide: one movement that blinks with the mouth open
    // would otherwise answer a blink step and a mouth step alike (a replay covering two plans).
    const wrong = this.wrongMove(face, [this.plan.kind, previous], scale, this.plan.kind === 'blink' && this.mouthBack);
    if (wrong) return (this.result = { status: 'failed', progress: this.result.progress, failure: 'wrong_move', seen: wrong });
    const m = this.motion.push(face, t);
    if (this.onsetAt === null && m.progress >= CHALLENGE.onsetFraction) {
      if (since < CHALLENGE.minReactionMs) {
        this.armed = false;
        this.motion = motionOf(this.plan.kind, this.base);
        return this.result;
      }
      this.onsetAt = t;
    }
    if (m.done && this.onsetAt !== null) return (this.result = { status: 'passed', progress: 1, failure: null });
    return (this.result = { status: 'active', progress: Math.min(0.95, m.progress), failure: null });
  }

  private fail(failure: ChallengeFailure): ChallengeStep {
    return (this.result = { status: 'failed', progress: this.result.progress, failure });
  }

  /** Another head movement held for `holdFrames` (the largest one, if several). */
  private wrongMove(face: FaceObservation, allowed: readonly (ChallengeKind | null)[], scale: number, mouth = false): HeadKind | 'openMouth' | null {
    let worst: HeadKind | 'openMouth' | null = null;
    let most: number = scale;
    const offsets: [HeadKind | 'openMouth', number][] = headOffsets(face, this.base);
    if (mouth) offsets.push(['openMouth', mouthFraction(face, this.base)]);
    for (const [kind, fraction] of offsets) {
      if (!allowed.includes(kind) && fraction >= most) {
        most = fraction;
        worst = kind;
      }
    }
    this.wrongHeld = worst === null ? 0 : worst === this.wrongKind ? this.wrongHeld + 1 : 1;
    this.wrongKind = worst;
    return this.wrongHeld >= MOTION.holdFrames ? worst : null;
  }
}
