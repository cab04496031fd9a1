// Image cues that a display or a paper sits between the citizen and the camera. Pure functions on
// small grey buffers (the worker cuts them from the frame): unit-tested on real frames.
//   periodicScore: a screen's pixel grid and the moiré it makes against the camera's pixels put sharp
//     peaks into the high-frequency spectrum of the face; skin, hair and sensor noise spread their
//     energy smoothly. Measured on a 64x64 native-resolution patch at the face's centre.
//   bezelScore: a screen's bezel or a print's margin is a rectangle of long straight edges closing
//     around the face; measured on a 160x120 grey copy of the frame, the four sides each outside
//     the face box.

export const CUE_PATCH = 64;
export const CUE_FRAME_W = 160;
export const CUE_FRAME_H = 120;

const TWIDDLES = new Map<number, { cos: Float64Array; sin: Float64Array }>();

/** In-place radix-2 complex FFT of length n (power of two). */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  let tw = TWIDDLES.get(n);
  if (!tw) {
    tw = { cos: Float64Array.from({ length: n / 2 }, (_, k) => Math.cos((-2 * Math.PI * k) / n)), sin: Float64Array.from({ length: n / 2 }, (_, k) => Math.sin((-2 * Math.PI * k) / n)) };
    TWIDDLES.set(n, tw);
  }
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] ?? 0, re[i] ?? 0];
      [im[i], im[j]] = [im[j] ?? 0, im[i] ?? 0];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const step = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = tw.cos[k * step] ?? 1;
        const wi = tw.sin[k * step] ?? 0;
        const a = i + k;
        const b = a + len / 2;
        const xr = (re[b] ?? 0) * wr - (im[b] ?? 0) * wi;
        const xi = (re[b] ?? 0) * wi + (im[b] ?? 0) * wr;
        re[b] = (re[a] ?? 0) - xr;
        im[b] = (im[a] ?? 0) - xi;
        re[a] = (re[a] ?? 0) + xr;
        im[a] = (im[a] ?? 0) + xi;
      }
    }
  }
}

/** Power spectrum of an n x n patch (mean removed, Hann window), row-major, DC at 0. */
export function powerSpectrum(gray: Float32Array, n: number): Float64Array {
  let mean = 0;
  for (let i = 0; i < n * n; i++) mean += gray[i] ?? 0;
  mean /= n * n;
  const hann = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)));
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) re[y * n + x] = ((gray[y * n + x] ?? 0) - mean) * (hann[x] ?? 0) * (hann[y] ?? 0);
  const rr = new Float64Array(n);
  const ri = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    rr.set(re.subarray(y * n, y * n + n));
    ri.set(im.subarray(y * n, y * n + n));
    fft(rr, ri);
    re.set(rr, y * n);
    im.set(ri, y * n);
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      rr[y] = re[y * n + x] ?? 0;
      ri[y] = im[y * n + x] ?? 0;
    }
    fft(rr, ri);
    for (let y = 0; y < n; y++) {
      re[y * n + x] = rr[y] ?? 0;
      im[y * n + x] = ri[y] ?? 0;
    }
  }
  const p = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) p[i] = (re[i] ?? 0) ** 2 + (im[i] ?? 0) ** 2;
  return p;
}

/**
 * Isolated high-frequency peaks: a bin's power over the median power of its frequency ring, for
 * periods of 2–6 px (`rMin` and above), the strongest among mostly-horizontal frequencies and the
 * strongest among mostly-vertical ones; the weaker of the two, as log2. A pixel grid and its moiré
 * repeat in both directions (live frames 2.9–3.6 measured, screens 9–15.5); a resampling ripple or
 * a row of eyelashes mostly in one (one direction alone scored a clean live frame 6.2).
 */
export function periodicScore(gray: Float32Array, n = CUE_PATCH, rMin = Math.ceil(n / 6)): number {
  const p = powerSpectrum(gray, n);
  const { ring, offsets } = ringIndex(n);
  const half = n / 2;
  // Ring medians: bins grouped by ring in one typed array, each group sorted in place.
  const grouped = new Float64Array(offsets[half + 1] ?? 0);
  const fill = offsets.slice();
  for (let i = 0; i < ring.length; i++) {
    const r = ring[i] ?? -1;
    if (r < 0) continue;
    const at = fill[r] ?? 0;
    grouped[at] = p[binOf(i, n)] ?? 0;
    fill[r] = at + 1;
  }
  const med = new Float64Array(half + 1);
  for (let r = 0; r <= half; r++) {
    const g = grouped.subarray(offsets[r], offsets[r + 1]).sort();
    med[r] = g.length ? (g[g.length >> 1] ?? 0) : 0;
  }
  // The strongest peak among mostly-horizontal frequencies and among mostly-vertical ones: a pixel
  // grid repeats across both directions, a resampling ripple or a row of hair mostly along one.
  const best = [0, 0];
  for (let i = 0; i < ring.length; i++) {
    const r = ring[i] ?? -1;
    if (r < rMin) continue;
    // Floor: the ring power 8-bit quantisation alone leaves (1/12 per pixel through the window), so a
    // noiseless smooth patch cannot divide by almost nothing.
    const m = Math.max(QUANT_FLOOR * n * n, ((med[r - 1] ?? 0) + (med[r] ?? 0) + (r < half ? (med[r + 1] ?? 0) : (med[r] ?? 0))) / 3);
    const u = i % (half + 1);
    const v = Math.floor(i / (half + 1));
    const sector = u >= Math.abs(v > half ? v - n : v) ? 0 : 1;
    best[sector] = Math.max(best[sector] ?? 0, (p[binOf(i, n)] ?? 0) / m);
  }
  return Math.round(Math.log2(Math.max(1, Math.min(best[0] ?? 0, best[1] ?? 0))) * 100) / 100;
}

