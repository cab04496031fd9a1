import { describe, expect, it } from 'vitest';
import { PassiveMonitor, type PassiveReason } from './passive';
import type { FrameObservation } from './types';
import { face, frame, jitter, recorded } from './testkit';

function firstReason(frames: FrameObservation[]): { reason: PassiveReason | null; at: number } {
  const m = new PassiveMonitor();
  for (const f of frames) {
    const s = m.push(f);
    if (s.reason) return { reason: s.reason, at: f.t };
  }
  return { reason: null, at: -1 };
}

describe('passive liveness on recorded media', () => {
  it('rejects still photos presented as video (frozen frame) within about a second', () => {
    for (const name of ['biden', 'printed', 'obama'] as const) {
      const r = firstReason(recorded(name));
      expect(r.reason).toBe('frozen_frame');
      expect(r.at).toBeLessThan(2000);
    }
  });
  it('does not reject genuine clips during their first pass', () => {
    expect(firstReason(recorded('d12').filter((f) => f.t < 7000)).reason).toBeNull();
    expect(firstReason(recorded('d3')).reason).toBeNull();
    expect(firstReason(recorded('hill')).reason).toBeNull();
  });
  it('detects the clip looping (the fake camera replays the 7.3 s file)', () => {
    const r = firstReason(recorded('d12'));
    expect(r.reason).toBe('replay_loop');
    expect(r.at).toBeGreaterThan(7000);
  });
});

describe('passive liveness on synthetic sequences', () => {
  it('rejects a perfectly still face even when the frames carry sensor noise', () => {
    const frames = Array.from({ length: 40 }, (_, i) => frame(i * 50, face()));
    expect(firstReason(frames).reason).toBe('no_micro_motion');
  });
  it('accepts a face with natural micro-motion', () => {
    const frames = Array.from({ length: 80 }, (_, i) => frame(i * 50, jitter(i * 50)));
    expect(firstReason(frames).reason).toBeNull();
  });
  it('rejects a frozen feed', () => {
    const frames = Array.from({ length: 40 }, (_, i) => frame(i * 50, jitter(i * 50), { frameDiff: 0, signature: 'aaaaaaaa' }));
    expect(firstReason(frames).reason).toBe('frozen_frame');
  });
});
