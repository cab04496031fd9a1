import { describe, expect, it } from 'vitest';
import { assessQuality, primaryHint, THRESHOLDS, type CheckId } from './quality';
import { face, frame, recorded } from './testkit';

const failing = (checks: ReturnType<typeof assessQuality>): CheckId[] => checks.filter((c) => !c.ok).map((c) => c.id);

describe('quality checks on synthetic frames', () => {
  it('passes a well-posed, well-lit, sharp frontal face', () => {
    expect(failing(assessQuality(frame(0)))).toEqual([]);
  });
  it('asks for exactly one face', () => {
    expect(primaryHint(assessQuality(frame(0, null)))).toBe('noFace');
    expect(primaryHint(assessQuality(frame(0, face(), { faceCount: 2 })))).toBe('manyFaces');
  });
  it('fails pose beyond ±5° yaw/pitch and ±8° roll, and says "look straight"', () => {
    expect(failing(assessQuality(frame(0, face({ yaw: 6 }))))).toEqual(['pose']);
    expect(failing(assessQuality(frame(0, face({ pitch: -5.5 }))))).toEqual(['pose']);
    expect(failing(assessQuality(frame(0, face({ roll: 7.9 }))))).toEqual([]);
    expect(primaryHint(assessQuality(frame(0, face({ roll: 8.5 }))))).toBe('lookStraight');
  });
  it('flags closed eyes and an open mouth from blendshapes', () => {
    expect(failing(assessQuality(frame(0, face({ blinkL: 0.7, blinkR: 0.6 }))))).toEqual(['eyesOpen']);
    expect(failing(assessQuality(frame(0, face({ jawOpen: 0.4 }))))).toEqual(['mouthClosed']);
  });
  it('tells a dark, a clipped and an unevenly lit face apart', () => {
    const s = face().stats;
    expect(primaryHint(assessQuality(frame(0, face({ stats: { ...s, lumMean: 50 } }))))).toBe('tooDark');
    expect(primaryHint(assessQuality(frame(0, face({ stats: { ...s, clipHigh: 0.1 } }))))).toBe('tooBright');
    expect(primaryHint(assessQuality(frame(0, face({ stats: { ...s, lumLeft: 60, lumRight: 140 } }))))).toBe('unevenLight');
  });
  it('flags a blurred face and a covered lower face', () => {
    const s = face().stats;
    expect(failing(assessQuality(frame(0, face({ stats: { ...s, laplacianVar: THRESHOLDS.sharpnessMin - 1 } }))))).toEqual(['sharpness']);
    // A light-blue surgical mask: chroma far from the forehead/cheek skin.
    expect(failing(assessQuality(frame(0, face({ stats: { ...s, chromaLower: [140, 120] } }))))).toEqual(['occlusion']);
  });
  it('asks to move closer below the minimum inter-eye distance and back above the maximum', () => {
    expect(primaryHint(assessQuality(frame(0, face({ eyeRight: [300, 220], eyeLeft: [340, 220] }))))).toBe('moveCloser');
    expect(primaryHint(assessQuality(frame(0, face({ eyeRight: [250, 260], eyeLeft: [390, 260] }))))).toBe('moveBack');
  });
  it('asks to centre a face whose portrait crop would leave the frame', () => {
    expect(primaryHint(assessQuality(frame(0, face({ eyeRight: [30, 220], eyeLeft: [120, 220] }))))).toBe('centre');
  });
  it('reports OFIQ-named measures', () => {
    const names = assessQuality(frame(0)).flatMap((c) => c.measures.map((m) => m.name));
    expect(names).toEqual(expect.arrayContaining(['InterEyeDistance', 'HeadPoseYaw', 'EyesOpen', 'MouthClosed', 'Sharpness', 'IlluminationUniformity']));
  });
});

describe('quality checks on recorded faces', () => {
  it('says "move closer" for the small official portrait', () => {
    const checks = assessQuality(recorded('obama')[10]!);
    expect(checks.find((c) => c.id === 'faceSize')?.hint).toBe('moveCloser');
  });
  it('fails the small, soft printed photo on size and sharpness', () => {
    expect(failing(assessQuality(recorded('printed')[10]!))).toEqual(expect.arrayContaining(['faceSize', 'sharpness']));
  });
  it('fails pose while the genuine subject turns, and passes it when frontal', () => {
    const frames = recorded('d12').filter((f) => f.face);
    const turned = frames.filter((f) => Math.abs(f.face!.yaw) > 12);
    const frontal = frames.filter((f) => Math.abs(f.face!.yaw) < 3 && Math.abs(f.face!.pitch) < 3 && Math.abs(f.face!.roll) < 3);
    expect(turned.length).toBeGreaterThan(5);
    expect(frontal.length).toBeGreaterThan(5);
    turned.forEach((f) => expect(assessQuality(f).find((c) => c.id === 'pose')?.ok).toBe(false));
    frontal.forEach((f) => expect(assessQuality(f).find((c) => c.id === 'pose')?.ok).toBe(true));
  });
  it('flags a mask-coloured patch over the lower face on a real clip', () => {
    const frames = recorded('mask').filter((f) => f.face);
    expect(frames.length).toBeGreaterThan(20);
    frames.forEach((f) => expect(assessQuality(f).find((c) => c.id === 'occlusion')).toMatchObject({ ok: false, hint: 'uncover' }));
  });
  it('keeps a real face under the occlusion limit', () => {
    for (const name of ['d12', 'd3', 'hill'] as const) {
      recorded(name).filter((f) => f.face).forEach((f) => expect(assessQuality(f).find((c) => c.id === 'occlusion')?.ok).toBe(true));
    }
  });
});
