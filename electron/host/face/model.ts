/**
 * The face-recognition model: @vladmandic/face-api (MIT) on TensorFlow.js with its WebAssembly
 * backend, in a worker thread so neither a comparison (about a second) nor the load (a few
 * seconds, warm-up included; the shells start it with the host) blocks the host's event loop.
 * Every weight comes from the package folder on disk (model/: SSD MobileNet v1 detector, 68-point
 * landmarks, the 128-d ResNet-34 descriptor); the backend's .wasm is read from its package folder
 * by the Emscripten loader, never fetched. The portraits are decoded here and handed over as
 * pixels; the worker serves one at a time and stays loaded while the process lives (unreferenced
 * when idle, so it never keeps a process alive).
 *
 * The worker is an inline CommonJS script (eval) given resolved paths, so it runs the same from
 * source (tsx, vitest) and from the bundled Electron main process (as j2k-worker.ts does).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log';
import { decodePortrait, fitWithin } from './decode';
import { SharedLoad } from './shared-load';

const require = createRequire(import.meta.url);

/** The detector resizes to 512 px: a larger input only costs decoding and resizing time. */
const MAX_SIDE = 640;
/** Detections below this confidence are not a face. */
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
  /** Milliseconds the load took (worker, backend, three networks). */
  readonly loadMs: number;
  /** Network requests the model's thread attempted so far (each refused): 0 is the rule. */
  networkAttempts(): number;
}

/** The folder the package ships its weights in. */
export function modelDir(): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// No network from this thread, whatever a library tries: every attempt fails and is counted.
let networkAttempts = 0;
const refuse = () => { networkAttempts++; throw new Error('no network request from the face model'); };
globalThis.fetch = async () => refuse();
for (const m of ['node:http', 'node:https']) { const mod = require(m); mod.request = refuse; mod.get = refuse; }
const faceapi = require(workerData.faceApiPath);
const wasm = require(workerData.wasmPath);
const ready = (async () => {
  // A folder prefix and no platform fetch: the Emscripten loader reads the .wasm with fs.
  wasm.setWasmPaths(workerData.wasmDir, false);
  if (!(await faceapi.tf.setBackend('wasm'))) throw new Error('the WebAssembly backend did not start');
  await faceapi.tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(workerData.modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(workerData.modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(workerData.modelDir);
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: workerData.minConfidence });
  // The first run of each network builds its kernels (about 3 s): done here on blank pictures, that
  // cost is part of the load (a preload at host start) and not of the officer's first comparison.
  const frame = faceapi.tf.zeros([480, 640, 3], 'int32');
  const face = faceapi.tf.zeros([150, 150, 3], 'int32');
  try {
    await faceapi.detectSingleFace(frame, options);
    await faceapi.nets.faceLandmark68Net.detectLandmarks(face);
    await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(face);
  } finally {
    frame.dispose();
    face.dispose();
  }
  return options;
})();
ready.then(() => parentPort.postMessage({ id: 0, ok: true, networkAttempts }), (e) => parentPort.postMessage({ id: 0, ok: false, reason: String(e && e.message || e) }));
let queue = Promise.resolve();
parentPort.on('message', ({ id, width, height, rgb }) => {
  queue = queue.then(async () => {
    const options = await ready;
    const input = faceapi.tf.tensor3d(rgb, [height, width, 3], 'int32');
    try {
      const r = await faceapi.detectSingleFace(input, options).withFaceLandmarks().withFaceDescriptor();
      const face = r ? { descriptor: r.descriptor, confidence: r.detection.score, faceWidth: r.detection.box.width / width } : null;
      parentPort.postMessage({ id, ok: true, face, networkAttempts });
    } finally {
      input.dispose();
    }
  }).catch((e) => parentPort.postMessage({ id, ok: false, reason: String(e && e.message || e) }));
});
`;

type Reply = { id: number } & ({ ok: true; face?: FaceDescription | null; networkAttempts: number } | { ok: false; reason: string });

async function load(): Promise<FaceModel> {
  const started = performance.now();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      faceApiPath: require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js'),
      wasmPath: require.resolve('@tensorflow/tfjs-backend-wasm'),
      wasmDir: dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/',
      modelDir: modelDir(),
      minConfidence: MIN_CONFIDENCE,
    },
  });
  const pending = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();
  let nextId = 1;
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (r: Reply) => {
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (pending.size === 0) worker.unref();
    if (r.ok) attempts = r.networkAttempts;
    p?.resolve(r);
  });
  let stopped: Error | null = null;
  let attempts = 0;
  worker.on('error', (e) => failAll(e));
  worker.on('exit', () => {
    // A stopped worker is never asked again: the next comparison loads a new one.
    stopped = new Error('the face model worker stopped');
    model.forget();
    failAll(stopped);
  });
  const ask = (id: number, message?: unknown): Promise<Reply> =>
    new Promise((resolve, reject) => {
      if (stopped) return reject(stopped);
      pending.set(id, { resolve, reject });
      worker.ref();
      if (message) worker.postMessage(message);
    });
  const loaded = await ask(0);
  if (!loaded.ok) {
    await worker.terminate();
    throw new Error(`face model: ${loaded.reason}`);
  }
  return {
    loadMs: performance.now() - started,
    networkAttempts: () => attempts,
    async describe(bytes) {
      const img = fitWithin(decodePortrait(bytes), MAX_SIDE);
      const id = nextId++;
      const r = await ask(id, { id, width: img.width, height: img.height, rgb: img.rgb });
      if (!r.ok) throw new Error(`face model: ${r.reason}`);
      return r.face ?? null;
    },
  };
}

const model = new SharedLoad(load);

/** The one model of this process: loaded on first use, or by `preloadFaceModel`, whose load a first use then waits for. */
export function faceModel(): Promise<FaceModel> {
  return model.get();
}

/**
 * Starts loading the model in its worker thread now (the host calls it at start), without waiting:
 * the first comparison then finds it loaded, or waits for this load rather than starting another.
 * A failure is only logged; the first comparison tries again.
 */
export function preloadFaceModel(log: Logger): void {
  model.preload((r) => {
    if (r.ok) log.info('face.model_preloaded', { loads: model.loads });
    else log.warn('face.model_preload_failed', { error: r.error instanceof Error ? r.error : String(r.error) });
  });
}

/** For tests and diagnostics: how many loads were started, and whether one is under way. */
export function faceModelLoadState(): { loads: number; state: 'idle' | 'loading' | 'loaded' } {
  return { loads: model.loads, state: model.state };
}
