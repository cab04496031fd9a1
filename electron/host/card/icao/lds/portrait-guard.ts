/**
 * Refuses a chip portrait by what its own header declares, before any decoder sees it. A 952-byte
 * JPEG 2000 whose SIZ claims 11000×11000 made OpenJPEG spend ~30 s and ~2 GB before the decoded
 * size could be checked; a JPEG's SOF likewise decides what the renderer's decoder allocates.
 * ISO/IEC 19794-5 portraits are a few hundred pixels a side: the limits are far above any real one.
 */
import { CardError } from '../../errors';
import type { FaceMime } from './dg2-face';
import { jpegSofSize } from './image-size';
import { jp2Codestream, parseSiz, type J2kSiz } from './jpeg2000-header';

export const PORTRAIT_LIMITS = {
  /** 4 megapixels, e.g. 2000×2000. */
  pixels: 4_000_000,
  side: 8_192,
  components: 4,
  bits: 16,
  /** Many tiny tiles cost the decoder per-tile state even for a small image. */
  tiles: 1_024,
} as const;

/** A portrait refused for its size: the read keeps the identity and reports 'portrait_too_large'. */
export class PortraitTooLarge extends CardError {
  constructor(message: string) {
    super('card.parse', message);
    this.name = 'PortraitTooLarge';
  }
}

function checkArea(width: number, height: number, what: string): { width: number; height: number } {
  if (width > PORTRAIT_LIMITS.side || height > PORTRAIT_LIMITS.side || width * height > PORTRAIT_LIMITS.pixels) {
    throw new PortraitTooLarge(`DG2: ${what} declares ${width}x${height} pixels, above the portrait limit`);
  }
  return { width, height };
}

/** The codestream the decoder will get and its SIZ, after the SIZ passed the limits. */
export function checkedJ2k(bytes: Uint8Array): { codestream: Uint8Array; siz: J2kSiz } {
  const cs = bytes[0] === 0xff ? bytes : jp2Codestream(bytes);
  const siz = parseSiz(cs);
  if (!siz) throw new CardError('card.parse', 'DG2: JPEG 2000 codestream without a valid SIZ segment');
  checkArea(siz.width, siz.height, 'JPEG 2000 SIZ');
  if (siz.components > PORTRAIT_LIMITS.components || siz.maxBits > PORTRAIT_LIMITS.bits || siz.tiles > PORTRAIT_LIMITS.tiles) {
    throw new PortraitTooLarge(`DG2: JPEG 2000 SIZ declares ${siz.components} components, ${siz.maxBits} bits, ${siz.tiles} tiles`);
  }
  return { codestream: cs, siz };
}

/** Declared size of a portrait, refused above the limits (or when no header declares one). */
export function checkDeclaredSize(bytes: Uint8Array, mime: FaceMime): { width: number; height: number } {
  if (mime !== 'image/jpeg') {
    const { siz } = checkedJ2k(bytes);
    return { width: siz.width, height: siz.height };
  }
  const sof = jpegSofSize(bytes);
  if (!sof) throw new CardError('card.parse', 'DG2: JPEG without a frame header');
  return checkArea(sof.width, sof.height, 'JPEG SOF');
}
