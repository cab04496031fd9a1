// What each challenge action measures, relative to the person's own baseline. Pure; used by the
// challenge tracker (challenges.ts). Degrees from the facial transformation matrix (pose.ts):
// +yaw = the citizen's left, +pitch = head tipped down. Blendshape scores 0..1.
import type { FaceObservation } from './types';

export interface Baseline {
  yaw: number;
  pitch: number;
  blink: number;
  jaw: number;
}

export type HeadKind = 'turnLeft' | 'turnRight' | 'lookUp' | 'lookDown';
export type MotionKind = HeadKind | 'blink' | 'openMouth';

export const MOTION = {
  turnDeg: 10,
  pitchDeg: 10,
  blinkMin: 0.4,
  blinkRise: 0.25,
  blinkReopen: 0.12,
  mouthMin: 0.5,
  mouthRise: 0.35,
  holdFrames: 2,
  neutralDeg: 6,
  looseNeutralDeg: 12,
  /** Below this fraction of its goal a blink or an open mouth counts as "at rest" (arming). */
  restFraction: 0.6,
} as const;

/** How far the head is towards each head action's goal (1 = the goal). */
export function headOffsets(face: FaceObservation, base: Baseline): [HeadKind, number][] {
  const dy = face.yaw - base.yaw;
  const dp = face.pitch - base.pitch;
  return [
    ['turnLeft', dy / MOTION.turnDeg],
    ['turnRight', -dy / MOTION.turnDeg],
    ['lookUp', -dp / MOTION.pitchDeg],
    ['lookDown', dp / MOTION.pitchDeg],
  ];
}

export const blinkScore = (face: FaceObservation): number => (face.blinkL + face.blinkR) / 2;

export interface MotionStep {
  /** 0..1+ towards the goal (the tracker takes the onset at CHALLENGE.onsetFraction). */
  progress: number;
  done: boolean;
}

export interface Motion {
  readonly head: boolean;
  /** At rest for this action: the step may start counting. */
  neutral(face: FaceObservation): boolean;
  push(face: FaceObservation): MotionStep;
}

export function motionOf(kind: MotionKind, base: Baseline): Motion {
  if (kind === 'blink') return blinkMotion(base);
  if (kind === 'openMouth') return mouthMotion(base);
  return headMotion(kind, base);
}

function headLoose(face: FaceObservation, base: Baseline): boolean {
  return Math.abs(face.yaw - base.yaw) <= MOTION.looseNeutralDeg && Math.abs(face.pitch - base.pitch) <= MOTION.looseNeutralDeg;
}

function headMotion(kind: HeadKind, base: Baseline): Motion {
  const turn = kind === 'turnLeft' || kind === 'turnRight';
  let held = 0;
  const fraction = (face: FaceObservation) => headOffsets(face, base).find(([k]) => k === kind)?.[1] ?? 0;
  return {
    head: true,
    neutral(face) {
      const own = turn ? face.yaw - base.yaw : face.pitch - base.pitch;
      const other = turn ? (face.pitch - base.pitch) / MOTION.pitchDeg : (face.yaw - base.yaw) / MOTION.turnDeg;
      return Math.abs(own) <= MOTION.neutralDeg && Math.abs(other) < 1;
    },
    push(face) {
      const f = fraction(face);
      held = f >= 1 ? held + 1 : 0;
      return { progress: Math.max(0, f), done: held >= MOTION.holdFrames };
    },
  };
}

function blinkMotion(base: Baseline): Motion {
  const closeAt = Math.max(MOTION.blinkMin, base.blink + MOTION.blinkRise);
  const reopenAt = Math.max(base.blink + MOTION.blinkReopen, closeAt * 0.8);
  let closed = false;
  return {
    head: false,
    neutral: (face) => headLoose(face, base) && blinkScore(face) < closeAt * MOTION.restFraction,
    push(face) {
      const b = blinkScore(face);
      if (!closed && b >= closeAt) closed = true;
      // At 15-25 analysed frames per second the sampled frame often lands on the closing or
      // opening phase of a full blink (0.55-0.98): close, then reopen, in any two frames.
      if (closed) return { progress: 1, done: b <= reopenAt };
      return { progress: Math.max(0, (b - base.blink) / (closeAt - base.blink)), done: false };
    },
  };
}

function mouthMotion(base: Baseline): Motion {
  const openAt = Math.max(MOTION.mouthMin, base.jaw + MOTION.mouthRise);
  let held = 0;
  const fraction = (face: FaceObservation) => Math.max(0, (face.jawOpen - base.jaw) / (openAt - base.jaw));
  return {
    head: false,
    neutral: (face) => headLoose(face, base) && fraction(face) < MOTION.restFraction,
    push(face) {
      held = face.jawOpen >= openAt ? held + 1 : 0;
      return { progress: fraction(face), done: held >= MOTION.holdFrames };
    },
  };
}
