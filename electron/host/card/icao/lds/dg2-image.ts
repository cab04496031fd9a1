/**
 * Turns a DG2 face image into something the renderer can show: JPEG passes through, JPEG 2000
 * (JP2 file or bare codestream) is decoded with OpenJPEG and re-encoded as PNG.
 */
import { PNG } from 'pngjs';
import { CardError } from '../../errors';
import type { FaceImage } from './dg2-face';
import { openJpeg } from './openjpeg';

export interface DisplayImage {
  mime: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  width?: number;
  height?: number;
}

/** The codestream inside a JP2 file: the content of its 'jp2c' box (ISO/IEC 15444-1 Annex I). */
export function jp2Codestream(b: Uint8Array): Uint8Array {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let off = 0;
  while (off + 8 <= b.length) {
    let len = v.getUint32(off);
    const type = String.fromCharCode(...b.subarray(off + 4, off + 8));
    let header = 8;
    if (len === 1) {
      if (off + 16 > b.length) break;
      len = Number(v.getBigUint64(off + 8));
      header = 16;
    } else if (len === 0) len = b.length - off;
    if (len < header || off + len > b.length) break;
    if (type === 'jp2c') return b.subarray(off + header, off + len);
    off += len;
  }
  throw new CardError('card.parse', 'DG2: JP2 file without a codestream box');
}

function toRgba(pixels: Uint8Array, width: number, height: number, components: number, bits: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  const wide = bits > 8;
  const shift = Math.max(bits - 8, 0);
  const sample = (i: number): number => (wide ? ((pixels[2 * i] ?? 0) | ((pixels[2 * i + 1] ?? 0) << 8)) >> shift : (pixels[i] ?? 0));
  for (let p = 0; p < width * height; p++) {
    const base = p * components;
    const r = sample(base);
    const g = components >= 3 ? sample(base + 1) : r;
    const bl = components >= 3 ? sample(base + 2) : r;
    rgba.set([r, g, bl, 255], p * 4);
  }
  return rgba;
}

export async function decodeJ2kToPng(bytes: Uint8Array): Promise<DisplayImage> {
  const codestream = bytes[0] === 0xff ? bytes : jp2Codestream(bytes);
  const oj = await openJpeg();
  const dec = new oj.J2KDecoder();
  try {
    dec.getEncodedBuffer(codestream.length).set(codestream);
    dec.decode();
    const fi = dec.getFrameInfo();
    if (fi.width <= 0 || fi.height <= 0 || fi.width * fi.height > 16_000_000) throw new CardError('card.parse', 'DG2: JPEG 2000 size out of range');
    const png = new PNG({ width: fi.width, height: fi.height });
    png.data = Buffer.from(toRgba(dec.getDecodedBuffer(), fi.width, fi.height, fi.componentCount, fi.bitsPerSample));
    return { mime: 'image/png', bytes: new Uint8Array(PNG.sync.write(png)), width: fi.width, height: fi.height };
  } catch (e) {
    if (e instanceof CardError) throw e;
    // Emscripten aborts with a number or string, not an Error.
    throw new CardError('card.parse', 'DG2: JPEG 2000 image could not be decoded');
  } finally {
    dec.delete?.();
  }
}

export async function toDisplayImage(img: FaceImage): Promise<DisplayImage> {
  if (img.mime === 'image/jpeg') {
    return { mime: 'image/jpeg', bytes: img.bytes, ...(img.width ? { width: img.width } : {}), ...(img.height ? { height: img.height } : {}) };
  }
  return decodeJ2kToPng(img.bytes);
}
