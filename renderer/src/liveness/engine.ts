// The page's handle on face inference: a module worker when possible, else the main thread.
import type { FrameObservation } from './types';
import type { FromWorker, ToWorker } from './protocol';
import { appBase, createLandmarker, FrameAnalyzer } from './analyzer';
import { quietMediapipeConsole } from './consoleFilter';
import { FrameHistory } from './frameHistory';

export interface FaceEngine {
  readonly mode: 'worker' | 'main';
  /** Takes ownership of the bitmap. */
  analyze(bitmap: ImageBitmap, t: number): Promise<FrameObservation>;
  /** A copy of the analysed frame whose observation has time `t` (for the portrait crop). */
  grab(t: number): Promise<ImageBitmap | null>;
  close(): void;
}

export async function createFaceEngine(opts: { preferWorker?: boolean } = {}): Promise<FaceEngine> {
  quietMediapipeConsole(); // the main-thread fallback runs MediaPipe on this page
  if (opts.preferWorker !== false && typeof Worker !== 'undefined') {
    try {
      return await workerEngine();
    } catch (err) {
      console.warn('face worker unavailable, falling back to the main thread:', err);
    }
  }
  return mainEngine();
}

async function workerEngine(): Promise<FaceEngine> {
  const worker = new Worker(new URL('./face.worker.ts', import.meta.url), { type: 'module', name: 'face' });
  const queue: ((m: FromWorker) => void)[] = [];
  worker.onmessage = (e: MessageEvent<FromWorker>) => queue.shift()?.(e.data);
  const call = (msg: ToWorker, transfer: Transferable[] = []) =>
    new Promise<FromWorker>((resolve) => {
      queue.push(resolve);
      worker.postMessage(msg, transfer);
    });
  const ready = await call({ type: 'init', base: appBase() });
  if (ready.type !== 'ready') {
    worker.terminate();
    throw new Error(ready.type === 'error' ? ready.message : 'face worker failed to start');
  }
  return {
    mode: 'worker',
    async analyze(bitmap, t) {
      const r = await call({ type: 'frame', bitmap, t }, [bitmap]);
      if (r.type !== 'result') throw new Error(r.type === 'error' ? r.message : 'unexpected worker reply');
      return r.obs;
    },
    async grab(t) {
      const r = await call({ type: 'grab', t });
      return r.type === 'grabbed' ? r.bitmap : null;
    },
    close: () => worker.terminate(),
  };
}

async function mainEngine(): Promise<FaceEngine> {
  const landmarker = await createLandmarker(appBase(), false);
  const analyzer = new FrameAnalyzer(landmarker);
  analyzer.warmUp();
  const analysed = new FrameHistory();
  return {
    mode: 'main',
    async analyze(bitmap, t) {
      const obs = analyzer.analyze(bitmap, t);
      analysed.add(t, bitmap);
      return obs;
    },
    grab: async (t) => analysed.copy(t),
    close() {
      analysed.clear();
      landmarker.close();
    },
  };
}
