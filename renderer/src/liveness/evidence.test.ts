import { describe, expect, it } from 'vitest';
import { EvidenceRecorder } from './evidence';

describe('liveness evidence', () => {
  it('states what the decision was made on: frames analysed, their rate in camera time, the longest gap', () => {
    const ev = new EvidenceRecorder(7);
    // 10 analysed frames per second for 2 s, with a hole of 300 ms (two frames lost).
    const times = Array.from({ length: 21 }, (_, i) => 1000 + i * 100).filter((t) => t !== 1500 && t !== 1600);
    for (const t of times) ev.sample(t, [0, 0, 0.05, 0, 1, 1, 9]);
    const built = ev.build({ challenges: [], baseline: null, verdict: { status: 'pending' } });
    expect(built.analysis).toEqual({ frames: 19, fps: 9, maxGapMs: 300 });
    expect(built.samples.length).toBeLessThanOrEqual(19);
  });

  it('an empty session reports no rate', () => {
    expect(new EvidenceRecorder(1).build({ challenges: [], baseline: null, verdict: { status: 'pending' } }).analysis).toEqual({ frames: 0, fps: 0, maxGapMs: 0 });
  });
});
