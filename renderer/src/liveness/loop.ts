// Feeds video frames to the engine, one in flight at a time (frames that arrive while the engine
// is busy are skipped rather than queued, so latency never builds up).
import type { FaceEngine } from './engine';
import type { FrameObservation } from './types';

export function runFrameLoop(video: HTMLVideoElement, engine: FaceEngine, onFrame: (obs: FrameObservation) => void): () => void {
  let stopped = false;
  let busy = false;
  let handle = 0;
  const schedule = () => {
    if (stopped) return;
    handle = video.requestVideoFrameCallback(tick);
  };
  const tick = () => {
    if (stopped) return;
    if (busy || video.videoWidth === 0) return schedule();
    busy = true;
    const t = performance.now();
    createImageBitmap(video)
      .then((bitmap) => engine.analyze(bitmap, t))
      .then((obs) => {
        if (!stopped) onFrame(obs);
      })
      .catch((err: unknown) => console.warn('frame analysis failed', err))
      .finally(() => {
        busy = false;
      });
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    video.cancelVideoFrameCallback(handle);
  };
}
