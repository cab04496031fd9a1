import { describe, expect, it } from 'vitest';
import { buildCom } from '../../../sim/lds-builder/com';
import { parseCom } from './com';
import { fuzzParser } from './parse-fuzz';

describe('EF.COM', () => {
  it('round-trips version and data group list', () => {
    const com = parseCom(buildCom([1, 2, 13, 14, 15]));
    expect(com).toEqual({ ldsVersion: '0107', unicodeVersion: '040000', tags: [0x61, 0x75, 0x6d, 0x6e, 0x6f], dataGroups: [1, 2, 13, 14, 15] });
  });
  it('parses the ICAO 9303-10 example bytes', () => {
    // 60 16 5F01 04 "0107" 5F36 06 "040000" 5C 04 61 75 6B 6C (structure per 9303-10 §4.6.1)
    const hex = '60165f0104303130375f36063034303030305c0461756b6c';
    const bytes = new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
    expect(parseCom(bytes).dataGroups).toEqual([1, 2, 11, 12]);
  });
  it('fuzz', () => fuzzParser(parseCom, buildCom([1, 2, 13, 14, 15])));
});
