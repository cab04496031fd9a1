// Blink detection from the eye-closure dynamics (eyeBlinkLeft/Right over time), built to hold at
// 10-15 analysed frames per second, when a slow or busy PC analyses fewer frames than the camera
// delivers. A genuine blink lasts 100-400 ms: at 10 fps the closed phase is often seen in ONE frame,
// and that frame often lands on the closing or opening phase (a partial score, 0.3 where a
// full-rate frame shows 0.7). So no absolute score threshold and no "two frames closed" rule:
//
// - closure c = mean of both eyes' scores; the open level is the person's own just before: the
//   lowest c over the frames of the last `closeWithinMs` (not the resting score taken at the start of
//   the session: gaze, pose and light move the open level by 0.1-0.3, and a session's baseline may be
//   taken during a blink);
// - a closing is a rise of c by `rise` above it, within `closeWithinMs`: seen across two frames,
//   or three when one in between was lost (the window is in time, not frames), from eyes that were
//   open (c ≤ `openMax`: a flicker of already closed eyes is no blink);
// - a blink is a closing followed by a reopening, c falling back by `reopenFraction` of the rise;
// - the time the eyes stayed closed is estimated by linear interpolation of c between frames (where
//   it crossed half the rise going up and coming down), so a missed frame widens nothing: a closure
//   longer than `maxClosedMs` (a held squint, eyes shut for a second or more) is not a blink.
//
// Winks: c is the MEAN of both eyes, so one eye closing fully (0.6-0.9 on that eye) moves c by about
// half as much as a blink and, like a partly sampled blink, counts; one eye's jitter or a half-closed
// eye does not. We accept it on purpose: it answers the prompt at a moment a recording cannot know,
// and a citizen who cannot close both eyes together (facial palsy, a prosthetic eye) must not be
// turned away. A slow squint (narrowing over more than `closeWithinMs`) is no closing; a quick
// squint that closes as far and reopens within `maxClosedMs` cannot be told from a blink in these
// scores and counts.
//
// Pure and deterministic: the challenge tracker (challenges.ts / motions.ts) feeds it the frames of
// the blink step; blink.test.ts runs it over recorded clips decimated to 30, 15, 12 and 10 fps.

export const BLINK = {
  /** Rise of the closure score above the open level that is a closing. */
  rise: 0.2,
  /** The rise must happen within this long: two frames at 10 fps even with one lost in between
   *  (200 ms and capture jitter); at 15 fps a closing spread over two frames with one lost on each side. */
  closeWithinMs: 300,
  /** Reopened once the score has fallen back by this fraction of the rise (from the peak towards the open level). */
  reopenFraction: 0.5,
  /** Eyes scoring more than this are not open (the quality check's eyesOpen limit): no closing starts from there. */
  openMax: 0.4,
  /** Longest closure (interpolated, at half the rise) that is still a blink. */
  maxClosedMs: 1000,
} as const;

export interface BlinkEvent {
  /** Interpolated times the closure crossed half its rise, going up and coming down. */
  closedAt: number;
  reopenedAt: number;
  /** Peak closure score seen, and the open level it rose from. */
  peak: number;
  open: number;
}

export interface BlinkStep {
  /** 0..1 towards a blink, for the UI: at most 0.5 until a closing, 0.7 while closed, 1 at the blink. */
  progress: number;
  /** Set on the frame that completes a blink. */
  blink: BlinkEvent | null;
}

interface Sample {
  t: number;
  c: number;
}

interface Closure {
  open: number;
  peak: number;
  /** Interpolated up-crossing of open + rise / 2. */
  up: number;
  /** The last frame at or above half the rise, and the first below it since. */
  last: Sample;
  below: Sample | null;
  /** The lowest frame since the closing began, and how far below the peak before it. */
  trough: (Sample & { depth: number }) | null;
}

export class BlinkDetector {
  private recent: Sample[] = [];
  private closure: Closure | null = null;

  /** `resting`: the person's resting closure score (the session baseline, mean of both eyes), for the progress shown. */
  constructor(private readonly resting = 0) {}

