// Compact, serialisable description of one analysed camera frame. The worker produces it,
// the pure logic (quality, passive, challenges, session) consumes it, and recorded sequences
// of it are the unit-test fixtures. Coordinates are in pixels of the UNMIRRORED camera frame.

export type Point = readonly [number, number];

/** Face-region image statistics, measured on the unmirrored frame inside the face box. */
export interface FaceImageStats {
  /** Mean luma (0..255) of the whole face box. */
  lumMean: number;
  /** Mean luma of the image-left and image-right halves of the face box. */
  lumLeft: number;
  lumRight: number;
  /** Fraction of face-box pixels at or above 250 / at or below 5. */
  clipHigh: number;
  clipLow: number;
  /** Variance of the 3x3 Laplacian on the face box resampled to 128 px wide. */
  laplacianVar: number;
  /** Mean chroma (Cb, Cr) of skin reference patches (forehead, both cheeks) and of the mouth-chin patch. */
  chromaSkin: Point;
  chromaLower: Point;
  /** Mean luma of the mouth-chin patch relative to the skin patches' mean luma. */
  lowerLumRatio: number;
}

export interface FaceObservation {
  /** Face box from the landmark extremes. */
  box: readonly [x0: number, y0: number, x1: number, y1: number];
  /** Eye centres: the subject's right eye is on the image LEFT in an unmirrored frame. */
  eyeRight: Point;
  eyeLeft: Point;
  noseTip: Point;
  chin: Point;
  /** Top of the forehead landmark (not the crown: hair is not in the mesh). */
  forehead: Point;
  /** Degrees, from the facial transformation matrix. Positive yaw: nose towards the image right. */
  yaw: number;
  pitch: number;
  roll: number;
  /** Blendshape scores 0..1 */
  blinkL: number;
  blinkR: number;
  jawOpen: number;
  /** Inner-lip gap divided by the inter-eye distance (geometric mouth opening). */
  lipGap: number;
  stats: FaceImageStats;
  /** Screen/print cues (screenCues.ts); absent in fixtures recorded before they existed. */
  cues?: ScreenCues;
}

export interface ScreenCues {
  /** log2 of the strongest isolated high-frequency spectral peak on the face centre (pixel grid, moiré). */
  periodic: number;
  /** 0..1: how completely a rectangle of straight edges (bezel, paper margin) closes around the face. */
  bezel: number;
  /** Time spent computing the cues for this frame, ms. */
  ms: number;
}

export interface FrameObservation {
  /** Milliseconds, monotonic (performance.now of the capture or the video timestamp). */
  t: number;
  width: number;
  height: number;
  faceCount: number;
  face: FaceObservation | null;
  /** Mean absolute difference (0..255) of a 32x24 grey thumbnail with the previous frame's. */
  frameDiff: number;
  /** 32-bit FNV-1a of the quantised thumbnail, as 8 hex digits: equal frames give equal signatures. */
  signature: string;
  /** Inference time in ms (not used by the logic; for the benchmark). */
  inferMs: number;
}
