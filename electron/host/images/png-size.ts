/**
 * The width and height a PNG declares in its IHDR chunk (always the first, right after the
 * 8-byte signature), read without inflating anything: as jpeg-size.ts does for a JPEG, so a
 * picture's size is checked before anything spends memory or time on its pixels.
 */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** "IHDR" */
const IHDR = [0x49, 0x48, 0x44, 0x52];

export function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && SIGNATURE.every((v, i) => b[i] === v);
}

export function pngSize(b: Uint8Array): { width: number; height: number } | null {
  // signature (8), chunk length (4) = 13, type (4) = IHDR, width (4), height (4)
  if (b.length < 24 || !isPng(b)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getUint32(8) !== 13 || !IHDR.every((v, i) => b[12 + i] === v)) return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  // The PNG specification caps each side at 2^31 - 1.
  return width > 0 && height > 0 && width <= 0x7fffffff && height <= 0x7fffffff ? { width, height } : null;
}