  /** One analysed frame with a face. Frames without a face are simply not pushed (a gap). */
  push(t: number, blinkL: number, blinkR: number): BlinkStep {
    const s: Sample = { t, c: (blinkL + blinkR) / 2 };
    this.recent = this.recent.filter((r) => s.t - r.t <= BLINK.closeWithinMs && r.t < s.t);
    const step = this.closure ? this.whileClosed(s, this.closure) : this.whileOpen(s);
    this.recent.push(s);
    return step;
  }

  private whileOpen(s: Sample): BlinkStep {
    const before = this.recent;
    // The open level is the person's own, just before: the lowest score of the last closeWithinMs.
    // (Not the resting score taken at the start: gaze, pose and light move it by 0.1-0.3.)
    const open = before.reduce((m, r) => Math.min(m, r.c), Infinity);
    if (open <= BLINK.openMax && s.c - open >= BLINK.rise) {
      // The up-crossing lies between the last frame below half the rise and this one.
      const half = open + (s.c - open) / 2;
      this.closure = { open, peak: s.c, up: cross(lastBelow(before, half) ?? s, s, half), last: s, below: null, trough: null };
      return { progress: 0.7, blink: null };
    }
    return { progress: Math.min(0.5, Math.max(0, (s.c - this.resting) / BLINK.rise) * 0.5), blink: null };
  }

  private whileClosed(s: Sample, k: Closure): BlinkStep {
    // Closing again from a partial reopening (by at least half a rise: a double blink seen at a low
    // rate): the first one ends at its lowest frame since, the new one starts from there.
    const tr = k.trough;
    if (tr && tr.depth >= BLINK.rise / 2 && s.c - tr.c >= BLINK.rise && tr.c <= BLINK.openMax) {
      const half = k.open + (k.peak - k.open) / 2;
      const done = this.end(k, cross(k.last, k.below ?? tr, half));
      this.closure = { open: tr.c, peak: s.c, up: cross(tr, s, tr.c + (s.c - tr.c) / 2), last: s, below: null, trough: null };
      return { progress: done ? 1 : 0.7, blink: done };
    }
    if (s.c > k.peak) {
      k.peak = s.c;
      // A dip of less than half a rise before this higher frame was no reopening.
      if (k.trough && k.trough.depth < BLINK.rise / 2) k.trough = null;
    } else if (!k.trough || s.c < k.trough.c) k.trough = { ...s, depth: k.peak - s.c };
    const half = k.open + (k.peak - k.open) / 2;
    if (s.c >= half) {
      k.last = s;
      k.below = null;
    } else k.below ??= s;
    if (s.c > k.peak - BLINK.reopenFraction * (k.peak - k.open)) return { progress: 0.7, blink: null };
    // Reopened: the down-crossing lies between the last frame above half the rise and the first below it.
    // The frames of this closure are no open level for the next one (the rest of the reopening would
    // look like a new closing).
    this.closure = null;
    this.recent = [];
    const done = this.end(k, cross(k.last, k.below ?? s, half));
    return { progress: done ? 1 : 0, blink: done };
  }

  /** The blink a closure makes, or null when it was closed too long (a held squint, eyes shut). */
  private end(k: Closure, down: number): BlinkEvent | null {
    if (down - k.up > BLINK.maxClosedMs) return null;
    return { closedAt: round(k.up), reopenedAt: round(down), peak: k.peak, open: k.open };
  }
}

function lastBelow(xs: Sample[], level: number): Sample | undefined {
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i];
    if (x && x.c < level) return x;
  }
  return undefined;
}

/** Time at which the line from a to b crosses `level` (a and b on either side of it). */
function cross(a: Sample, b: Sample, level: number): number {
  if (b.c === a.c) return b.t;
  const f = Math.min(1, Math.max(0, (level - a.c) / (b.c - a.c)));
  return a.t + f * (b.t - a.t);
}

const round = (v: number) => Math.round(v * 10) / 10;
