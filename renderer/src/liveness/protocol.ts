// Messages between the page and the face worker.
import type { FrameObservation } from './types';

export type ToWorker =
  | { type: 'init'; base: string }
  | { type: 'frame'; bitmap: ImageBitmap; t: number }
  | { type: 'grab'; t: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'result'; obs: FrameObservation }
  | { type: 'grabbed'; bitmap: ImageBitmap | null };
