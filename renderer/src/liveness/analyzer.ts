// Runs FaceLandmarker on one frame and reduces the result to a FrameObservation.
// Works both in a worker and on the main thread (OffscreenCanvas only, no document).
import { FaceLandmarker, FilesetResolver, type FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import type { FaceImageStats, FaceObservation, FrameObservation, Point, ScreenCues } from './types';
import { poseFromMatrix, dist } from './pose';
import { laplacianVariance, lumaStats, meanAbsDiff, patchYCbCr, signature, toGray, type Rgba } from './imageStats';
import { bezelScore, CUE_FRAME_H, CUE_FRAME_W, CUE_PATCH, periodicScore } from './screenCues';

export const WASM_PATH = 'mediapipe/wasm';
export const MODEL_PATH = 'models/face_landmarker.task';

/** The app's root URL (where index.html lives), ending in '/'. Assets are served below it. */
export function appBase(): string {
  return new URL('./', document.baseURI).href;
}

/**
 * `base`: the app root from appBase() (a worker has no document, so the page passes it).
 * `moduleWorker`: a module worker cannot importScripts, so it loads the ES-module wasm loader.
 */
export async function createLandmarker(base: string, moduleWorker: boolean): Promise<FaceLandmarker> {
  const fileset = await FilesetResolver.forVisionTasks(new URL(WASM_PATH, base).href.replace(/\/$/, ''), moduleWorker);
  return FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: new URL(MODEL_PATH, base).href, delegate: 'CPU' },
    runningMode: 'VIDEO',
    numFaces: 2,
    outputFaceBlendshapes: true,
    outputFacialTransformationMatrixes: true,
  });
}

const THUMB_W = 32;
const THUMB_H = 24;
const STATS_W = 128;

export class FrameAnalyzer {
  private thumbCanvas = new OffscreenCanvas(THUMB_W, THUMB_H);
  private statsCanvas = new OffscreenCanvas(STATS_W, STATS_W);
  private patchCanvas = new OffscreenCanvas(CUE_PATCH, CUE_PATCH);
  private cueFrameCanvas = new OffscreenCanvas(CUE_FRAME_W, CUE_FRAME_H);
  private prevThumb: Float32Array | null = null;
  private lastTs = -1;

  constructor(private readonly landmarker: FaceLandmarker) {}

  /** The first inference is several times slower (graph set-up): pay for it before the camera opens. */
  warmUp(): void {
    const c = new OffscreenCanvas(64, 48);
    const ctx = c.getContext('2d');
    if (ctx) ctx.fillRect(0, 0, 64, 48);
    this.landmarker.detectForVideo(c, 0);
    this.lastTs = 0;
  }

  analyze(frame: ImageBitmap, t: number): FrameObservation {
    const ts = Math.max(this.lastTs + 1, Math.round(t));
    this.lastTs = ts;
    const t0 = performance.now();
    const res = this.landmarker.detectForVideo(frame, ts);
    const inferMs = performance.now() - t0;
    const { width, height } = frame;
    const thumb = this.thumbnail(frame);
    const frameDiff = this.prevThumb ? meanAbsDiff(thumb, this.prevThumb) : 255;
    this.prevThumb = thumb;
    const first = res.faceLandmarks[0];
    const face = first ? this.face(res, first, frame, width, height) : null;
    return { t, width, height, faceCount: distinctFaces(res.faceLandmarks), face, frameDiff: Math.round(frameDiff * 1000) / 1000, signature: signature(thumb), inferMs };
  }

  private thumbnail(frame: ImageBitmap): Float32Array {
    const ctx = must(this.thumbCanvas.getContext('2d', { willReadFrequently: true }));
    ctx.drawImage(frame, 0, 0, THUMB_W, THUMB_H);
    return toGray(ctx.getImageData(0, 0, THUMB_W, THUMB_H));
  }

