import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { CommandApdu, ResponseApdu } from '../../iso7816/apdu';
import { encodeOid } from '../../iso7816/asn1';
import { concat } from '../../iso7816/bytes';
import { encodeTlv } from '../../iso7816/tlv';
import { isCardError } from '../../errors';
import type { KeyAlgorithm } from '../crypto/kdf';
import { unwrapCommand, wrapResponse } from '../sm/card';
import type { SmSession } from '../sm/sm-session';
import { smChannel, type ApduChannel } from '../session';
import { choosePace, parseCardAccess, type PaceInfo } from './card-access';
import { PaceCard, parseMseSetAt } from './pace-card';
import type { PacePassword } from './pace-crypto';
import { paceOid, paceProtocol } from './pace-params';
import { performPace } from './pace';

/** A card that only knows PACE, then echoes commands through SM. */
function paceCard(cardPassword: PacePassword): { channel: ApduChannel; sm: () => SmSession | undefined } {
  let pace: PaceCard | undefined;
  let sm: SmSession | undefined;
  const channel: ApduChannel = async (cmd: CommandApdu): Promise<ResponseApdu> => {
    const empty = new Uint8Array(0);
    if (sm) {
      const plain = unwrapCommand(sm, cmd);
      return wrapResponse(sm, { data: Uint8Array.of(plain.ins, plain.p1, plain.p2), sw: 0x9000 });
    }
    if (cmd.ins === 0x22) {
      const mse = parseMseSetAt(cmd.data ?? empty);
      pace = new PaceCard(mse.protocol, mse.parameterId ?? 0, cardPassword);
      return { data: empty, sw: 0x9000 };
    }
    if (cmd.ins === 0x86 && pace) {
      try {
        const data = pace.answer(cmd.data ?? empty);
        sm = pace.session;
        return { data, sw: 0x9000 };
      } catch (e) {
        pace = undefined;
        return { data: empty, sw: isCardError(e) && e.code === 'card.access_denied' ? 0x6300 : 0x6a80 };
      }
    }
    return { data: empty, sw: 0x6d00 };
  };
  return { channel, sm: () => sm };
}

function info(cipher: KeyAlgorithm, parameterId: number): PaceInfo {
  const protocol = paceProtocol(paceOid('ECDH', 'GM', cipher));
  if (!protocol) throw new Error('bad oid');
  return { protocol, version: 2, parameterId };
}

const CAN: PacePassword = { kind: 'CAN', can: '123456' };

describe('PACE terminal against the card side', () => {
  it.each([
    ['AES-128', 13],
    ['AES-128', 12],
    ['AES-192', 14],
    ['AES-256', 16],
    ['3DES', 13],
    ['AES-256', 18],
  ] as const)('%s on domain parameters %i: same keys, SM works both ways', async (cipher, param) => {
    const card = paceCard(CAN);
    const sm = await performPace(card.channel, info(cipher, param), CAN);
    expect(sm.ksEnc).toEqual(card.sm()?.ksEnc);
    const secure = smChannel(card.channel, sm);
    const r = await secure({ cla: 0, ins: 0xb0, p1: 1, p2: 2, le: 3 });
    expect([...r.data]).toEqual([0xb0, 1, 2]);
  });

  it('a wrong CAN ends in access_denied at the token step', async () => {
    const card = paceCard({ kind: 'CAN', can: '654321' });
    await expect(performPace(card.channel, info('AES-128', 13), CAN)).rejects.toMatchObject({ code: 'card.access_denied' });
  });

  it('MRZ password works as well', async () => {
    const mrz: PacePassword = { kind: 'MRZ', mrz: { documentNumber: '123456789', dateOfBirth: '900101', dateOfExpiry: '300101' } };
    const card = paceCard(mrz);
    await expect(performPace(card.channel, info('AES-128', 13), mrz)).resolves.toBeDefined();
  });

  it('a card answering 6982 to PACE-MRZ (seen on CCCD) is access_denied, so the caller can fall back to BAC', async () => {
    const refusing: ApduChannel = async (cmd) => ({ data: new Uint8Array(0), sw: cmd.ins === 0x22 ? 0x9000 : 0x6982 });
    await expect(performPace(refusing, info('AES-128', 13), CAN)).rejects.toMatchObject({ code: 'card.access_denied' });
  });
});

describe('EF.CardAccess', () => {
  const paceInfo = (oid: string, param?: number) =>
    encodeTlv(0x30, [encodeTlv(0x06, encodeOid(oid)), encodeTlv(0x02, Uint8Array.of(2)), ...(param === undefined ? [] : [encodeTlv(0x02, Uint8Array.of(param))])]);

  it('prefers the strongest implemented PACE and keeps other infos by OID', () => {
    const bytes = encodeTlv(0x31, [
      paceInfo('0.4.0.127.0.7.2.2.4.2.2', 13),
      paceInfo('0.4.0.127.0.7.2.2.4.2.4', 13),
      paceInfo('0.4.0.127.0.7.2.2.4.1.2', 0), // DH: not implemented
      paceInfo('0.4.0.127.0.7.2.2.4.6.4', 13), // CAM: not implemented
      encodeTlv(0x30, [encodeTlv(0x06, encodeOid('0.4.0.127.0.7.2.2.3.2.1')), encodeTlv(0x02, Uint8Array.of(1))]),
    ]);
    const access = parseCardAccess(bytes);
    expect(access.pace).toHaveLength(4);
    expect(access.otherOids).toEqual(['0.4.0.127.0.7.2.2.3.2.1']);
    expect(choosePace(access)?.protocol.cipher).toBe('AES-256');
  });

  it('offers nothing when only unsupported PACE variants are present', () => {
    const access = parseCardAccess(encodeTlv(0x31, [paceInfo('0.4.0.127.0.7.2.2.4.2.2', 9)]));
    expect(choosePace(access)).toBeUndefined();
  });

  it('fuzz: mutated EF.CardAccess gives a value or a CardError', () => {
    const valid = encodeTlv(0x31, [paceInfo('0.4.0.127.0.7.2.2.4.2.2', 13), paceInfo('0.4.0.127.0.7.2.2.4.2.4')]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat(valid.length), (edits, cut) => {
        const m = concat(valid.slice(0, Math.max(1, cut)));
        for (const [at, b] of edits) if (at < m.length) m[at] = b;
        try {
          parseCardAccess(m);
          return true;
        } catch (e) {
          return isCardError(e);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
