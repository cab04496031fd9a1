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
  /**
   * For an engine that analyses synchronously inside its call (the main-thread fallback): each
   * analysis starts on a later task given by `defer`, so the camera reader that pushed a frame gets
   * back to reading between two analyses. Without it the reader stood blocked inside push() for a
   * whole inference, and the frames the browser discarded meanwhile were never counted or thinned
   * evenly (34-37 frames in 3 s, gaps up to 395 ms, a bona fide citizen failed on a busy machine).
   * The frame is taken from the queue when the analysis starts, not when it is scheduled.
   */
  defer?: (run: () => void) => void;
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
    const defer = this.opts.defer;
    if (defer) {
      if (this.stopped || this.inFlight >= this.opts.maxInFlight || this.queue.length === 0) return;
      this.inFlight++;
      defer(() => {
        this.inFlight--;
        this.start();
      });
      return;
    }
    this.start();
  }

  /** Starts analyses while there are frames waiting and slots free. */
  private start(): void {
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
      // One at a time when deferred: the next waits for a later task again.
      if (this.opts.defer) return;
    }
  }
}
