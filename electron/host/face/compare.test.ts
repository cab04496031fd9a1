/** The face comparison on real faces (the shared faces folder), chip-like portraits small and recompressed. */
import { describe, expect, it } from 'vitest';
import { decodePortrait } from './decode';
import { comparePortraits, THRESHOLD } from './compare';
import { faceModel } from './model';
import { makePortraitJpeg } from '../sim/virtual-cccd/portrait';
import { chipPortrait, HAVE_FACES, livePortrait, NO_FACES_REASON } from './test-faces';

describe.skipIf(!HAVE_FACES)(`1:1 comparison on real faces (skipped when ${NO_FACES_REASON})`, () => {
  it('loads its weights and WebAssembly from the package folder, with no network request (its thread refuses and counts any)', async () => {
    const model = await faceModel();
    expect(await model.describe(livePortrait('aoc'))).not.toBeNull();
    expect(model.networkAttempts()).toBe(0);
  }, 120_000);

  it('the same person matches: a 300×400 JPEG (q50) chip portrait against a live frame seconds later', async () => {
    const chip = await chipPortrait('aoc', 'jpeg300');
    expect(decodePortrait(chip)).toMatchObject({ width: 300, height: 400 });
    const r = await comparePortraits(chip, livePortrait('aoc', 5));
    expect(r.decision).toBe('match');
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
  }, 120_000);

  it('still matches from a 180×240 JPEG (q35) and from a JPEG 2000 chip portrait kept as PNG', async () => {
    const small = await comparePortraits(await chipPortrait('hill', 'jpeg180'), livePortrait('hill', 3.5));
    expect(small.decision).toBe('match');
    const j2k = await chipPortrait('hill', 'j2k300');
    expect([...j2k.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect((await comparePortraits(j2k, livePortrait('hill', 5))).decision).toBe('match');
  }, 120_000);

  it('different people do not match, in either direction', async () => {
    const a = await comparePortraits(await chipPortrait('aoc'), livePortrait('hill', 3));
    expect(a.decision).toBe('no_match');
    expect(a.score).toBeLessThan(THRESHOLD);
    const b = await comparePortraits(await chipPortrait('d3'), livePortrait('aoc', 3));
    expect(b.decision).toBe('no_match');
  }, 120_000);

  it('a chip portrait with no face in it is "not compared", never a match', async () => {
    const r = await comparePortraits(makePortraitJpeg().bytes, livePortrait('aoc'));
    expect(r).toMatchObject({ decision: 'not_compared', score: null, reason: 'no_face_chip' });
  }, 120_000);
});
