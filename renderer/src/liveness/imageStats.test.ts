import { describe, expect, it } from 'vitest';
import { laplacianVariance, lumaStats, meanAbsDiff, patchYCbCr, signature, toGray } from './imageStats';

function rgba(w: number, h: number, px: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([...px(x, y), 255], (y * w + x) * 4);
  return { data, width: w, height: h };
}

describe('image statistics', () => {
  it('gives zero Laplacian variance on a flat image and a large one on fine detail', () => {
    const flat = toGray(rgba(16, 16, () => [120, 120, 120]));
    const checker = toGray(rgba(16, 16, (x, y) => ((x + y) % 2 ? [200, 200, 200] : [50, 50, 50])));
    expect(laplacianVariance(flat, 16, 16)).toBeCloseTo(0);
    expect(laplacianVariance(checker, 16, 16)).toBeGreaterThan(1000);
  });
  it('ranks a blurred edge below a sharp edge', () => {
    const sharp = toGray(rgba(32, 8, (x) => (x < 16 ? [40, 40, 40] : [220, 220, 220])));
    const soft = toGray(rgba(32, 8, (x) => { const v = 40 + 180 / (1 + Math.exp(-(x - 16) / 3)); return [v, v, v]; }));
    expect(laplacianVariance(sharp, 32, 8)).toBeGreaterThan(laplacianVariance(soft, 32, 8));
  });
  it('measures left/right luminance and clipping', () => {
    const g = toGray(rgba(10, 4, (x) => (x < 5 ? [0, 0, 0] : [255, 255, 255])));
    const s = lumaStats(g, 10, 4);
    expect(s.left).toBeCloseTo(0);
    expect(s.right).toBeCloseTo(255, 0);
    expect(s.clipLow).toBeCloseTo(0.5);
    expect(s.clipHigh).toBeCloseTo(0.5);
  });
  it('reads patch chroma: skin is red-shifted, a blue mask is blue-shifted', () => {
    const skin = patchYCbCr(rgba(8, 8, () => [200, 150, 120]), 4, 4, 2);
    const mask = patchYCbCr(rgba(8, 8, () => [120, 170, 220]), 4, 4, 2);
    expect(skin[2]).toBeGreaterThan(140);
    expect(mask[1]).toBeGreaterThan(140);
  });
  it('gives identical frames identical signatures and zero difference', () => {
    const a = toGray(rgba(8, 6, (x, y) => [x * 20, y * 30, 7]));
    const b = toGray(rgba(8, 6, (x, y) => [x * 20, y * 30, 7]));
    const c = toGray(rgba(8, 6, (x, y) => [x * 20 + 9, y * 30, 7]));
    expect(signature(a)).toBe(signature(b));
    expect(signature(a)).not.toBe(signature(c));
    expect(meanAbsDiff(a, b)).toBe(0);
    expect(meanAbsDiff(a, c)).toBeGreaterThan(1);
  });
});
