/**
 * Chip authentication, card side (ICAO 9303-11 §6.2), inside the BAC/PACE session:
 *  - 3DES: MSE:Set KAT (00 22 41 A6) carries the terminal's ephemeral key in DO'91';
 *  - AES:  MSE:Set AT (00 22 41 A4, DO'80' = the CA OID) then GENERAL AUTHENTICATE with
 *          7C { 80 key }, answered by an empty 7C.
 * The answer still goes out under the old keys; then SM restarts with the new ones (SSC = 0).
 * A cloned chip computes with a key that does not match DG14, so the terminal's next command
 * fails its MAC check here: that is how the clone shows.
 */
import type { KeyObject } from 'node:crypto';
import { isCardError } from '../../../card/errors';
import { chipAuthCard } from '../../../card/icao/auth/chip-auth';
import type { KeyAlgorithm } from '../../../card/icao/crypto/kdf';
import { AES_SUITE, TDES_SUITE } from '../../../card/icao/crypto/suite';
import { createSmSession } from '../../../card/icao/sm/sm-session';
import { decodeOid } from '../../../card/iso7816/asn1';
import { encodeTlv, findTlv, parseTlv, parseTlvList } from '../../../card/iso7816/tlv';
import { ok, sw, SWC } from '../status';
import { smCardChannel } from './sm-channel';
import type { ProtocolHandler } from './index';

const CA_PREFIX = '0.4.0.127.0.7.2.2.3.';
const CIPHER_BY_ARC: Readonly<Record<string, KeyAlgorithm>> = { '1': '3DES', '2': 'AES-128', '3': 'AES-192', '4': 'AES-256' };

function cipherOfOid(oid: string): KeyAlgorithm | undefined {
  if (!oid.startsWith(CA_PREFIX)) return undefined;
  const [agreement, cipher] = oid.slice(CA_PREFIX.length).split('.');
  return agreement === '2' && cipher ? CIPHER_BY_ARC[cipher] : undefined;
}

export function chipAuthHandler(privateKey: KeyObject): ProtocolHandler {
  let pendingCipher: KeyAlgorithm | undefined;
  const agree = (terminalKey: Uint8Array, cipher: KeyAlgorithm, answer: Uint8Array) => {
    const keys = chipAuthCard(privateKey, terminalKey, cipher);
    const suite = cipher === '3DES' ? TDES_SUITE : AES_SUITE;
    return { response: ok(answer), channel: smCardChannel(createSmSession(suite, keys.ksEnc, keys.ksMac)) };
  };
  return {
    reset() {
      pendingCipher = undefined;
    },
    handle(cmd, inSm) {
      const isMse = cmd.ins === 0x22 && cmd.p1 === 0x41;
      const isGa = cmd.ins === 0x86 && pendingCipher !== undefined;
      if (!isMse && !isGa) return undefined;
      if (!inSm) return { response: sw(SWC.SECURITY) };
      try {
        if (isMse && cmd.p2 === 0xa6) {
          const key = findTlv(parseTlvList(cmd.data ?? new Uint8Array()), 0x91);
          if (!key) return { response: sw(SWC.WRONG_DATA) };
          return agree(key.value, '3DES', new Uint8Array());
        }
        if (isMse && cmd.p2 === 0xa4) {
          const oid = findTlv(parseTlvList(cmd.data ?? new Uint8Array()), 0x80);
          const cipher = oid ? cipherOfOid(decodeOid(oid.value)) : undefined;
          if (!cipher) return { response: sw(SWC.REF_NOT_FOUND) };
          pendingCipher = cipher;
          return { response: ok() };
        }
        if (isGa && pendingCipher) {
          const cipher = pendingCipher;
          pendingCipher = undefined;
          const dyn = parseTlv(cmd.data ?? new Uint8Array());
          const key = dyn.tag === 0x7c ? findTlv(dyn.children, 0x80) : undefined;
          if (!key) return { response: sw(SWC.WRONG_DATA) };
          return agree(key.value, cipher, encodeTlv(0x7c, new Uint8Array()));
        }
        return { response: sw(SWC.WRONG_P1P2) };
      } catch (err) {
        if (isCardError(err)) return { response: sw(SWC.WRONG_DATA) };
        throw err;
      }
    },
  };
}