/** Index i over the half-plane (y in 0..n-1, x in 0..n/2) -> row-major spectrum bin. */
const binOf = (i: number, n: number) => Math.floor(i / (n / 2 + 1)) * n + (i % (n / 2 + 1));

const QUANT_FLOOR = (1 / 12) * 0.14;

const RINGS = new Map<number, { ring: Int16Array; offsets: Int32Array }>();

/** For each half-plane bin, its frequency ring (rounded radius; -1 beyond n/2), and where each ring's bins start when grouped. */
function ringIndex(n: number): { ring: Int16Array; offsets: Int32Array } {
  const cached = RINGS.get(n);
  if (cached) return cached;
  const half = n / 2;
  const ring = new Int16Array(n * (half + 1));
  const counts = new Int32Array(half + 2);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x <= half; x++) {
      const r = Math.round(Math.hypot(x, y > half ? y - n : y));
      const i = y * (half + 1) + x;
      ring[i] = r <= half ? r : -1;
      if (r <= half) counts[r + 1] = (counts[r + 1] ?? 0) + 1;
    }
  }
  const offsets = new Int32Array(half + 2);
  for (let r = 1; r <= half + 1; r++) offsets[r] = (offsets[r - 1] ?? 0) + (counts[r] ?? 0);
  const out = { ring, offsets };
  RINGS.set(n, out);
  return out;
}

/** A box in the cue frame's pixels. */
export type Box = readonly [x0: number, y0: number, x1: number, y1: number];

/**
 * How completely a rectangle of straight edges closes around the face: for each side (above, below,
 * left, right of the face box, never the frame's own border rows), the best line's coverage: the
 * fraction of positions along the face's extended span where the cross-line gradient is strong with
 * one consistent sign (±1 pixel of tilt allowed). The score is the weakest side (0..1): all four
 * sides must be there. A letterbox or a door frame gives two or three sides, not four.
 */
export function bezelScore(gray: Float32Array, w: number, h: number, face: Box, minGrad = 10): number {
  const [fx0, fy0, fx1, fy1] = face;
  const bw = fx1 - fx0;
  const bh = fy1 - fy0;
  const at = (x: number, y: number) => gray[y * w + x] ?? 0;
  const clampX = (x: number) => Math.max(1, Math.min(w - 2, Math.round(x)));
  const clampY = (y: number) => Math.max(1, Math.min(h - 2, Math.round(y)));
  // Cross-line gradient at (x, y) for a horizontal line (dy) or a vertical one (dx).
  const gH = (x: number, y: number) => at(x, y + 1) - at(x, y - 1);
  const gV = (x: number, y: number) => at(x + 1, y) - at(x - 1, y);
  const lineCoverage = (horizontal: boolean, pos: number, from: number, to: number): number => {
    let pos1 = 0;
    let neg1 = 0;
    for (let s = from; s <= to; s++) {
      let g = 0;
      for (let d = -1; d <= 1; d++) {
        const v = horizontal ? gH(s, pos + d) : gV(pos + d, s);
        if (Math.abs(v) > Math.abs(g)) g = v;
      }
      if (g >= minGrad) pos1++;
      else if (g <= -minGrad) neg1++;
    }
    return Math.max(pos1, neg1) / Math.max(1, to - from + 1);
  };
  const best = (horizontal: boolean, a: number, b: number, from: number, to: number): number => {
    let m = 0;
    for (let p = Math.max(2, a); p <= Math.min((horizontal ? h : w) - 3, b); p++) m = Math.max(m, lineCoverage(horizontal, p, from, to));
    return m;
  };
  const sx0 = clampX(fx0 - 0.15 * bw);
  const sx1 = clampX(fx1 + 0.15 * bw);
  const sy0 = clampY(fy0 - 0.1 * bh);
  const sy1 = clampY(fy1 + 0.1 * bh);
  const top = best(true, 2, Math.round(fy0 - 0.15 * bh), sx0, sx1);
  const bottom = best(true, Math.round(fy1 + 0.15 * bh), h - 3, sx0, sx1);
  const left = best(false, 2, Math.round(fx0 - 0.15 * bw), sy0, sy1);
  const right = best(false, Math.round(fx1 + 0.15 * bw), w - 3, sy0, sy1);
  return Math.round(Math.min(top, bottom, left, right) * 1000) / 1000;
}