  private face(res: FaceLandmarkerResult, lm: { x: number; y: number }[], frame: ImageBitmap, w: number, h: number): FaceObservation {
    const px = (i: number): Point => [(lm[i]?.x ?? 0) * w, (lm[i]?.y ?? 0) * h];
    const mid = (a: number, b: number): Point => {
      const p = px(a);
      const q = px(b);
      return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
    };
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const p of lm) {
      x0 = Math.min(x0, p.x * w); x1 = Math.max(x1, p.x * w);
      y0 = Math.min(y0, p.y * h); y1 = Math.max(y1, p.y * h);
    }
    const blend = new Map((res.faceBlendshapes[0]?.categories ?? []).map((c) => [c.categoryName, c.score]));
    const matrix = res.facialTransformationMatrixes[0]?.data ?? [];
    const pose = poseFromMatrix(matrix);
    const eyeRight = mid(33, 133);
    const eyeLeft = mid(362, 263);
    const ied = Math.max(1, dist(eyeLeft, eyeRight));
    const r3 = (p: Point): Point => [round1(p[0]), round1(p[1])];
    return {
      box: [round1(x0), round1(y0), round1(x1), round1(y1)],
      eyeRight: r3(eyeRight),
      eyeLeft: r3(eyeLeft),
      noseTip: r3(px(1)),
      chin: r3(px(152)),
      forehead: r3(px(10)),
      yaw: round2(pose.yaw),
      pitch: round2(pose.pitch),
      roll: round2(pose.roll),
      blinkL: round3(blend.get('eyeBlinkLeft') ?? 0),
      blinkR: round3(blend.get('eyeBlinkRight') ?? 0),
      jawOpen: round3(blend.get('jawOpen') ?? 0),
      lipGap: round3(dist(px(13), px(14)) / ied),
      stats: this.stats(frame, [x0, y0, x1, y1], px),
      cues: this.cues(frame, [x0, y0, x1, y1], eyeLeft, eyeRight, px(1)),
    };
  }

  /** Screen/print cues (screenCues.ts) on small grey cuts of the frame; `ms` is their cost. */
  private cues(frame: ImageBitmap, box: number[], eyeL: Point, eyeR: Point, nose: Point): ScreenCues {
    const t0 = performance.now();
    const [bx0 = 0, by0 = 0, bx1 = 1, by1 = 1] = box;
    // The patch sits between the eyes and the nose tip, at the frame's own resolution (no resampling
    // that would blur a pixel grid away).
    const cx = Math.round((eyeL[0] + eyeR[0] + 2 * nose[0]) / 4 - CUE_PATCH / 2);
    const cy = Math.round((eyeL[1] + eyeR[1] + 2 * nose[1]) / 4 - CUE_PATCH / 2);
    const pctx = must(this.patchCanvas.getContext('2d', { willReadFrequently: true }));
    pctx.drawImage(frame, cx, cy, CUE_PATCH, CUE_PATCH, 0, 0, CUE_PATCH, CUE_PATCH);
    const periodic = periodicScore(toGray(pctx.getImageData(0, 0, CUE_PATCH, CUE_PATCH)));
    const fctx = must(this.cueFrameCanvas.getContext('2d', { willReadFrequently: true }));
    fctx.drawImage(frame, 0, 0, CUE_FRAME_W, CUE_FRAME_H);
    const kx = CUE_FRAME_W / frame.width;
    const ky = CUE_FRAME_H / frame.height;
    const bezel = bezelScore(toGray(fctx.getImageData(0, 0, CUE_FRAME_W, CUE_FRAME_H)), CUE_FRAME_W, CUE_FRAME_H, [bx0 * kx, by0 * ky, bx1 * kx, by1 * ky]);
    return { periodic, bezel, ms: Math.round((performance.now() - t0) * 100) / 100 };
  }

  private stats(frame: ImageBitmap, box: number[], px: (i: number) => Point): FaceImageStats {
    const [bx0 = 0, by0 = 0, bx1 = 1, by1 = 1] = box;
    const bw = Math.max(2, bx1 - bx0);
    const bh = Math.max(2, by1 - by0);
    const sh = Math.max(2, Math.round((STATS_W * bh) / bw));
    if (this.statsCanvas.height !== sh) this.statsCanvas.height = sh;
    const ctx = must(this.statsCanvas.getContext('2d', { willReadFrequently: true }));
    ctx.drawImage(frame, bx0, by0, bw, bh, 0, 0, STATS_W, sh);
    const img: Rgba = ctx.getImageData(0, 0, STATS_W, sh);
    const gray = toGray(img);
    const l = lumaStats(gray, STATS_W, sh);
    const k = STATS_W / bw;
    const r = Math.max(2, 0.06 * STATS_W);
    const patch = (i: number) => {
      const p = px(i);
      return patchYCbCr(img, (p[0] - bx0) * k, (p[1] - by0) * k, r);
    };
    const skin = [patch(151), patch(205), patch(425)];
    const lower = [patch(164), patch(200)];
    const avg = (ps: [number, number, number][], c: 0 | 1 | 2) => ps.reduce((a, p) => a + p[c], 0) / ps.length;
    return {
      lumMean: round1(l.mean),
      lumLeft: round1(l.left),
      lumRight: round1(l.right),
      clipHigh: round3(l.clipHigh),
      clipLow: round3(l.clipLow),
      laplacianVar: round1(laplacianVariance(gray, STATS_W, sh)),
      chromaSkin: [round1(avg(skin, 1)), round1(avg(skin, 2))],
      chromaLower: [round1(avg(lower, 1)), round1(avg(lower, 2))],
      lowerLumRatio: round3(avg(lower, 0) / Math.max(1, avg(skin, 0))),
    };
  }

}

/** The detector can return the same face twice around fast motion: count faces whose centres lie apart. */
function distinctFaces(faces: { x: number; y: number }[][]): number {
  const boxes = faces.map((lm) => {
    const xs = lm.map((p) => p.x);
    const ys = lm.map((p) => p.y);
    return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  });
  let n = 0;
  boxes.forEach((b, i) => {
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    if (!boxes.slice(0, i).some((o) => cx > o.x0 && cx < o.x1 && cy > o.y0 && cy < o.y1)) n++;
  });
  return n;
}

function must<T>(v: T | null): T {
  if (v === null) throw new Error('2D canvas context unavailable');
  return v;
}
const round1 = (v: number) => Math.round(v * 10) / 10;
const round2 = (v: number) => Math.round(v * 100) / 100;
const round3 = (v: number) => Math.round(v * 1000) / 1000;
