import { describe, it, expect } from 'vitest';
import { decodeCommand, encodeResponse } from '../../iso7816/apdu';
import { encodeTlv } from '../../iso7816/tlv';
import { AES_SUITE, TDES_SUITE, type CipherSuite } from '../crypto/suite';
import { unwrapCommand, wrapResponse } from '../sm/card';
import { createSmSession } from '../sm/sm-session';
import { plainChannel, smChannel, type ByteTransport } from '../session';
import { ChunkPolicies, readFile } from './file-reader';

/**
 * The short-APDU limits of ChunkPolicy hold once secure messaging adds its overhead: a reader
 * that can only carry 256-byte answers (PN53x class) reads a whole DG2 without a single retry.
 */
function shortOnlyReader(suite: CipherSuite, file: Uint8Array): { transport: ByteTransport; terminalKeys: [Uint8Array, Uint8Array] } {
  const kEnc = new Uint8Array(16).fill(1);
  const kMac = new Uint8Array(16).fill(2);
  const card = createSmSession(suite, kEnc, kMac);
  const transport: ByteTransport = {
    extendedLength: false,
    async transmit(apdu) {
      if (apdu.length > 261) throw new Error('reader cannot send extended APDUs');
      const cmd = unwrapCommand(card, decodeCommand(apdu));
      let resp = { data: new Uint8Array(0), sw: 0x9000 };
      if (cmd.ins === 0xb0) {
        const off = (cmd.p1 << 8) | cmd.p2;
        resp = { data: file.slice(off, off + (cmd.le ?? 256)), sw: 0x9000 };
      }
      const out = encodeResponse(wrapResponse(card, resp, cmd.ins));
      if (out.length > 258) throw new Error('reader cannot receive more than 256 bytes');
      return out;
    },
  };
  return { transport, terminalKeys: [kEnc, kMac] };
}

describe.each([
  ['3DES', TDES_SUITE, 8 as const, 0xe7],
  ['AES', AES_SUITE, 16 as const, 0xdf],
])('readFile through %s secure messaging on a short-APDU reader', (_n, suite, block, expected) => {
  it('uses the largest chunk whose protected answer fits 256 bytes, first time', async () => {
    const dg2 = encodeTlv(0x75, new Uint8Array(5000).map((_, i) => i & 0xff));
    const { transport, terminalKeys } = shortOnlyReader(suite, dg2);
    const channel = smChannel(plainChannel(transport), createSmSession(suite, ...terminalKeys));
    const policies = new ChunkPolicies();
    const policy = policies.get('ACR122U', { extendedLength: false, smBlockSize: block });
    expect(policy.size).toBe(expected);
    expect(await readFile(channel, 0x0102, { policy, maxRetries: 0 })).toEqual(dg2);
    expect(policies.get('ACR122U', { extendedLength: false, smBlockSize: block })).toBe(policy);
  });
});
