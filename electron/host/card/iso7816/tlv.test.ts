import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodeLength, encodeTlv, parseTlv, parseTlvHeader, parseTlvList, requireTlv } from './tlv';
import { decodeOid, encodeOid } from './asn1';
import { fromHex, hex } from './bytes';
import { CardError, isCardError } from '../errors';

describe('BER-TLV parser', () => {
  it('parses EF.COM (two-byte tags, nested)', () => {
    const com = fromHex('60145F0104303130365F36063034303030305C026175');
    const t = parseTlv(com);
    expect(t.tag).toBe(0x60);
    expect(t.constructed).toBe(true);
    expect(t.children.map((c) => c.tag)).toEqual([0x5f01, 0x5f36, 0x5c]);
    expect(hex(requireTlv(t.children, 0x5c, 'EF.COM').value)).toBe('6175');
  });
  it('reads long-form lengths from a file prefix', () => {
    const h = parseTlvHeader(fromHex('75820F12 7F61'));
    expect(h).toEqual({ tag: 0x75, constructed: true, headerLength: 4, valueLength: 0x0f12 });
    expect(parseTlvHeader(fromHex('7F49 81 A0')).valueLength).toBe(0xa0);
  });
  it('refuses indefinite length, truncation and overruns with card.parse', () => {
    for (const bad of ['3080 0000', '5F', '04', '0405 0102', '5F81', '0485FFFFFFFFFF', '1FFFFFFFFF0100']) {
      try {
        parseTlvList(fromHex(bad));
        expect.unreachable(bad);
      } catch (e) {
        expect(isCardError(e) && e.code === 'card.parse').toBe(true);
      }
    }
  });
  it('refuses absurd nesting depth instead of overflowing the stack', () => {
    let v: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < 100; i++) v = encodeTlv(0x30, v);
    expect(() => parseTlv(v)).toThrow(CardError);
  });
  it('encoder round-trips through the parser', () => {
    const inner = encodeTlv(0x86, new Uint8Array(200).fill(7));
    const outer = encodeTlv(0x7f49, [encodeTlv(0x06, encodeOid('0.4.0.127.0.7.2.2.4.2.2')), inner]);
    expect(hex(outer.subarray(0, 4))).toBe('7F4981D7');
    const t = parseTlv(outer);
    expect(t.children[1]?.value.length).toBe(200);
    expect(decodeOid(t.children[0]?.value ?? new Uint8Array(0))).toBe('0.4.0.127.0.7.2.2.4.2.2');
    expect(hex(encodeLength(0x10000))).toBe('83010000');
  });
});

const onlyCardErrors = (f: () => unknown): boolean => {
  try {
    f();
    return true;
  } catch (e) {
    return isCardError(e) && e.code === 'card.parse';
  }
};

describe('BER-TLV fuzz', () => {
  it('random bytes give a value or a card.parse CardError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => onlyCardErrors(() => parseTlvList(b))),
      { numRuns: 3000 },
    );
  });
  it('mutated valid structures give a value or a card.parse CardError', () => {
    const valid = encodeTlv(0x77, [
      encodeTlv(0x5f01, fromHex('30313036')),
      encodeTlv(0x7f61, [encodeTlv(0x02, Uint8Array.of(1)), encodeTlv(0x04, new Uint8Array(140).fill(3))]),
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(valid.length),
        (edits, cut) => {
          const m = valid.slice(0, Math.max(1, cut));
          for (const [at, b] of edits) if (at < m.length) m[at] = b;
          return onlyCardErrors(() => parseTlvList(m)) && onlyCardErrors(() => parseTlvHeader(m));
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('OID decoder never throws anything but CardError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => onlyCardErrors(() => decodeOid(b))));
  });
});
