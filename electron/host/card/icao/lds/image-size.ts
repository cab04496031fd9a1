/**
 * Pixel size read from the image itself, for containers that do not state it (39794-5 here) or
 * state 0. JPEG: the first SOFn segment (ITU-T T.81 B.2.2); JPEG 2000: the SIZ segment that must
 * follow SOC (ISO/IEC 15444-1 A.5.1); JP2: the ihdr box.
 */
import type { FaceMime } from './dg2-face';

export function imageSize(b: Uint8Array, mime: FaceMime): { width: number; height: number } | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const ok = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : undefined);
  try {
    if (mime === 'image/j2c') {
      if (v.getUint16(2) !== 0xff51) return undefined;
      return ok(v.getUint32(8) - v.getUint32(16), v.getUint32(12) - v.getUint32(20));
    }
    if (mime === 'image/jp2') {
      for (let off = 0; off + 8 <= b.length; ) {
        const len = v.getUint32(off);
        const type = String.fromCharCode(...b.subarray(off + 4, off + 8));
        if (type === 'jp2h') return imageSizeInBoxes(b.subarray(off + 8, off + len));
        if (len < 8) return undefined;
        off += len;
      }
      return undefined;
    }
    for (let off = 2; off + 9 < b.length; ) {
      if (b[off] !== 0xff) return undefined;
      const marker = b[off + 1] ?? 0;
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return ok(v.getUint16(off + 7), v.getUint16(off + 5));
      }
      off += 2 + v.getUint16(off + 2);
    }
  } catch {
    // A truncated header reads past the end: the size is simply unknown.
  }
  return undefined;
}

function imageSizeInBoxes(b: Uint8Array): { width: number; height: number } | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let off = 0; off + 16 <= b.length; ) {
    const len = v.getUint32(off);
    if (String.fromCharCode(...b.subarray(off + 4, off + 8)) === 'ihdr') {
      const height = v.getUint32(off + 8);
      const width = v.getUint32(off + 12);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    if (len < 8) return undefined;
    off += len;
  }
  return undefined;
}
