import { describe, expect, it } from 'vitest';
import { forgeJ2kSize, makeTestJ2k, makeTestJpeg, wrapJp2 } from '../../../sim/lds-builder/test-images';
import { decodeJ2kToPng, toDisplayImage } from './dg2-image';
import { decodeJ2kInWorker } from './j2k-worker';
import { parseSiz } from './jpeg2000-header';
import { checkDeclaredSize, PortraitTooLarge } from './portrait-guard';

/** A JPEG whose SOF claims another size (the scan data is unchanged). */
function forgeJpegSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const b = jpeg.slice();
  const v = new DataView(b.buffer);
  for (let off = 2; off + 9 < b.length; off += 2 + v.getUint16(off + 2)) {
    if (b[off + 1] === 0xc0) {
      v.setUint16(off + 5, height);
      v.setUint16(off + 7, width);
      return b;
    }
  }
  throw new Error('no SOF0');
}

describe('portrait size guard (before any decoding)', async () => {
  const { codestream } = await makeTestJ2k(48, 64);

  it('reads what SIZ declares', () => {
    expect(parseSiz(codestream)).toMatchObject({ width: 48, height: 64, components: 3, maxBits: 8, tiles: 1 });
  });

  it('refuses a J2K codestream whose SIZ claims 11000x11000, naming the declared size', async () => {
    const forged = forgeJ2kSize(codestream, 11_000, 11_000);
    expect(forged.length).toBeLessThan(3_000);
    const refusal = await decodeJ2kToPng(forged).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PortraitTooLarge);
    expect(refusal).toMatchObject({ code: 'card.parse', message: expect.stringContaining('declares 11000x11000') });
  });

  it('refuses the same inside a JP2 file, whatever its ihdr box says', async () => {
    const jp2 = wrapJp2(forgeJ2kSize(codestream, 11_000, 11_000), 48, 64);
    await expect(toDisplayImage({ mime: 'image/jp2', bytes: jp2, container: '19794-5', width: 48, height: 64 })).rejects.toBeInstanceOf(PortraitTooLarge);
  });

  it('refuses a JPEG whose SOF claims 60000x60000 (the renderer would decode it), passes a normal one', () => {
    const jpeg = makeTestJpeg(60, 80);
    expect(checkDeclaredSize(jpeg, 'image/jpeg')).toEqual({ width: 60, height: 80 });
    expect(() => checkDeclaredSize(forgeJpegSize(jpeg, 60_000, 60_000), 'image/jpeg')).toThrow(PortraitTooLarge);
  });

  it('refuses a codestream of many tiny tiles and one without SIZ', () => {
    const tiny = codestream.slice();
    const v = new DataView(tiny.buffer);
    v.setUint32(24, 1);
    v.setUint32(28, 1);
    expect(() => checkDeclaredSize(tiny, 'image/j2c')).toThrow(PortraitTooLarge);
    expect(() => checkDeclaredSize(Uint8Array.of(0xff, 0x4f, 0xff, 0x52, 0, 0), 'image/j2c')).toThrow(expect.objectContaining({ code: 'card.parse' }));
  });
});

describe('JPEG 2000 decoding in a worker', () => {
  it('decodes in the worker, stops a decode at its time limit with card.parse, then decodes again', async () => {
    const { codestream } = await makeTestJ2k(48, 64);
    expect(await decodeJ2kInWorker(codestream)).toMatchObject({ width: 48, height: 64, components: 3 });
    // 2000x2000 passes the guard; filling 12 million samples cannot finish within 1 ms.
    const slow = forgeJ2kSize(codestream, 2_000, 2_000);
    await expect(decodeJ2kInWorker(slow, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'card.parse', message: expect.stringContaining('time limit') });
    expect((await decodeJ2kToPng(codestream)).width).toBe(48);
  });
});
