// What each challenge action measures, relative to the person's own baseline. Pure; used by the
// challenge tracker (challenges.ts). Degrees from the facial transformation matrix (pose.ts):
// +yaw = the citizen's left, +pitch = head tipped down. Blendshape scores 0..1.
import type { FaceObservation } from './types';
import { BlinkDetector } from './blink';

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
  mouthMin: 0.5,
  mouthRise: 0.35,
  holdFrames: 2,
  neutralDeg: 6,
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
  /** At rest for this action: the step may start counting. `previous`: the step passed before, whose
   *  movement may still be on its way back (a blink or an open mouth does not wait for the head). */
  neutral(face: FaceObservation, previous: MotionKind | null): boolean;
  /** `t`: the frame's capture time (ms). */
  push(face: FaceObservation, t: number): MotionStep;
}

export function motionOf(kind: MotionKind, base: Baseline): Motion {
  if (kind === 'blink') return blinkMotion(base);
  if (kind === 'openMouth') return mouthMotion(base);
  return headMotion(kind, base);
}


function headMotion(kind: HeadKind, base: Baseline): Motion {
  const turn = kind === 'turnLeft' || kind === 'turnRight';
  let held = 0;
  const fraction = (face: FaceObservation) => headOffsets(face, base).find(([k]) => k === kind)?.[1] ?? 0;
  return {
    head: true,
    neutral(face, previous) {
      const own = turn ? face.yaw - base.yaw : face.pitch - base.pitch;
      const others = headOffsets(face, base).filter(([k]) => k !== kind && k !== previous && (k === 'turnLeft' || k === 'turnRight') !== turn);
      return Math.abs(own) <= MOTION.neutralDeg && others.every(([, f]) => f < 1);
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
  // From the eye-closure dynamics over time, not a threshold on one frame: holds at 10-15 analysed
  // frames per second and with frames lost (blink.ts). The onset is the closing.
  const blinks = new BlinkDetector(base.blink);
  return {
    head: false,
    neutral: (face) => blinkScore(face) < closeAt * MOTION.restFraction,
    push(face, t) {
      const b = blinks.push(t, face.blinkL, face.blinkR);
      return { progress: b.progress, done: b.blink !== null };
    },
  };
}

/** How far the mouth is towards the open-mouth goal (1 = the goal), against the person's resting jaw. */
export function mouthFraction(face: FaceObservation, base: Baseline): number {
  return Math.max(0, (face.jawOpen - base.jaw) / (mouthOpenAt(base) - base.jaw));
}

const mouthOpenAt = (base: Baseline): number => Math.max(MOTION.mouthMin, base.jaw + MOTION.mouthRise);

function mouthMotion(base: Baseline): Motion {
  const openAt = mouthOpenAt(base);
  let held = 0;
  const fraction = (face: FaceObservation) => mouthFraction(face, base);
  return {
    head: false,
    neutral: (face) => fraction(face) < MOTION.restFraction,
    push(face) {
      held = face.jawOpen >= openAt ? held + 1 : 0;
      return { progress: fraction(face), done: held >= MOTION.holdFrames };
    },
  };
}
