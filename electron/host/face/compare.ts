/**
 * One comparison: the chip portrait against the live one. The score is a similarity, 1 − the
 * Euclidean distance of the two 128-d descriptors (0 for anything 1.0 or further apart); the
 * decision is "match" at or above THRESHOLD. See docs/face-match.md for how it was chosen.
 */
import { faceModel, MODEL_NAME, type FaceDescription } from './model';

/** Similarity at or above which two portraits are the same person (descriptor distance ≤ 0.50; see docs/face-match.md). */
export const THRESHOLD = 0.5;

export type FaceDecision = 'match' | 'no_match' | 'not_compared';
/** Why no comparison: no face found in the chip portrait or in the live one, or no model. */
export type NotComparedReason = 'no_face_chip' | 'no_face_live' | 'unavailable';

export interface FaceComparison {
  decision: FaceDecision;
  /** 0–1, two decimals; null when not compared. */
  score: number | null;
  threshold: number;
  model: string;
  reason?: NotComparedReason;
}

export function similarity(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.max(0, 1 - Math.sqrt(sum));
}

export function decide(score: number): 'match' | 'no_match' {
  return score >= THRESHOLD ? 'match' : 'no_match';
}

export function fromDescriptions(chip: FaceDescription | null, live: FaceDescription | null): FaceComparison {
  const base = { threshold: THRESHOLD, model: MODEL_NAME };
  if (!chip) return { ...base, decision: 'not_compared', score: null, reason: 'no_face_chip' };
  if (!live) return { ...base, decision: 'not_compared', score: null, reason: 'no_face_live' };
  const score = Math.round(similarity(chip.descriptor, live.descriptor) * 100) / 100;
  return { ...base, decision: decide(score), score };
}

/** Both portraits through the model (the chip's first: without a face there, the live one is not run). */
export async function comparePortraits(chipPortrait: Uint8Array, livePortrait: Uint8Array): Promise<FaceComparison> {
  const model = await faceModel();
  const chip = await model.describe(chipPortrait);
  if (!chip) return fromDescriptions(null, null);
  return fromDescriptions(chip, await model.describe(livePortrait));
}
