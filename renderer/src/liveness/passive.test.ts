import { describe, expect, it } from 'vitest';
import { PassiveMonitor, screenScore, type PassiveReason } from './passive';
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

describe('screen/print score', () => {
  const withCues = (t: number, periodic: number, bezel: number) => frame(t, { ...jitter(t), cues: { periodic, bezel, ms: 1 } });
  const live = (n: number, periodic = 4, bezel = 0.3) => Array.from({ length: n }, (_, i) => withCues(i * 50, periodic, bezel));
  it('never fires on live-like cue values (the measured bona fide range: periodic <= 4.8, bezel <= 0.5)', () => {
    expect(firstReason(live(80, 4.8, 0.5)).reason).toBeNull();
  });
  it('fires screen_presentation once the median of the window crosses a threshold, for either cue', () => {
    const screen = [...live(10), ...Array.from({ length: 30 }, (_, i) => withCues(500 + i * 50, 9.5, 0.3))];
    const r = firstReason(screen);
    expect(r.reason).toBe('screen_presentation');
    // The median needs more than half of the 15-frame window: a single outlier frame never fires.
    expect(r.at).toBeGreaterThanOrEqual(500 + 7 * 50);
    expect(firstReason([...live(10), ...Array.from({ length: 30 }, (_, i) => withCues(500 + i * 50, 4, 1))]).reason).toBe('screen_presentation');
  });
  it('ignores single outlier frames', () => {
    const frames = live(80).map((f, i) => (i % 3 === 0 ? withCues(f.t, 12, 1) : f));
    expect(firstReason(frames).reason).toBeNull();
  });
  it('counts only the enabled cues (pad:eval variants)', () => {
    const m = new PassiveMonitor({ cues: ['bezel'] });
    let last = null;
    for (let i = 0; i < 40; i++) last = m.push(withCues(i * 50, 12, 0.2));
    expect(last?.reason).toBeNull();
    expect(screenScore([{ periodic: 14, bezel: 0.45 }], ['periodic', 'bezel'])).toEqual({ score: 2, cue: 'periodic' });
  });
});
