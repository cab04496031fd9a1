import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { buildDg2 } from '../../../sim/lds-builder/dg2';
import { makeTestJ2k, makeTestJpeg, wrapJp2 } from '../../../sim/lds-builder/test-images';
import { parseDg2 } from './dg2';
import { imageSize } from './image-size';
import { decodeJ2kToPng, toDisplayImage } from './dg2-image';
import { fuzzParser } from './parse-fuzz';

describe('DG2', () => {
  const jpeg = makeTestJpeg(60, 80);

  it('extracts a JPEG from a 19794-5 record with its size', async () => {
    const dg2 = parseDg2(buildDg2([{ bytes: jpeg, kind: 'jpeg', width: 60, height: 80 }]));
    expect(dg2.images).toHaveLength(1);
    expect(dg2.images[0]).toEqual({ mime: 'image/jpeg', bytes: jpeg, width: 60, height: 80, container: '19794-5' });
    const shown = await toDisplayImage(dg2.images[0]!);
    expect(shown.mime).toBe('image/jpeg');
    expect(shown.bytes).toBe(dg2.images[0]?.bytes); // passed through, not re-encoded
  });

  it('extracts and decodes a JPEG 2000 codestream to PNG with the exact pixels', async () => {
    const { codestream, rgb } = await makeTestJ2k(48, 64);
    const dg2 = parseDg2(buildDg2([{ bytes: codestream, kind: 'jpeg2000', width: 48, height: 64 }]));
    expect(dg2.images[0]?.mime).toBe('image/j2c');
    const shown = await toDisplayImage(dg2.images[0]!);
    expect(shown).toMatchObject({ mime: 'image/png', width: 48, height: 64 });
    const png = PNG.sync.read(Buffer.from(shown.bytes));
    expect([png.data[0], png.data[1], png.data[2], png.data[3]]).toEqual([rgb[0], rgb[1], rgb[2], 255]);
    const mid = (32 * 48 + 24) * 3;
    expect(png.data[(32 * 48 + 24) * 4]).toBe(rgb[mid]);
  });

  it('decodes a JP2 file (boxed codestream)', async () => {
    const { codestream } = await makeTestJ2k(32, 32);
    const jp2 = wrapJp2(codestream, 32, 32);
    const dg2 = parseDg2(buildDg2([{ bytes: jp2, kind: 'jpeg2000', width: 32, height: 32 }]));
    expect(dg2.images[0]?.mime).toBe('image/jp2');
    expect(imageSize(jp2, 'image/jp2')).toEqual({ width: 32, height: 32 });
    expect(imageSize(codestream, 'image/j2c')).toEqual({ width: 32, height: 32 });
    expect((await decodeJ2kToPng(jp2)).width).toBe(32);
  });

  it('accepts the 39794-5 form (7F2E)', () => {
    const dg2 = parseDg2(buildDg2([{ bytes: jpeg, kind: 'jpeg', width: 60, height: 80 }], '39794-5'));
    expect(dg2.images[0]).toMatchObject({ mime: 'image/jpeg', container: '39794-5', width: 60, height: 80 });
    expect(dg2.images[0]?.bytes).toEqual(jpeg);
  });

  it('refuses a corrupt JPEG 2000 with card.parse', async () => {
    const bad = new Uint8Array([0xff, 0x4f, 0xff, 0x51, 0, 0x2f, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(decodeJ2kToPng(bad)).rejects.toMatchObject({ code: 'card.parse' });
  });

  it('fuzz: mutated JPEG 2000 codestreams decode or give card.parse, and the codec survives', async () => {
    const { codestream } = await makeTestJ2k(48, 64);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(199), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), async (muts) => {
        const b = codestream.slice();
        for (const [i, v] of muts) b[i] = v;
        // A hang would exceed the test's timeout; no wall-clock assertion here.
        await decodeJ2kToPng(b).catch((e: unknown) => expect(e).toMatchObject({ code: 'card.parse' }));
      }),
      { numRuns: 100 },
    );
    expect((await decodeJ2kToPng(codestream)).width).toBe(48);
  }, 60_000);

  it('fuzz: random and mutated DG2 give a result or card.parse', () => {
    fuzzParser(parseDg2, buildDg2([{ bytes: jpeg.slice(0, 300), kind: 'jpeg', width: 60, height: 80 }]), 400);
  });
});
