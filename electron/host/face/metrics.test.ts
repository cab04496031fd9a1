import { describe, expect, it } from 'vitest';
import { fitWithin } from './decode';
import { equalErrorRate, histogram, ratesAt } from './metrics';

describe('error rates', () => {
  it('counts false matches at or above and false non-matches below the threshold', () => {
    expect(ratesAt([0.9, 0.6, 0.4], [0.1, 0.5, 0.2, 0.3], 0.5)).toEqual({ threshold: 0.5, fmr: 0.25, fnmr: 1 / 3 });
  });
  it('finds the equal error rate where the two cross', () => {
    expect(equalErrorRate([0.8, 0.7, 0.6, 0.3], [0.1, 0.2, 0.4, 0.65])).toMatchObject({ eer: 0.25 });
    expect(equalErrorRate([0.8, 0.7], [0.1, 0.2])).toMatchObject({ eer: 0 });
  });
  it('bins scores by tenths', () => {
    expect(histogram([0, 0.05, 0.55, 1]).map((b) => b.count)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});

describe('downscaling', () => {
  it('averages areas down to the longest side and leaves small images alone', () => {
    const img = { width: 4, height: 2, rgb: new Uint8Array([0, 0, 0, 100, 100, 100, 0, 0, 0, 100, 100, 100, 0, 0, 0, 100, 100, 100, 0, 0, 0, 100, 100, 100]) };
    const half = fitWithin(img, 2);
    expect(half).toMatchObject({ width: 2, height: 1 });
    expect([...half.rgb]).toEqual([50, 50, 50, 50, 50, 50]);
    expect(fitWithin(img, 10)).toBe(img);
  });
});
