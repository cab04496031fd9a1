import { describe, expect, it } from 'vitest';
import { makePortraitJpeg } from '../sim/virtual-cccd/portrait';
import { jpegSize } from './jpeg-size';

describe('jpegSize', () => {
  it('reads the frame header of a real JPEG (after its APP segments)', () => {
    expect(jpegSize(makePortraitJpeg(480, 640, 3).bytes)).toEqual({ width: 480, height: 640 });
    expect(jpegSize(makePortraitJpeg(240, 320, 9).bytes)).toEqual({ width: 240, height: 320 });
  });

  it('answers null for what is not a JPEG with a frame header, never throws', () => {
    const real = makePortraitJpeg(120, 160, 1).bytes;
    for (const junk of [new Uint8Array(), Uint8Array.of(0xff, 0xd8), Uint8Array.of(0xff, 0xd8, 0xff, 0xd9), Uint8Array.of(0x89, 0x50, 0x4e, 0x47), real.subarray(0, 30), Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01)]) {
      expect(jpegSize(junk)).toBeNull();
    }
  });

  it('reads the size a hostile file declares, whatever its pixels (a 65535 x 65535 bomb is seen as such)', () => {
    const sof = Uint8Array.of(0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xff, 0xff, 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1);
    expect(jpegSize(sof)).toEqual({ width: 65535, height: 65535 });
  });
});
