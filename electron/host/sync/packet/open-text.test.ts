/** The upstream's text check (open.ts) decides exactly as TextDecoder('utf-8', { fatal: true }). */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utf8Text } from './open';

const fatal = (b: Uint8Array) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
};

describe('utf8Text', () => {
  const cases: Array<[string, number[]]> = [
    ['empty', []],
    ['ASCII', [...Buffer.from('{"a":1}')]],
    ['Vietnamese', [...Buffer.from('Nguyễn Thị Nhung, phường Bến Nghé')]],
    ['a leading BOM (dropped, as TextDecoder does)', [0xef, 0xbb, 0xbf, 0x7b, 0x7d]],
    ['two BOMs (only the first dropped)', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]],
    ['a lone continuation byte', [0x41, 0x80]],
    ['a truncated sequence', [0xe1, 0xbb]],
    ['an overlong NUL', [0xc0, 0x80]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['emoji', [...Buffer.from('🙂')]],
  ];
  for (const [name, bytes] of cases) {
    it(name, () => expect(utf8Text(new Uint8Array(bytes))).toBe(fatal(new Uint8Array(bytes))));
  }

  it('agrees with the fatal decoder on 2,000 random byte strings', () => {
    for (let i = 0; i < 2_000; i++) {
      const b = new Uint8Array(randomBytes(1 + (i % 12)));
      expect(utf8Text(b)).toBe(fatal(b));
    }
  });
});
