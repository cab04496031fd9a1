/**
 * Turns a DG2 face image into something the renderer can show: JPEG passes through, JPEG 2000
 * (JP2 file or bare codestream) is decoded with OpenJPEG and re-encoded as PNG.
 */
import { PNG } from 'pngjs';
import { CardError } from '../../errors';
import type { FaceImage } from './dg2-face';
import { decodeJ2kInWorker, type J2kWorkerOptions } from './j2k-worker';
import { checkDeclaredSize, checkedJ2k } from './portrait-guard';

export interface DisplayImage {
  mime: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  width?: number;
  height?: number;
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

/**
 * JPEG 2000 → PNG. The SIZ header is checked against the portrait limits before any decoding
 * (portrait-guard.ts); the decoding itself runs in a worker with a time limit (j2k-worker.ts).
 */
export async function decodeJ2kToPng(bytes: Uint8Array, options: J2kWorkerOptions = {}): Promise<DisplayImage> {
  const { codestream, siz } = checkedJ2k(bytes);
  const fi = await decodeJ2kInWorker(codestream, options);
  // The decoder must have produced what SIZ declared (and so what the guard allowed).
  if (fi.width !== siz.width || fi.height !== siz.height || fi.components < 1 || fi.pixels.length < fi.width * fi.height * fi.components * (fi.bitsPerSample > 8 ? 2 : 1)) {
    throw new CardError('card.parse', 'DG2: JPEG 2000 decoded size differs from its header');
  }
  const png = new PNG({ width: fi.width, height: fi.height });
  png.data = Buffer.from(toRgba(fi.pixels, fi.width, fi.height, fi.components, fi.bitsPerSample));
  return { mime: 'image/png', bytes: new Uint8Array(PNG.sync.write(png)), width: fi.width, height: fi.height };
}

/** What the renderer can show; a portrait whose header declares an oversize image is refused undecoded. */
export async function toDisplayImage(img: FaceImage, options: J2kWorkerOptions = {}): Promise<DisplayImage> {
  if (img.mime === 'image/jpeg') {
    // Passed through to the renderer's decoder: its SOF must be within the limits too.
    const { width, height } = checkDeclaredSize(img.bytes, img.mime);
    return { mime: 'image/jpeg', bytes: img.bytes, width, height };
  }
  return decodeJ2kToPng(img.bytes, options);
}
