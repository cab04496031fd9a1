// Feeds video frames to the engine with a bounded number in flight (frames that arrive while the
// engine is full are skipped rather than queued, so latency never builds up). A worker gets two:
// the next frame is grabbed and transferred while the current one is analysed; replies come back
// in order because the worker handles messages one after another.
import type { FaceEngine } from './engine';
import type { FrameObservation } from './types';

export function runFrameLoop(video: HTMLVideoElement, engine: FaceEngine, onFrame: (obs: FrameObservation) => void): () => void {
  let stopped = false;
  let inFlight = 0;
  const maxInFlight = engine.mode === 'worker' ? 2 : 1;
  let handle = 0;
  const schedule = () => {
    if (stopped) return;
    handle = video.requestVideoFrameCallback(tick);
  };
  const tick = () => {
    if (stopped) return;
    if (inFlight >= maxInFlight || video.videoWidth === 0) return schedule();
    inFlight++;
    const t = performance.now();
    createImageBitmap(video)
      .then((bitmap) => engine.analyze(bitmap, t))
      .then((obs) => {
        if (!stopped) onFrame(obs);
      })
      .catch((err: unknown) => console.warn('frame analysis failed', err))
      .finally(() => {
        inFlight--;
      });
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    video.cancelVideoFrameCallback(handle);
  };
}
