/**
 * The two portraits as pixels for the face model: the chip's (JPEG, or the PNG the store keeps for
 * a JPEG 2000 one) and the live one (JPEG). RGB, scaled down by area averaging when a side passes
 * `maxSide` (the detector works at 512 px anyway; a 1200 px photo only costs time).
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { jpegSize } from '../images/jpeg-size';
import { isPng, pngSize } from '../images/png-size';

export interface RgbImage {
  width: number;
  height: number;
  /** width × height × 3 bytes, row by row. */
  rgb: Uint8Array;
}

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;

/** A portrait is never bigger than this; a file claiming more is refused before decoding. */
export const MAX_PIXELS = 4096 * 4096;

export class PortraitTooLarge extends Error {
  constructor(readonly width: number, readonly height: number) {
    super(`portrait too large (${width}×${height})`);
  }
}

/** Refuses a picture whose header declares more than MAX_PIXELS, before its pixels are decoded. */
function checkDeclaredSize(size: { width: number; height: number }): void {
  if (size.width * size.height > MAX_PIXELS) throw new PortraitTooLarge(size.width, size.height);
}

function fromRgba(width: number, height: number, rgba: Uint8Array): RgbImage {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return { width, height, rgb };
}

export function decodePortrait(bytes: Uint8Array): RgbImage {
  if (isJpeg(bytes)) {
    // A JPEG whose frame header this reader cannot find is left to the decoder, which keeps its own limit.
    const size = jpegSize(bytes);
    if (size) checkDeclaredSize(size);
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 256 });
    return { width: img.width, height: img.height, rgb: img.data };
  }
  if (isPng(bytes)) {
    const size = pngSize(bytes);
    if (!size) throw new Error('portrait is a PNG without a readable header');
    checkDeclaredSize(size);
    const png = PNG.sync.read(Buffer.from(bytes));
    return fromRgba(png.width, png.height, png.data);
  }
  throw new Error('portrait is neither JPEG nor PNG');
}

/** Area-average downscale so the longer side is at most `maxSide`; smaller images are returned as they are. */
export function fitWithin(img: RgbImage, maxSide: number): RgbImage {
  const scale = maxSide / Math.max(img.width, img.height);
  if (scale >= 1) return img;
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * img.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * img.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * img.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * img.width) / w));
      let r = 0, g = 0, b = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const o = (yy * img.width + xx) * 3;
          r += img.rgb[o]!;
          g += img.rgb[o + 1]!;
          b += img.rgb[o + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 3;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
    }
  }
  return { width: w, height: h, rgb: out };
}
