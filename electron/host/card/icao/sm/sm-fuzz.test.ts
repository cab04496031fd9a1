import { describe, it } from 'vitest';
import fc from 'fast-check';
import { decodeCommand } from '../../iso7816/apdu';
import { isCardError } from '../../errors';
import { AES_SUITE, TDES_SUITE } from '../crypto/suite';
import { createSmSession } from './sm-session';
import { unwrapResponse } from './terminal';
import { unwrapCommand } from './card';

/** Hostile bytes from a card (or, for the emulator, from a terminal) end in CardError only. */
const onlyCardError = (f: () => unknown): boolean => {
  try {
    f();
    return true;
  } catch (e) {
    return isCardError(e);
  }
};

describe('secure messaging fuzz', () => {
  for (const suite of [TDES_SUITE, AES_SUITE]) {
    it(`${suite.name}: random response data never escapes as a non-CardError`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 120 }), fc.integer({ min: 0, max: 0xffff }), (data, sw) => {
          const sm = createSmSession(suite, new Uint8Array(16).fill(1), new Uint8Array(16).fill(2));
          return onlyCardError(() => unwrapResponse(sm, { data, sw }));
        }),
        { numRuns: 1500 },
      );
    });
    it(`${suite.name}: random command bytes at the card side give CardError only`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 4, maxLength: 120 }), (bytes) => {
          const sm = createSmSession(suite, new Uint8Array(16).fill(1), new Uint8Array(16).fill(2));
          return onlyCardError(() => unwrapCommand(sm, decodeCommand(bytes)));
        }),
        { numRuns: 1500 },
      );
    });
  }
});
