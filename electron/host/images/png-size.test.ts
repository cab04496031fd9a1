import { describe, expect, it } from 'vitest';
import { isPng, pngSize } from './png-size';
import { realPng, withDeclaredSize } from './test-png';

describe('pngSize', () => {
  it('reads the IHDR of a real PNG', () => {
    expect(pngSize(realPng(300, 400))).toEqual({ width: 300, height: 400 });
    expect(isPng(realPng(1, 1))).toBe(true);
  });

  it('reads the size a hostile header declares, whatever follows (a 100000 × 100000 bomb is seen as such)', () => {
    expect(pngSize(withDeclaredSize(realPng(2, 2), 100_000, 100_000))).toEqual({ width: 100_000, height: 100_000 });
    // The header alone is enough: nothing after it is read.
    expect(pngSize(withDeclaredSize(realPng(2, 2), 70_000, 3).subarray(0, 24))).toEqual({ width: 70_000, height: 3 });
  });

  it('answers null for what is not a PNG with an IHDR first, never throws', () => {
    const real = realPng(4, 4);
    const notIhdr = Buffer.from(real);
    notIhdr.write('IDAT', 12, 'latin1');
    const badLength = Buffer.from(real);
    badLength.writeUInt32BE(12, 8);
    for (const junk of [new Uint8Array(), real.subarray(0, 8), real.subarray(0, 23), Uint8Array.of(0xff, 0xd8, 0xff, 0xd9), new Uint8Array(notIhdr), new Uint8Array(badLength), withDeclaredSize(real, 0, 4), withDeclaredSize(real, 0x80000000, 4)]) {
      expect(pngSize(junk)).toBeNull();
    }
  });
});
