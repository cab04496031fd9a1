import { describe, expect, it } from 'vitest';
import { decodeFrames, encodeFrame } from './fixtureCodec';
import { face, frame } from './testkit';

describe('fixture codec', () => {
  it('round-trips an observation', () => {
    const f = frame(1234, face({ yaw: 3.25, blinkL: 0.5 }));
    const [decoded] = decodeFrames({ source: 'x', note: '', frames: [encodeFrame(f, 1000)] });
    expect(decoded).toEqual({ ...f, t: 234, inferMs: 0 });
  });
  it('keeps a frame without a face', () => {
    const [decoded] = decodeFrames({ source: 'x', note: '', frames: [encodeFrame(frame(5, null), 0)] });
    expect(decoded?.face).toBeNull();
  });
});
