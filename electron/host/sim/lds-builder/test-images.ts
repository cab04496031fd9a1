/**
 * Small synthetic portraits for the virtual card (a gradient with a face-ish oval, no real
 * person): JPEG via jpeg-js, JPEG 2000 codestream via the OpenJPEG encoder.
 */
import jpeg from 'jpeg-js';
import { openJpeg } from '../../card/icao/lds/openjpeg';

function pixelsRgb(width: number, height: number): Uint8Array {
  const px = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - width / 2) / (width * 0.3);
      const dy = (y - height / 2) / (height * 0.38);
      const inFace = dx * dx + dy * dy < 1;
      const o = (y * width + x) * 3;
      px.set(inFace ? [224, 188, 160] : [40 + (x * 120) / width, 80, 160 + (y * 60) / height], o);
    }
  }
  return px;
}

export function makeTestJpeg(width = 120, height = 160): Uint8Array {
  const rgb = pixelsRgb(width, height);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([rgb[i * 3] ?? 0, rgb[i * 3 + 1] ?? 0, rgb[i * 3 + 2] ?? 0, 255], i * 4);
  return new Uint8Array(jpeg.encode({ width, height, data: rgba }, 80).data);
}

/** Lossless J2K codestream (so a test can compare decoded pixels exactly). */
export async function makeTestJ2k(width = 120, height = 160): Promise<{ codestream: Uint8Array; rgb: Uint8Array }> {
  const oj = await openJpeg();
  const enc = new oj.J2KEncoder();
  try {
    const rgb = pixelsRgb(width, height);
    enc.getDecodedBuffer({ width, height, bitsPerSample: 8, componentCount: 3, isSigned: false, isUsingColorTransform: false }).set(rgb);
    // Few decompositions: the default count is too many for thumbnail-sized images.
    enc.setDecompositions(Math.min(5, Math.floor(Math.log2(Math.min(width, height))) - 2));
    enc.encode();
    return { codestream: new Uint8Array(enc.getEncodedBuffer()), rgb };
  } finally {
    enc.delete?.();
  }
}

/** Wraps a codestream in a minimal JP2 file (signature, ftyp, jp2h with ihdr+colr, jp2c). */
export function wrapJp2(codestream: Uint8Array, width: number, height: number): Uint8Array {
  const box = (type: string, body: Uint8Array): Uint8Array => {
    const out = new Uint8Array(8 + body.length);
    new DataView(out.buffer).setUint32(0, out.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(body, 8);
    return out;
  };
  const ihdr = new Uint8Array(14);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, height);
  v.setUint32(4, width);
  v.setUint16(8, 3);
  ihdr.set([7, 7, 0, 0], 10); // 8-bit unsigned, compression 7, colourspace known, no IPR
  const colr = new Uint8Array([1, 0, 0, 0, 0, 0, 16]); // enumerated sRGB
  const parts = [
    new Uint8Array([0, 0, 0, 12, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]),
    box('ftyp', new Uint8Array([0x6a, 0x70, 0x32, 0x20, 0, 0, 0, 0, 0x6a, 0x70, 0x32, 0x20])),
    box('jp2h', new Uint8Array([...box('ihdr', ihdr), ...box('colr', colr)])),
    box('jp2c', codestream),
  ];
  return new Uint8Array(parts.flatMap((p) => Array.from(p)));
}

/** A copy of a codestream whose SIZ claims width×height in one tile (a decompression-bomb header). */
export function forgeJ2kSize(codestream: Uint8Array, width: number, height: number): Uint8Array {
  const b = codestream.slice();
  const v = new DataView(b.buffer);
  v.setUint32(8, width); // Xsiz
  v.setUint32(12, height); // Ysiz
  v.setUint32(24, width); // XTsiz
  v.setUint32(28, height); // YTsiz
  return b;
}
