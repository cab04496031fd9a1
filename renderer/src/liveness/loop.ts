// Takes every camera frame, stamps it with its own capture time, and feeds it to the engine through
// a FramePump (frames wait while the engine is busy; the backlog is bounded, see frameQueue.ts).
// Source: MediaStreamTrackProcessor when the browser has it (Chromium, Electron): every frame the
// camera delivers, with its capture timestamp, whatever the page is doing. Otherwise the video
// element's requestVideoFrameCallback, stamped with the frame's captureTime (or mediaTime); that one
// only sees the frames the page got to composite.
import type { FaceEngine } from './engine';
import type { FrameObservation } from './types';
import { FrameClock } from './frameQueue';
import { FramePump } from './framePump';

/** Readable from the outside for diagnostics (the PAD page reports it). */
export interface FrameLoopStats {
  source: 'track' | 'video' | null;
  /** Frames dropped because analysis fell too far behind the camera. */
  dropped: number;
  /** Frames received from the camera, and the longest time between two of them (camera time). */
  received: number;
  maxGapMs: number;
}

type Accept = (t: number, bitmap: ImageBitmap) => void;

interface TrackProcessor {
  readonly readable: ReadableStream<VideoFrame>;
}
type TrackProcessorCtor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => TrackProcessor;

export interface FrameLoopOptions {
  /**
   * Analyse every frame the camera delivers, however far behind the engine falls (no thinning, no
   * backlog bound). For recorded clips played as a camera (the tests, `npm run pad:eval`): the
   * verdict on a file must not depend on how busy the machine was. A live camera keeps the bounds.
   */
  keepEveryFrame?: boolean;
}

export function runFrameLoop(video: HTMLVideoElement, engine: FaceEngine, onFrame: (obs: FrameObservation) => void, stats?: FrameLoopStats, opts: FrameLoopOptions = {}): () => void {
  const pump = new FramePump<ImageBitmap, FrameObservation>({
    ...(opts.keepEveryFrame ? { maxWaiting: Infinity, maxBacklogMs: Infinity } : {}),
    maxInFlight: engine.mode === 'worker' ? 2 : 1,
    analyze: (bitmap, t) => engine.analyze(bitmap, t),
    onResult: onFrame,
    release: (bitmap) => bitmap.close(),
  });
  let last: number | null = null;
  const accept: Accept = (t, bitmap) => {
    pump.push(t, bitmap);
    if (stats) {
      stats.dropped = pump.dropped;
      stats.received++;
      if (last !== null) stats.maxGapMs = Math.max(stats.maxGapMs, Math.round(t - last));
    }
    last = t;
  };
  const track = video.srcObject instanceof MediaStream ? video.srcObject.getVideoTracks()[0] : undefined;
  const fromTrack = track ? trackSource(track, accept) : null;
  const stopSource = fromTrack ?? videoSource(video, accept);
  if (stats) stats.source = fromTrack ? 'track' : 'video';
  return () => {
    stopSource();
    pump.stop();
  };
}

function trackSource(track: MediaStreamTrack, accept: Accept): (() => void) | null {
  const Processor = (globalThis as unknown as { MediaStreamTrackProcessor?: TrackProcessorCtor }).MediaStreamTrackProcessor;
  if (!Processor) return null;
  // A clone, so stopping the loop ends only our reader, not the preview's track.
  const own = track.clone();
  let reader: ReadableStreamDefaultReader<VideoFrame>;
  try {
    reader = new Processor({ track: own, maxBufferSize: 8 }).readable.getReader();
  } catch (err) {
    own.stop();
    console.warn('MediaStreamTrackProcessor unavailable, using requestVideoFrameCallback:', err);
    return null;
  }
  const clock = new FrameClock();
  let stopped = false;
  const read = async () => {
    while (!stopped) {
      const { value: frame, done } = await reader.read();
      if (done) return;
      try {
        const t = clock.toPageTime(frame.timestamp / 1000, performance.now());
        // Copied out at once: a VideoFrame held while it waits would starve the camera's buffers.
        const bitmap = await createImageBitmap(frame);
        if (stopped) bitmap.close();
        else accept(t, bitmap);
      } finally {
        frame.close();
      }
    }
  };
  read().catch((err: unknown) => {
    if (!stopped) console.warn('camera frame reader failed', err);
  });
  return () => {
    stopped = true;
    reader.cancel().catch(() => undefined);
    own.stop();
  };
}

function videoSource(video: HTMLVideoElement, accept: Accept): () => void {
  const clock = new FrameClock();
  let stopped = false;
  let handle = 0;
  // Bitmaps resolve in call order, but chain them anyway: frames must reach the pump in capture order.
  let chain: Promise<void> = Promise.resolve();
  const tick = (now: number, meta: VideoFrameCallbackMetadata) => {
    if (stopped) return;
    handle = video.requestVideoFrameCallback(tick);
    if (video.videoWidth === 0) return;
    const t = clock.toPageTime(meta.captureTime ?? meta.mediaTime * 1000, now);
    const grabbed = createImageBitmap(video);
    chain = chain
      .then(() => grabbed)
      .then((bitmap) => (stopped ? bitmap.close() : accept(t, bitmap)))
      .catch((err: unknown) => console.warn('frame grab failed', err));
  };
  handle = video.requestVideoFrameCallback(tick);
  return () => {
    stopped = true;
    video.cancelVideoFrameCallback(handle);
  };
}
