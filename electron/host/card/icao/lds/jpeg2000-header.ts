/**
 * JPEG 2000 headers read without decoding: the boxes of a JP2 file (ISO/IEC 15444-1 Annex I) and
 * the SIZ marker segment that must follow SOC in every codestream (A.5.1). What SIZ declares is
 * what the decoder will allocate for, so the portrait guard reads it before any decoding.
 */
import { CardError } from '../../errors';

/** The content of the first box of `type` at this level, if any. */
export function jp2Box(b: Uint8Array, type: string): Uint8Array | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let off = 0;
  while (off + 8 <= b.length) {
    let len = v.getUint32(off);
    const boxType = String.fromCharCode(...b.subarray(off + 4, off + 8));
    let header = 8;
    if (len === 1) {
      if (off + 16 > b.length) return undefined;
      len = Number(v.getBigUint64(off + 8));
      header = 16;
    } else if (len === 0) len = b.length - off;
    if (len < header || off + len > b.length) return undefined;
    if (boxType === type) return b.subarray(off + header, off + len);
    off += len;
  }
  return undefined;
}

/** The codestream inside a JP2 file: the content of its 'jp2c' box. */
export function jp2Codestream(b: Uint8Array): Uint8Array {
  const cs = jp2Box(b, 'jp2c');
  if (!cs) throw new CardError('card.parse', 'DG2: JP2 file without a codestream box');
  return cs;
}

export interface J2kSiz {
  /** Image area: Xsiz − XOsiz by Ysiz − YOsiz. */
  width: number;
  height: number;
  components: number;
  /** Largest component precision in bits. */
  maxBits: number;
  tiles: number;
}

/** The SIZ segment of a codestream (SOC FF4F, then SIZ FF51); undefined when absent or inconsistent. */
export function parseSiz(cs: Uint8Array): J2kSiz | undefined {
  if (cs.length < 42 || cs[0] !== 0xff || cs[1] !== 0x4f || cs[2] !== 0xff || cs[3] !== 0x51) return undefined;
  const v = new DataView(cs.buffer, cs.byteOffset, cs.byteLength);
  const u32 = (o: number) => v.getUint32(o);
  const [xsiz, ysiz, xo, yo, xt, yt, xto, yto] = [8, 12, 16, 20, 24, 28, 32, 36].map(u32) as [number, number, number, number, number, number, number, number];
  const components = v.getUint16(40);
  const lsiz = v.getUint16(4);
  if (components < 1 || lsiz !== 38 + 3 * components || cs.length < 4 + lsiz) return undefined;
  if (xsiz <= xo || ysiz <= yo || xt === 0 || yt === 0 || xto > xo || yto > yo) return undefined;
  let maxBits = 0;
  for (let c = 0; c < components; c++) maxBits = Math.max(maxBits, ((cs[42 + 3 * c] ?? 0) & 0x7f) + 1);
  const tiles = Math.ceil((xsiz - xto) / xt) * Math.ceil((ysiz - yto) / yt);
  return { width: xsiz - xo, height: ysiz - yo, components, maxBits, tiles };
}

/** Width and height from a JP2 header box's ihdr (HEIGHT then WIDTH, I.5.3.1). */
export function jp2IhdrSize(b: Uint8Array): { width: number; height: number } | undefined {
  const ihdr = jp2Box(jp2Box(b, 'jp2h') ?? new Uint8Array(), 'ihdr');
  if (!ihdr || ihdr.length < 8) return undefined;
  const v = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
  const height = v.getUint32(0);
  const width = v.getUint32(4);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
