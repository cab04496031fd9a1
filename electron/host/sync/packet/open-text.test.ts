/**
 * The upstream's fast text and base64 checks (open.ts) decide exactly as the slow ones they replace:
 * TextDecoder('utf-8', { fatal: true }) for text, the alphabet's pattern + Buffer for a part.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { partFromBase64, utf8Text } from './open';

const fatal = (b: Uint8Array) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
};
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const slowPart = (s: string) => (BASE64.test(s) ? Buffer.from(s, 'base64') : null);

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

describe('partFromBase64', () => {
  it('canonical base64 of every length 0..66 decodes to its bytes', () => {
    for (let n = 0; n < 67; n++) {
      const b = randomBytes(n);
      expect(partFromBase64(b.toString('base64'))).toEqual(b);
    }
  });

  const texts = ['QQ==', 'QR==', 'QQ', 'QUI=', 'QUJ=', 'ab-_', 'ab+/', 'ab c', 'ab\nc', 'abc!', '====', 'Q===', 'QQ=', 'A', '', '=QQ=', 'QQ==QQ==', 'é'];
  for (const s of texts) {
    it(`${JSON.stringify(s)}: as the pattern and Buffer decide`, () => {
      const want = slowPart(s);
      const got = partFromBase64(s);
      if (want === null) expect(got).toBeNull();
      else expect(got).toEqual(want);
    });
  }
});
