import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodeTlv } from '../../iso7816/tlv';
import { isCardError } from '../../errors';
import { PaceCard, parseMseSetAt } from './pace-card';
import { paceProtocol } from './pace-params';
import { PaceTerminal } from './pace';

const protocol = paceProtocol('0.4.0.127.0.7.2.2.4.2.2');
const CAN = { kind: 'CAN' as const, can: '123456' };

describe('PaceCard (emulator side)', () => {
  it('parses the MSE:Set AT the terminal sends', () => {
    if (!protocol) throw new Error('oid');
    const t = new PaceTerminal({ protocol, version: 2, parameterId: 13 }, CAN);
    expect(parseMseSetAt(t.mseSetAt().data ?? new Uint8Array(0))).toEqual({ protocol, passwordRef: 2, parameterId: 13 });
  });

  it('refuses a step after completion and steps out of order', () => {
    if (!protocol) throw new Error('oid');
    const card = new PaceCard(protocol, 13, CAN);
    card.answer(encodeTlv(0x7c, new Uint8Array(0)));
    expect(() => card.answer(encodeTlv(0x7c, encodeTlv(0x85, new Uint8Array(8))))).toThrow();
  });

  it('fuzz: hostile GENERAL AUTHENTICATE data gives CardError only, at every step', () => {
    if (!protocol) throw new Error('oid');
    fc.assert(
      fc.property(fc.integer({ min: 0x80, max: 0x86 }), fc.uint8Array({ maxLength: 80 }), fc.boolean(), (tag, value, afterNonce) => {
        const card = new PaceCard(protocol, 13, CAN);
        try {
          if (afterNonce) card.answer(encodeTlv(0x7c, new Uint8Array(0)));
          card.answer(encodeTlv(0x7c, encodeTlv(tag, value)));
          return true;
        } catch (e) {
          return isCardError(e);
        }
      }),
      { numRuns: 300 },
    );
  });
});
