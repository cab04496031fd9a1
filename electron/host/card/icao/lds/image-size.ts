/**
 * Pixel size read from the image itself, for containers that do not state it (39794-5 here) or
 * state 0. JPEG: the first SOFn segment (ITU-T T.81 B.2.2); JPEG 2000: the SIZ segment that must
 * follow SOC (ISO/IEC 15444-1 A.5.1); JP2: the ihdr box.
 */
import type { FaceMime } from './dg2-face';
import { jp2IhdrSize, parseSiz } from './jpeg2000-header';

/** The frame size a JPEG's first SOFn segment declares. */
export function jpegSofSize(b: Uint8Array): { width: number; height: number } | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let off = 2; off + 9 < b.length; ) {
    if (b[off] !== 0xff) return undefined;
    const marker = b[off + 1] ?? 0;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const width = v.getUint16(off + 7);
      const height = v.getUint16(off + 5);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    off += 2 + v.getUint16(off + 2);
  }
  return undefined;
}

export function imageSize(b: Uint8Array, mime: FaceMime): { width: number; height: number } | undefined {
  try {
    if (mime === 'image/j2c') {
      const siz = parseSiz(b);
      return siz ? { width: siz.width, height: siz.height } : undefined;
    }
    if (mime === 'image/jp2') return jp2IhdrSize(b);
    return jpegSofSize(b);
  } catch {
    // A truncated header reads past the end: the size is simply unknown.
    return undefined;
  }
}
