import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { realPng, withDeclaredSize } from '../images/test-png';
import { makePortraitJpeg } from '../sim/virtual-cccd/portrait';
import { decodePortrait, MAX_PIXELS, PortraitTooLarge } from './decode';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('decodePortrait refuses an oversized picture from its header, before decoding', () => {
  it('a PNG whose IHDR declares 100000 × 100000 is refused and never reaches the PNG decoder', () => {
    const read = vi.spyOn(PNG.sync, 'read');
    const bomb = withDeclaredSize(realPng(2, 2), 100_000, 100_000);
    expect(() => decodePortrait(bomb)).toThrow(PortraitTooLarge);
    expect(read).not.toHaveBeenCalled();
  });

  it('a PNG one pixel over the limit is refused; a real one within it decodes to RGB', () => {
    const read = vi.spyOn(PNG.sync, 'read');
    expect(() => decodePortrait(withDeclaredSize(realPng(2, 2), 4096, 4097))).toThrow(PortraitTooLarge);
    expect(read).not.toHaveBeenCalled();
    expect(4096 * 4097).toBeGreaterThan(MAX_PIXELS);
    const img = decodePortrait(realPng(30, 40));
    expect(img).toMatchObject({ width: 30, height: 40 });
    expect(img.rgb.length).toBe(30 * 40 * 3);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a JPEG whose frame header declares 65535 × 65535 is refused on the same path', () => {
    const decode = vi.spyOn(jpeg, 'decode');
    const sof = Uint8Array.of(0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xff, 0xff, 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1);
    expect(() => decodePortrait(sof)).toThrow(PortraitTooLarge);
    expect(decode).not.toHaveBeenCalled();
    expect(decodePortrait(makePortraitJpeg(120, 160, 1).bytes)).toMatchObject({ width: 120, height: 160 });
    expect(decode).toHaveBeenCalledTimes(1);
  });

  it('a PNG signature with a broken header is refused, not decoded', () => {
    const read = vi.spyOn(PNG.sync, 'read');
    expect(() => decodePortrait(realPng(4, 4).subarray(0, 20))).toThrow(/PNG without a readable header/);
    expect(read).not.toHaveBeenCalled();
  });
});
