// Pure pieces of the frame loop (loop.ts), unit-tested without a camera.
//
// FrameClock: the session's clock is the camera's own frame timestamps (capture time), moved into
// the page's performance.now() timeline once, at the first frame. Whether a frame is analysed
// 5 ms or 500 ms after its capture, its time is when the camera took it: a slow or busy PC delays
// the verdict, it does not stretch or shrink the citizen's actions.
//
// FrameQueue: frames wait here, in order, while the face engine is busy, so a short blink is not
// lost to a momentary stall (another process, a garbage collection). When more than `maxWaiting`
// frames wait (analysis slower than the camera), the queue thins itself where the frames are
// densest, so the frames analysed stay evenly spread in time (never a whole stretch lost, never two
// neighbours dropped while the engine keeps up with 2 frames in 3); every drop is counted. The
// prompts then lag the camera by at most `maxWaiting` analysis times (a hard age bound,
// `maxBacklogMs`, is only a safety net).

export const FRAME_LOOP = {
  /** Frames allowed to wait for the engine (1 s of a 30 fps camera) before the queue thins itself. */
  maxWaiting: 30,
  /** A safety net for an engine that has all but stopped: no frame waits longer than this behind the
   *  newest one. Dropping the oldest loses a stretch, so it must bite far later than the thinning:
   *  normally the lag is at most maxWaiting frames' analysis time. */
  maxBacklogMs: 4000,
  /** A timestamp jump larger than this (or backwards) means a new stream: re-anchor the clock. */
  maxJumpMs: 5000,
  /** A frame is never dated more than this before it reached the page. A camera's frames reach the
   *  reader a few frames late at most (the track processor keeps 8); a source whose timestamps run
   *  slower than real time (a virtual camera) would otherwise stretch every window of the session in
   *  real time: the reaction window, the pauses, the timeouts. */
  maxLagMs: 2000,
} as const;

export class FrameClock {
  private offset: number | null = null;
  private last = -Infinity;
  /** Frames dated later than their timestamp says because it lagged real time by more than maxLagMs. */
  clamped = 0;

  /** `frameMs`: the frame's own timestamp in ms (any origin); `nowMs`: performance.now() when it arrived. */
  toPageTime(frameMs: number, nowMs: number): number {
    if (!Number.isFinite(frameMs)) return this.next(nowMs);
    let t = this.offset === null ? NaN : frameMs + this.offset;
    if (Number.isNaN(t) || t < this.last || t - this.last > FRAME_LOOP.maxJumpMs) {
      // Anchor (first frame, or a new stream): the timeline stays strictly increasing.
      this.offset = Math.max(nowMs, this.last + 1) - frameMs;
      t = frameMs + this.offset;
    }
    if (nowMs - t > FRAME_LOOP.maxLagMs) {
      // Timestamps running slow: re-anchored maxLagMs behind real time, which the clock then follows.
      this.clamped++;
      this.offset = nowMs - FRAME_LOOP.maxLagMs - frameMs;
      t = frameMs + this.offset;
    }
    return this.next(t);
  }

  private next(t: number): number {
    this.last = Math.max(t, this.last + 0.001);
    return this.last;
  }
}

export class FrameQueue<T> {
  private items: { t: number; item: T }[] = [];
  private lastTaken = -Infinity;
  /** Frames dropped because analysis fell behind the camera. */
  dropped = 0;

  constructor(
    private readonly maxWaiting: number = FRAME_LOOP.maxWaiting,
    private readonly maxBacklogMs: number = FRAME_LOOP.maxBacklogMs,
  ) {}

  get length(): number {
    return this.items.length;
  }

  /** Adds a frame; returns the frames dropped to keep the backlog bounded (the caller frees them). */
  push(t: number, item: T): T[] {
    this.items.push({ t, item });
    const out: T[] = [];
    while (this.items.length > 1 && t - (this.items[0]?.t ?? t) > this.maxBacklogMs) out.push(this.removeAt(0));
    while (this.items.length > this.maxWaiting) out.push(this.removeAt(this.densest()));
    this.dropped += out.length;
    return out;
  }

  shift(): { t: number; item: T } | undefined {
    const next = this.items.shift();
    if (next) this.lastTaken = next.t;
    return next;
  }

  /** Empties the queue; returns what was waiting (the caller frees it). */
  clear(): T[] {
    const out = this.items.map((i) => i.item);
    this.items = [];
    return out;
  }

  /** The waiting frame (never the newest) whose removal leaves the smallest gap between analysed frames. */
  private densest(): number {
    let best = 0;
    let bestGap = Infinity;
    for (let i = 0; i < this.items.length - 1; i++) {
      const before = i > 0 ? (this.items[i - 1]?.t ?? -Infinity) : this.lastTaken;
      const gap = (this.items[i + 1]?.t ?? Infinity) - before;
      if (gap < bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    return best;
  }

  private removeAt(i: number): T {
    const [gone] = this.items.splice(i, 1);
    if (!gone) throw new Error('FrameQueue: nothing to remove');
    return gone.item;
  }
}
