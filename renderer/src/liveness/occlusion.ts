// Occlusion (mask, hand, scarf) by patch colour. The landmark model keeps fitting a plausible mesh
// under a mask, so geometry alone says little. Instead we compare the mouth-chin patch with the skin
// reference patches (forehead + both cheeks) measured in the worker: a mask or a hand over the mouth
// changes its chroma (Cb, Cr) and/or its brightness relative to the skin of the same face, while
// lighting changes both alike. Score 0 = clean, >= 1 = clearly covered.
import type { FaceObservation } from './types';

const CHROMA_SCALE = 14; // Cb/Cr units (0..255) that count as a full-score difference
const LUM_SCALE = 0.45; // relative luma difference that counts as a full-score difference

export function occlusionScore(face: FaceObservation): number {
  const s = face.stats;
  const dc = Math.hypot(s.chromaLower[0] - s.chromaSkin[0], s.chromaLower[1] - s.chromaSkin[1]);
  const dl = Math.abs(1 - s.lowerLumRatio);
  return Math.max(dc / CHROMA_SCALE, dl / LUM_SCALE) * 0.5;
}
