/** PNGs for the size-check tests: real ones, and real ones whose header lies about their size. */
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';

/** A real PNG of `width` × `height` grey pixels, as pngjs writes it. */
export function realPng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(0x80);
  return new Uint8Array(PNG.sync.write(png));
}

/** `png` with its IHDR declaring another size, the chunk's CRC made right again: only the header lies. */
export function withDeclaredSize(png: Uint8Array, width: number, height: number): Uint8Array {
  const b = Buffer.from(png);
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b.writeUInt32BE(crc32(b.subarray(12, 29)), 29);
  return new Uint8Array(b);
}
