// Helpers shared by the liveness unit tests: load recorded fixtures, build synthetic frames.
import type { FaceObservation, FrameObservation } from './types';
import { decodeFrames, type Fixture } from './fixtureCodec';

// import.meta.glob (Vite/Vitest) rather than JSON imports: the fixtures stay out of the web type program.
const FILES = import.meta.glob<Fixture>('./fixtures/*.json', { eager: true, import: 'default' });
const FIXTURES: Record<string, Fixture | undefined> = {
  d12: FILES['./fixtures/genuine-d12.json'],
  d12at15: FILES['./fixtures/genuine-d12-15fps.json'],
  d3: FILES['./fixtures/genuine-d3.json'],
  hill: FILES['./fixtures/genuine-hill.json'],
  biden: FILES['./fixtures/still-biden.json'],
  printed: FILES['./fixtures/still-printed.json'],
  obama: FILES['./fixtures/still-obama-small.json'],
  mask: FILES['./fixtures/occluded-mask.json'],
};
export type FixtureName = 'd12' | 'd12at15' | 'd3' | 'hill' | 'biden' | 'printed' | 'obama' | 'mask';

export function recorded(name: FixtureName): FrameObservation[] {
  const fx = FIXTURES[name];
  if (!fx) throw new Error(`no fixture ${name}`);
  return decodeFrames(fx);
}

/** A well-posed frontal face in a 640x480 frame, IED 90 px; override what a test varies. */
export function face(over: Partial<FaceObservation> = {}): FaceObservation {
  return {
    box: [250, 150, 390, 340], eyeRight: [275, 220], eyeLeft: [365, 220], noseTip: [320, 265], chin: [320, 335], forehead: [320, 150],
    yaw: 0, pitch: 0, roll: 0, blinkL: 0.05, blinkR: 0.05, jawOpen: 0.02, lipGap: 0.01,
    stats: { lumMean: 130, lumLeft: 128, lumRight: 132, clipHigh: 0, clipLow: 0, laplacianVar: 200, chromaSkin: [110, 155], chromaLower: [111, 154], lowerLumRatio: 0.9 },
    ...over,
  };
}

let sig = 0;
/** A live-looking frame: changes every time (fresh signature, non-zero difference). */
export function frame(t: number, f: FaceObservation | null = face(), over: Partial<FrameObservation> = {}): FrameObservation {
  sig++;
  return { t, width: 640, height: 480, faceCount: f ? 1 : 0, face: f, frameDiff: 2, signature: sig.toString(16).padStart(8, '0'), inferMs: 20, ...over };
}

/** Natural jitter so the passive monitor sees a live face. */
export function jitter(t: number, f: FaceObservation = face()): FaceObservation {
  const w = Math.sin(t / 97) * 0.6;
  return { ...f, yaw: f.yaw + w, pitch: f.pitch + w / 2, blinkL: f.blinkL + Math.abs(w) / 20, blinkR: f.blinkR + Math.abs(w) / 20 };
}
