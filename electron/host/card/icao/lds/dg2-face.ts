/**
 * The facial record containers inside a DG2 biometric data block:
 *   ISO/IEC 19794-5:2005 — binary, 'FAC\0' header (fixed-layout fields, read with a DataView);
 *   ISO/IEC 39794-5 — ASN.1; the image is the representation's data OCTET STRING.
 * The image format is decided by the image's own magic bytes, not by the header's claim.
 */
import { children, decodeDer, parseError, valueBytes, type Asn } from './der';
import { imageSize } from './image-size';

export type FaceMime = 'image/jpeg' | 'image/jp2' | 'image/j2c';

export interface FaceImage {
  mime: FaceMime;
  bytes: Uint8Array;
  width?: number;
  height?: number;
  container: '19794-5' | '39794-5';
}

const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

export function sniffImage(b: Uint8Array): FaceMime | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a])) return 'image/jp2';
  if (startsWith(b, [0xff, 0x4f, 0xff, 0x51])) return 'image/j2c';
  return undefined;
}

const HEADER = 14; // 'FAC\0' + version + record length (4) + number of images (2)
const FACE_INFO = 20;
const FEATURE_POINT = 8;
const IMAGE_INFO = 12;

/** All facial images of a 19794-5 record. */
export function parseIso19794Face(b: Uint8Array): FaceImage[] {
  if (!startsWith(b, [0x46, 0x41, 0x43, 0x00])) throw parseError('DG2', "19794-5 record does not start with 'FAC'");
  if (b.length < HEADER) throw parseError('DG2', '19794-5 header truncated');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const count = v.getUint16(12);
  const images: FaceImage[] = [];
  let off = HEADER;
  for (let i = 0; i < count; i++) {
    if (off + FACE_INFO > b.length) throw parseError('DG2', 'facial record truncated');
    const blockLength = v.getUint32(off);
    const points = v.getUint16(off + 4);
    const info = off + FACE_INFO + points * FEATURE_POINT;
    const dataStart = info + IMAGE_INFO;
    const end = off + blockLength;
    if (blockLength < FACE_INFO + IMAGE_INFO || dataStart > end || end > b.length) throw parseError('DG2', 'facial record length inconsistent');
    const bytes = b.slice(dataStart, end);
    const mime = sniffImage(bytes);
    if (!mime) throw parseError('DG2', 'facial image is neither JPEG nor JPEG 2000');
    const width = v.getUint16(info + 2);
    const height = v.getUint16(info + 4);
    const size = width && height ? { width, height } : imageSize(bytes, mime);
    images.push({ mime, bytes, container: '19794-5', ...size });
    off = end;
  }
  return images;
}

function findImages(a: Asn, depth: number, out: Uint8Array[]): void {
  if (depth > 12 || out.length > 8) return;
  if (!a.idBlock.isConstructed) {
    const b = valueBytes(a);
    if (sniffImage(b)) out.push(b);
    return;
  }
  for (const c of children(a)) findImages(c, depth + 1, out);
}

/**
 * 39794-5 (DG2 tag 7F2E): the data block is DER with context tags. Rather than hard-wire an
 * element path no sample has confirmed for this card, the decoded tree is walked and every
 * primitive whose content is a JPEG/JPEG 2000 image is taken; sizes come from the image itself.
 */
export function parseIso39794Face(der: Uint8Array): FaceImage[] {
  const out: Uint8Array[] = [];
  findImages(decodeDer(der, 'DG2 39794-5'), 0, out);
  if (out.length === 0) throw parseError('DG2', 'no image in the 39794-5 block');
  return out.map((bytes) => {
    const mime = sniffImage(bytes) ?? 'image/jpeg';
    return { mime, bytes, container: '39794-5' as const, ...imageSize(bytes, mime) };
  });
}
