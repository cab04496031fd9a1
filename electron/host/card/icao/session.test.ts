import { describe, it, expect } from 'vitest';
import { decodeCommand, encodeResponse, type CommandApdu, type ResponseApdu } from '../iso7816/apdu';
import { fromHex, hex } from '../iso7816/bytes';
import { CardError } from '../errors';
import { bacCardRespond, deriveBacKeys, performBac } from './access/bac';
import { unwrapCommand, wrapResponse } from './sm/card';
import type { SmSession } from './sm/sm-session';
import { openSession, plainChannel, type ByteTransport } from './session';

/** A transport whose card is a function of the decoded command; records what was sent. */
function scripted(answer: (cmd: CommandApdu) => ResponseApdu): ByteTransport & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    extendedLength: false,
    async transmit(apdu) {
      sent.push(hex(apdu));
      return encodeResponse(answer(decodeCommand(apdu)));
    },
  };
}

describe('plain channel', () => {
  it('61xx: collects the rest of the answer with GET RESPONSE', async () => {
    let calls = 0;
    const t = scripted((cmd) => {
      calls++;
      if (cmd.ins === 0xb0) return { data: fromHex('0102'), sw: 0x6103 };
      if (calls === 2) return { data: fromHex('030405'), sw: 0x6101 };
      return { data: fromHex('06'), sw: 0x9000 };
    });
    const r = await plainChannel(t)({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 6 });
    expect(hex(r.data)).toBe('010203040506');
    expect(r.sw).toBe(0x9000);
    expect(t.sent.slice(1)).toEqual(['00C0000003', '00C0000001']);
  });
  it('6Cxx: re-issues the command with the Le the card asked for', async () => {
    const t = scripted((cmd) => (cmd.le === 0x12 ? { data: new Uint8Array(0x12), sw: 0x9000 } : { data: new Uint8Array(0), sw: 0x6c12 }));
    const r = await plainChannel(t)({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 });
    expect(r.data.length).toBe(0x12);
    expect(t.sent).toEqual(['00B0000000', '00B0000012']);
  });
  it('an endless 61xx chain is a protocol error, not a hang', async () => {
    const t = scripted(() => ({ data: fromHex('00'), sw: 0x6101 }));
    await expect(plainChannel(t)({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1 })).rejects.toBeInstanceOf(CardError);
  });
  it('a transport throwing something else becomes a CardError', async () => {
    const t: ByteTransport = {
      transmit: () => Promise.reject(new Error('boom')),
    };
    await expect(plainChannel(t)({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 })).rejects.toMatchObject({ code: 'card.timeout' });
  });
});

describe('session switching to secure messaging', () => {
  const mrz = { documentNumber: 'L898902C', dateOfBirth: '690806', dateOfExpiry: '940623' };
  const keys = deriveBacKeys(mrz);

  /** A tiny BAC card: enough to prove the session wraps every command once SM is on. */
  function bacCard() {
    let rndIc: Uint8Array = new Uint8Array(0);
    let sm: SmSession | undefined;
    const plainSeen: CommandApdu[] = [];
    const t = scripted((cmd) => {
      if (sm) {
        const plain = unwrapCommand(sm, cmd);
        plainSeen.push(plain);
        return wrapResponse(sm, { data: fromHex('6002AABB'), sw: 0x9000 }, plain.ins);
      }
      if (cmd.ins === 0x84) {
        rndIc = fromHex('0102030405060708');
        return { data: rndIc, sw: 0x9000 };
      }
      const r = bacCardRespond({ keys, rndIc, commandData: cmd.data ?? new Uint8Array(0) });
      sm = r.sm;
      return { data: r.response, sw: 0x9000 };
    });
    return { t, plainSeen };
  }

  it('BAC then every command goes through SM', async () => {
    const { t, plainSeen } = bacCard();
    const session = openSession(t);
    const sm = await performBac(session.channel, mrz);
    session.startSecureMessaging(sm);
    const read: CommandApdu = { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 };
    const r = await session.channel(read);
    expect(hex(r.data)).toBe('6002AABB');
    expect(plainSeen).toEqual([read]);
    expect(t.sent.at(-1)?.startsWith('0CB00000')).toBe(true);
    expect(session.secure).toBe(sm);
  });

  it('an SM failure ends the secure session', async () => {
    const { t } = bacCard();
    const session = openSession(t);
    session.startSecureMessaging(await performBac(session.channel, mrz));
    const tampering: ByteTransport = {
      extendedLength: false,
      async transmit(apdu) {
        const r = await t.transmit(apdu);
        r[3] = (r[3] ?? 0) ^ 0x40;
        return r;
      },
    };
    const s2 = openSession(tampering);
    s2.startSecureMessaging(session.secure as SmSession);
    await expect(s2.channel({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 })).rejects.toMatchObject({ code: 'card.sm_invalid' });
    expect(s2.secure).toBeUndefined();
  });
});
