// Compact encoding of recorded FrameObservation sequences (unit-test fixtures < 300 KB in total).
// One frame = [t, width, height, faceCount, frameDiff, signature, face | 0], where face is a flat
// number array in the FACE_FIELDS order below.
import type { FaceObservation, FrameObservation } from './types';

export type EncodedFrame = [number, number, number, number, number, string, number[] | 0];

export interface Fixture {
  source: string;
  note: string;
  frames: EncodedFrame[];
}

export function encodeFace(f: FaceObservation): number[] {
  const s = f.stats;
  return [
    ...f.box, ...f.eyeRight, ...f.eyeLeft, ...f.noseTip, ...f.chin, ...f.forehead,
    f.yaw, f.pitch, f.roll, f.blinkL, f.blinkR, f.jawOpen, f.lipGap,
    s.lumMean, s.lumLeft, s.lumRight, s.clipHigh, s.clipLow, s.laplacianVar, ...s.chromaSkin, ...s.chromaLower, s.lowerLumRatio,
  ];
}

export function encodeFrame(o: FrameObservation, t0: number): EncodedFrame {
  return [Math.round(o.t - t0), o.width, o.height, o.faceCount, o.frameDiff, o.signature, o.face ? encodeFace(o.face) : 0];
}

export function decodeFace(a: readonly number[]): FaceObservation {
  const v = (i: number) => a[i] ?? 0;
  return {
    box: [v(0), v(1), v(2), v(3)], eyeRight: [v(4), v(5)], eyeLeft: [v(6), v(7)], noseTip: [v(8), v(9)], chin: [v(10), v(11)], forehead: [v(12), v(13)],
    yaw: v(14), pitch: v(15), roll: v(16), blinkL: v(17), blinkR: v(18), jawOpen: v(19), lipGap: v(20),
    stats: {
      lumMean: v(21), lumLeft: v(22), lumRight: v(23), clipHigh: v(24), clipLow: v(25), laplacianVar: v(26),
      chromaSkin: [v(27), v(28)], chromaLower: [v(29), v(30)], lowerLumRatio: v(31),
    },
  };
}

export function decodeFrames(fx: Fixture): FrameObservation[] {
  return fx.frames.map(([t, width, height, faceCount, frameDiff, signature, face]) => ({
    t, width, height, faceCount, frameDiff, signature, face: face === 0 ? null : decodeFace(face), inferMs: 0,
  }));
}
