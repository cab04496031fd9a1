import { describe, expect, it } from 'vitest';
import { cropMargins, icaoCrop, PORTRAIT_H, PORTRAIT_W, toPortrait } from './crop';
import { face } from './testkit';

describe('ICAO token crop', () => {
  it('puts the eyes at (180,288) and (300,288) of a 480x640 portrait', () => {
    const f = face({ eyeRight: [280, 200], eyeLeft: [340, 200] });
    const c = icaoCrop(f);
    expect(c.scale).toBeCloseTo(0.5);
    const r = toPortrait(c, f.eyeRight);
    const l = toPortrait(c, f.eyeLeft);
    expect(r[0]).toBeCloseTo(180);
    expect(l[0]).toBeCloseTo(300);
    expect(r[1]).toBeCloseTo(0.6 * PORTRAIT_W);
    expect(c.w / c.h).toBeCloseTo(PORTRAIT_W / PORTRAIT_H);
  });
  it('levels a tilted head: both eyes land on the same portrait row', () => {
    const f = face({ eyeRight: [280, 190], eyeLeft: [340, 210] });
    const c = icaoCrop(f);
    expect(toPortrait(c, f.eyeRight)[1]).toBeCloseTo(toPortrait(c, f.eyeLeft)[1]);
  });
  it('reports how far the crop spills out of the frame', () => {
    const inside = cropMargins(face({ eyeRight: [290, 230], eyeLeft: [350, 230] }), 640, 480);
    expect(inside.overLeft + inside.overRight + inside.overTop).toBe(0);
    const offLeft = cropMargins(face({ eyeRight: [20, 230], eyeLeft: [80, 230] }), 640, 480);
    expect(offLeft.overLeft).toBeGreaterThan(0.2);
  });
});
