/**
 * DG2 (ICAO 9303-10 §4.7.2): 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E | 7F2E data }… } }.
 * 5F2E holds an ISO/IEC 19794-5 record; 7F2E the ISO/IEC 39794-5 encoding readers must accept
 * from 2026.
 */
import { APPLICATION, children, decodeFile, encodingOf, findChild, guardParse, is, parseError, valueBytes } from './der';
import { parseIso19794Face, parseIso39794Face, type FaceImage } from './dg2-face';

export type { FaceImage, FaceMime } from './dg2-face';

export interface Dg2 {
  images: FaceImage[];
}

export function parseDg2(bytes: Uint8Array): Dg2 {
  return guardParse('DG2', () => {
    const root = decodeFile(bytes, 21, 'DG2');
    const group = findChild(root, APPLICATION, 0x61);
    if (!group) throw parseError('DG2', 'no biometric information group template (7F61)');
    const images: FaceImage[] = [];
    for (const bit of children(group).filter((c) => is(c, APPLICATION, 0x60))) {
      // 5F2E and 7F2E share the tag number; the constructed bit tells 39794-5 from 19794-5.
      const block = findChild(bit, APPLICATION, 0x2e);
      if (!block) continue;
      if (block.idBlock.isConstructed) images.push(...parseIso39794Face(encodingOf(block)));
      else images.push(...parseIso19794Face(valueBytes(block)));
    }
    if (images.length === 0) throw parseError('DG2', 'no facial image');
    return { images };
  });
}
