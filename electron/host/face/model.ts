/**
 * The face-recognition model, loaded once in the host: @vladmandic/face-api (MIT) on TensorFlow.js
 * with its WebAssembly backend. Every weight comes from the package folder on disk (model/: SSD
 * MobileNet v1 detector, 68-point landmarks, the 128-d ResNet-34 descriptor); the backend's .wasm is
 * read from its package folder by the Emscripten loader, never fetched. Inference is serialised:
 * one portrait at a time.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type * as WasmBackendModule from '@tensorflow/tfjs-backend-wasm';
import { decodePortrait, fitWithin } from './decode';

type FaceApi = typeof FaceApiModule;
type WasmBackend = typeof WasmBackendModule;

const require = createRequire(import.meta.url);

/** The detector resizes to 512 px: a larger input only costs decoding and resizing time. */
const MAX_SIDE = 640;
/** Detections below this confidence are not a face (the liveness step already found one in the live portrait). */
const MIN_CONFIDENCE = 0.3;

export const MODEL_NAME = '@vladmandic/face-api 1.7.15 (ssd_mobilenetv1 + face_landmark_68 + face_recognition ResNet-34, 128-d)';

export interface FaceDescription {
  descriptor: Float32Array;
  /** The detector's confidence, 0–1. */
  confidence: number;
  /** The face box's width over the image's. */
  faceWidth: number;
}

export interface FaceModel {
  /** The descriptor of the most confident face, or null when none is found. */
  describe(image: Uint8Array): Promise<FaceDescription | null>;
  /** Milliseconds the load took (backend, three networks). */
  readonly loadMs: number;
}

/** The folder the package ships its weights in. */
export function modelDir(): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
}

async function load(): Promise<FaceModel> {
  const started = performance.now();
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as WasmBackend;
  // A folder prefix and no platform fetch: the Emscripten loader reads the .wasm with fs.
  wasm.setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/', false);
  const tf = faceapi.tf as unknown as { setBackend(n: string): Promise<boolean>; ready(): Promise<void>; getBackend(): string; tensor3d(d: Uint8Array, s: [number, number, number], t: 'int32'): { dispose(): void } };
  if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend did not start');
  await tf.ready();
  const dir = modelDir();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(dir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(dir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(dir);
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_CONFIDENCE });
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (bytes: Uint8Array): Promise<FaceDescription | null> => {
    const img = fitWithin(decodePortrait(bytes), MAX_SIDE);
    const input = tf.tensor3d(img.rgb, [img.height, img.width, 3], 'int32');
    try {
      const r = await faceapi.detectSingleFace(input as never, options).withFaceLandmarks().withFaceDescriptor();
      if (!r) return null;
      return { descriptor: r.descriptor, confidence: r.detection.score, faceWidth: r.detection.box.width / img.width };
    } finally {
      input.dispose();
    }
  };
  return {
    loadMs: performance.now() - started,
    describe(bytes) {
      const next = queue.then(() => run(bytes));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

let loading: Promise<FaceModel> | null = null;

/** The one model of this process, loaded on first use. */
export function faceModel(): Promise<FaceModel> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
