// Pure pixel statistics on RGBA buffers (ImageData.data layout). No DOM: unit-testable.
export interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export function luma(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

export function toGray(img: Rgba): Float32Array {
  const out = new Float32Array(img.width * img.height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = luma(img.data[p] ?? 0, img.data[p + 1] ?? 0, img.data[p + 2] ?? 0);
  return out;
}

/** Variance of the 4-neighbour Laplacian: the classic focus measure (Pech-Pacheco et al.). */
export function laplacianVariance(gray: Float32Array, w: number, h: number): number {
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = (gray[i - 1] ?? 0) + (gray[i + 1] ?? 0) + (gray[i - w] ?? 0) + (gray[i + w] ?? 0) - 4 * (gray[i] ?? 0);
      sum += v;
      sum2 += v * v;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

export interface LumaStats {
  mean: number;
  left: number;
  right: number;
  clipHigh: number;
  clipLow: number;
}

export function lumaStats(gray: Float32Array, w: number, h: number): LumaStats {
  let all = 0;
  let left = 0;
  let right = 0;
  let hi = 0;
  let lo = 0;
  const half = w >> 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = gray[y * w + x] ?? 0;
      all += v;
      if (x < half) left += v;
      else if (x >= w - half) right += v;
      if (v >= 250) hi++;
      if (v <= 5) lo++;
    }
  }
  const n = Math.max(1, w * h);
  const nh = Math.max(1, half * h);
  return { mean: all / n, left: left / nh, right: right / nh, clipHigh: hi / n, clipLow: lo / n };
}

/** Mean (luma, Cb, Cr) of a square patch centred at (cx, cy) with half-size r, clamped to the image. */
export function patchYCbCr(img: Rgba, cx: number, cy: number, r: number): [number, number, number] {
  const x0 = Math.max(0, Math.round(cx - r));
  const x1 = Math.min(img.width - 1, Math.round(cx + r));
  const y0 = Math.max(0, Math.round(cy - r));
  const y1 = Math.min(img.height - 1, Math.round(cy + r));
  let sy = 0;
  let sb = 0;
  let sr = 0;
  let n = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const p = (y * img.width + x) * 4;
      const R = img.data[p] ?? 0;
      const G = img.data[p + 1] ?? 0;
      const B = img.data[p + 2] ?? 0;
      sy += luma(R, G, B);
      sb += 128 - 0.168736 * R - 0.331264 * G + 0.5 * B;
      sr += 128 + 0.5 * R - 0.418688 * G - 0.081312 * B;
      n++;
    }
  }
  return n === 0 ? [0, 128, 128] : [sy / n, sb / n, sr / n];
}

/** 32-bit FNV-1a over grey values quantised to 6 bits, as 8 hex digits. */
export function signature(gray: Float32Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < gray.length; i++) {
    h ^= (gray[i] ?? 0) >> 2;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length || a.length === 0) return 255;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return s / a.length;
}
