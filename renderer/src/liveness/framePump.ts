// Feeds queued camera frames to the face engine, a bounded number in flight, in capture order.
// Pure (no DOM): loop.ts gives it frames from the camera; the unit tests give it a slow fake engine.
import { FrameQueue } from './frameQueue';

export interface PumpOptions<T, R> {
  /** Frames analysed at once: 2 for a worker (the next frame is transferred while one is analysed), 1 on the main thread. */
  maxInFlight: number;
  analyze: (item: T, t: number) => Promise<R>;
  /** Called with each result, in the order the frames were captured. */
  onResult: (r: R) => void;
  /** Frees a frame the pump will not analyse (dropped from the backlog, or waiting when stopped). */
  release: (item: T) => void;
  /** Frames allowed to wait, and the oldest a waiting frame may be behind the newest (see FrameQueue). */
  maxWaiting?: number;
  maxBacklogMs?: number;
}

export class FramePump<T, R> {
  private readonly queue: FrameQueue<T>;
  private inFlight = 0;
  private stopped = false;

  constructor(private readonly opts: PumpOptions<T, R>) {
    this.queue = new FrameQueue<T>(opts.maxWaiting, opts.maxBacklogMs);
  }

  /** Frames dropped because analysis fell behind the camera. */
  get dropped(): number {
    return this.queue.dropped;
  }

  /** Frames waiting for the engine. */
  get waiting(): number {
    return this.queue.length;
  }

  push(t: number, item: T): void {
    if (this.stopped) return this.opts.release(item);
    this.queue.push(t, item).forEach(this.opts.release);
    this.drain();
  }

  stop(): void {
    this.stopped = true;
    this.queue.clear().forEach(this.opts.release);
  }

  private drain(): void {
    while (!this.stopped && this.inFlight < this.opts.maxInFlight) {
      const next = this.queue.shift();
      if (!next) return;
      this.inFlight++;
      // Replies come back in order: the worker handles messages one after another, and the
      // main-thread engine analyses synchronously inside its call.
      this.opts
        .analyze(next.item, next.t)
        .then((r) => {
          if (!this.stopped) this.opts.onResult(r);
        })
        .catch((err: unknown) => console.warn('frame analysis failed', err))
        .finally(() => {
          this.inFlight--;
          this.drain();
        });
    }
  }
}
