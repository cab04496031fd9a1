// ICAO-style portrait geometry. We follow the ISO/IEC 19794-5 "token frontal" layout:
// a 3:4 image of width W whose eye line sits 0.6·W from the top, eye midpoint centred
// horizontally, inter-eye distance 0.25·W. For the 480x640 output: IED 120 px, eyes at (240, 288).
import type { FaceObservation, Point } from './types';
import { dist } from './pose';

export const PORTRAIT_W = 480;
export const PORTRAIT_H = 640;
const EYE_Y = 0.6 * PORTRAIT_W;
const IED = 0.25 * PORTRAIT_W;

/** The crop as a rotated rectangle in the source frame: centre, size, rotation (radians). */
export interface CropRect {
  cx: number;
  cy: number;
  w: number;
  h: number;
  angle: number;
  /** Source pixels per output pixel. */
  scale: number;
}

export function icaoCrop(face: FaceObservation): CropRect {
  const ied = Math.max(1, dist(face.eyeLeft, face.eyeRight));
  const scale = ied / IED;
  // In the unmirrored frame the subject's right eye is on the image left.
  const angle = Math.atan2(face.eyeLeft[1] - face.eyeRight[1], face.eyeLeft[0] - face.eyeRight[0]);
  const mid: Point = [(face.eyeLeft[0] + face.eyeRight[0]) / 2, (face.eyeLeft[1] + face.eyeRight[1]) / 2];
  // Offset from the eye midpoint to the crop centre, in output pixels, rotated into the frame.
  const dy = (PORTRAIT_H / 2 - EYE_Y) * scale;
  return {
    cx: mid[0] - Math.sin(angle) * dy,
    cy: mid[1] + Math.cos(angle) * dy,
    w: PORTRAIT_W * scale,
    h: PORTRAIT_H * scale,
    angle,
    scale,
  };
}

/** Maps a source-frame point into output-portrait pixels. */
export function toPortrait(c: CropRect, p: Point): Point {
  const dx = p[0] - c.cx;
  const dy = p[1] - c.cy;
  const cos = Math.cos(-c.angle);
  const sin = Math.sin(-c.angle);
  return [(dx * cos - dy * sin) / c.scale + PORTRAIT_W / 2, (dx * sin + dy * cos) / c.scale + PORTRAIT_H / 2];
}

export interface CropMargins {
  /** How far the crop spills past each frame edge, as a fraction of the crop's own size (0 = inside). */
  overLeft: number;
  overRight: number;
  overTop: number;
  overBottom: number;
  /** Estimated crown and chin positions in the portrait, as a fraction of its height. */
  crownY: number;
  chinY: number;
  /** Head width (face box) as a fraction of the portrait width. */
  headWidth: number;
}

export function cropMargins(face: FaceObservation, frameW: number, frameH: number): CropMargins {
  const c = icaoCrop(face);
  const corners: Point[] = [
    [-c.w / 2, -c.h / 2],
    [c.w / 2, -c.h / 2],
    [c.w / 2, c.h / 2],
    [-c.w / 2, c.h / 2],
  ].map(([x, y]) => {
    const cos = Math.cos(c.angle);
    const sin = Math.sin(c.angle);
    return [c.cx + (x ?? 0) * cos - (y ?? 0) * sin, c.cy + (x ?? 0) * sin + (y ?? 0) * cos] as Point;
  });
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  // The mesh stops at the hairline: the crown sits about a third of forehead-to-chin above it.
  const crown: Point = [
    face.forehead[0] + (face.forehead[0] - face.chin[0]) * 0.3,
    face.forehead[1] + (face.forehead[1] - face.chin[1]) * 0.3,
  ];
  return {
    overLeft: Math.max(0, -Math.min(...xs)) / c.w,
    overRight: Math.max(0, Math.max(...xs) - frameW) / c.w,
    overTop: Math.max(0, -Math.min(...ys)) / c.h,
    overBottom: Math.max(0, Math.max(...ys) - frameH) / c.h,
    crownY: toPortrait(c, crown)[1] / PORTRAIT_H,
    chinY: toPortrait(c, face.chin)[1] / PORTRAIT_H,
    headWidth: (face.box[2] - face.box[0]) / c.scale / PORTRAIT_W,
  };
}
