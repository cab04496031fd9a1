import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeCommand, encodeCommand, type CommandApdu } from '../../iso7816/apdu';
import { fromHex } from '../../iso7816/bytes';
import { isCardError } from '../../errors';
import { AES_SUITE, TDES_SUITE, type CipherSuite } from '../crypto/suite';
import { createSmSession, type SmSession } from './sm-session';
import { unwrapResponse, wrapCommand } from './terminal';
import { plainErrorResponse, unwrapCommand, wrapResponse } from './card';

function pair(suite: CipherSuite, keyLen: number): [SmSession, SmSession] {
  const enc = new Uint8Array(keyLen).fill(0x11);
  const mac = new Uint8Array(keyLen).fill(0x22);
  return [createSmSession(suite, enc, mac), createSmSession(suite, enc, mac)];
}

function smError(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return isCardError(e) ? e.code : 'not a CardError';
  }
}

const commands: CommandApdu[] = [
  { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('0101') },
  { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 },
  { cla: 0, ins: 0xb0, p1: 0x12, p2: 0x34, le: 0xe0 },
  { cla: 0, ins: 0xb1, p1: 0, p2: 0, data: fromHex('5403008000'), le: 0x1000 },
  { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65536 },
  { cla: 0, ins: 0xda, p1: 0, p2: 0, data: new Uint8Array(400).fill(3) },
];

describe.each([
  ['3DES', TDES_SUITE, 16],
  ['AES-128', AES_SUITE, 16],
  ['AES-256', AES_SUITE, 32],
])('secure messaging loopback %s', (_name, suite, keyLen) => {
  it('terminal -> card -> terminal preserves every command shape and answer', () => {
    const [t, c] = pair(suite, keyLen);
    for (const cmd of commands) {
      const onWire = decodeCommand(encodeCommand(wrapCommand(t, cmd)));
      expect(unwrapCommand(c, onWire)).toEqual(cmd);
      const answer = { data: new Uint8Array(cmd.le === 65536 ? 3000 : 37).fill(0x5a), sw: 0x9000 };
      expect(unwrapResponse(t, wrapResponse(c, answer, cmd.ins))).toEqual(answer);
    }
    expect(t.ssc).toEqual(c.ssc);
  });

  it('a flipped bit anywhere in the protected response is sm_invalid', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 7 }), (pos, bit) => {
        const [t, c] = pair(suite, keyLen);
        unwrapCommand(c, wrapCommand(t, commands[1] as CommandApdu));
        const r = wrapResponse(c, { data: fromHex('60145F0104303130'), sw: 0x9000 });
        const data = r.data.slice();
        const i = pos % data.length;
        data[i] = (data[i] ?? 0) ^ (1 << bit);
        return smError(() => unwrapResponse(t, { data, sw: r.sw })) === 'card.sm_invalid';
      }),
      { numRuns: 200 },
    );
  });

  it('a flipped bit in the protected command is refused by the card side', () => {
    const [t, c] = pair(suite, keyLen);
    const w = wrapCommand(t, commands[3] as CommandApdu);
    const data = (w.data ?? new Uint8Array(0)).slice();
    data[4] = (data[4] ?? 0) ^ 1;
    expect(smError(() => unwrapCommand(c, { ...w, data }))).toBe('card.sm_invalid');
    const [t2, c2] = pair(suite, keyLen);
    const w2 = wrapCommand(t2, commands[1] as CommandApdu);
    expect(smError(() => unwrapCommand(c2, { ...w2, p1: 1 }))).toBe('card.sm_invalid');
  });

  it('missing DO8E, a plain 6987/6988 and an unprotected 9000 are sm_invalid', () => {
    const [t, c] = pair(suite, keyLen);
    wrapCommand(t, commands[1] as CommandApdu);
    const r = wrapResponse(c, { data: fromHex('0102'), sw: 0x9000 });
    const noMac = r.data.subarray(0, r.data.length - 10);
    expect(smError(() => unwrapResponse(t, { data: noMac, sw: 0x9000 }))).toBe('card.sm_invalid');
    expect(smError(() => unwrapResponse(t, { data: new Uint8Array(0), sw: 0x6987 }))).toBe('card.sm_invalid');
    expect(smError(() => unwrapResponse(t, { data: new Uint8Array(0), sw: 0x6988 }))).toBe('card.sm_invalid');
    expect(smError(() => unwrapResponse(t, { data: new Uint8Array(0), sw: 0x9000 }))).toBe('card.sm_invalid');
    expect(smError(() => unwrapResponse(t, { data: fromHex('0102'), sw: 0x9000 }))).toBe('card.sm_invalid');
  });

  it('a plain error status without data (6A82, 6982) is passed up, and both counters stay in step', () => {
    const [t, c] = pair(suite, keyLen);
    unwrapCommand(c, wrapCommand(t, commands[0] as CommandApdu));
    expect(unwrapResponse(t, plainErrorResponse(c, 0x6a82))).toEqual({ data: new Uint8Array(0), sw: 0x6a82 });
    unwrapCommand(c, wrapCommand(t, commands[1] as CommandApdu));
    expect(unwrapResponse(t, wrapResponse(c, { data: Uint8Array.of(1), sw: 0x9000 })).data).toEqual(Uint8Array.of(1));
  });
});
