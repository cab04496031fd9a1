/**
 * EF.COM (ICAO 9303-10 §4.6.1): LDS version, Unicode version and the list of data-group tags
 * present. Tag list bytes are tags such as 0x61 (DG1), 0x75 (DG2), 0x6D (DG13).
 */
import { APPLICATION, decodeFile, findChild, guardParse, parseError, valueBytes } from './der';

export interface EfCom {
  /** e.g. "0107" for LDS 1.7. */
  ldsVersion?: string;
  /** e.g. "040000" for Unicode 4.0.0. */
  unicodeVersion?: string;
  tags: number[];
  /** Data-group numbers derived from the tags; unknown tags are left out here (kept in `tags`). */
  dataGroups: number[];
}

/** DG number → the first byte of the DG's file tag (9303-10 Table 34). */
export const DG_TAGS: Readonly<Record<number, number>> = {
  1: 0x61, 2: 0x75, 3: 0x63, 4: 0x76, 5: 0x65, 6: 0x66, 7: 0x67, 8: 0x68,
  9: 0x69, 10: 0x6a, 11: 0x6b, 12: 0x6c, 13: 0x6d, 14: 0x6e, 15: 0x6f, 16: 0x70,
};

export function dgForTag(tag: number): number | undefined {
  const hit = Object.entries(DG_TAGS).find(([, t]) => t === tag);
  return hit ? Number(hit[0]) : undefined;
}

const ascii = new TextDecoder('latin1');

export function parseCom(bytes: Uint8Array): EfCom {
  return guardParse('EF.COM', () => {
    const root = decodeFile(bytes, 0, 'EF.COM');
    const version = findChild(root, APPLICATION, 1);
    const unicode = findChild(root, APPLICATION, 54);
    const list = findChild(root, APPLICATION, 28);
    if (!list) throw parseError('EF.COM', 'no tag list (5C)');
    const tags = Array.from(valueBytes(list));
    const dataGroups = tags.map(dgForTag).filter((n): n is number => n !== undefined);
    return {
      ...(version ? { ldsVersion: ascii.decode(valueBytes(version)) } : {}),
      ...(unicode ? { unicodeVersion: ascii.decode(valueBytes(unicode)) } : {}),
      tags,
      dataGroups,
    };
  });
}
