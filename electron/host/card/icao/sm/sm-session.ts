import { concat } from '../../iso7816/bytes';
import { pad } from '../crypto/padding';
import type { CipherSuite } from '../crypto/suite';
import { CardError } from '../../errors';
import { aesEncryptBlock } from '../crypto/aes';

/**
 * The state both ends of a secure-messaging session share. The send sequence counter (SSC) is
 * incremented before every command and every response, on both sides, so the object is
 * mutable: one instance per side per session.
 */
export interface SmSession {
  readonly suite: CipherSuite;
  readonly ksEnc: Uint8Array;
  readonly ksMac: Uint8Array;
  /** Block-sized big-endian counter (8 bytes for 3DES, 16 for AES). */
  ssc: Uint8Array;
}

/**
 * `ssc` defaults to zero, which is what PACE uses; BAC passes the value computed from the two
 * nonces. The session copies it so the caller's array is never advanced by accident.
 */
export function createSmSession(suite: CipherSuite, ksEnc: Uint8Array, ksMac: Uint8Array, ssc?: Uint8Array): SmSession {
  if (ssc && ssc.length !== suite.blockSize) throw new CardError('card.crypto', 'SSC must be one cipher block');
  const counter = ssc ? ssc.slice() : new Uint8Array(suite.blockSize);
  return { suite, ksEnc: ksEnc.slice(), ksMac: ksMac.slice(), ssc: counter };
}

export function incrementSsc(sm: SmSession): void {
  const s = sm.ssc.slice();
  for (let i = s.length - 1; i >= 0; i--) {
    s[i] = ((s[i] ?? 0) + 1) & 0xff;
    if (s[i] !== 0) break;
  }
  sm.ssc = s;
}

/** 3DES SM uses a zero IV; AES SM uses IV = E(KSenc, SSC) (9303-11 §9.8.6.3). */
export function smIv(sm: SmSession): Uint8Array | undefined {
  return sm.suite.name === 'AES' ? aesEncryptBlock(sm.ksEnc, sm.ssc) : undefined;
}

export function smEncrypt(sm: SmSession, plain: Uint8Array): Uint8Array {
  return sm.suite.encrypt(sm.ksEnc, pad(plain, sm.suite.blockSize), smIv(sm));
}

export function smDecrypt(sm: SmSession, cryptogram: Uint8Array): Uint8Array {
  return sm.suite.decrypt(sm.ksEnc, cryptogram, smIv(sm));
}

/** MAC over SSC || message, padded: the message is the padded header and/or the DOs. */
export function smMac(sm: SmSession, message: Uint8Array): Uint8Array {
  return sm.suite.mac(sm.ksMac, pad(concat(sm.ssc, message), sm.suite.blockSize));
}

/** CLA with b3b4 = 11: "proprietary SM, header authenticated" as 9303 requires. */
export const SM_CLA_BITS = 0x0c;

export function paddedHeader(sm: SmSession, cla: number, ins: number, p1: number, p2: number): Uint8Array {
  return pad(Uint8Array.of(cla | SM_CLA_BITS, ins, p1, p2), sm.suite.blockSize);
}

/** Le inside DO'97': one byte (00 = 256) in short form, two bytes (0000 = 65536) in extended. */
export function encodeLe(le: number, extended: boolean): Uint8Array {
  return extended ? Uint8Array.of((le >> 8) & 0xff, le & 0xff) : Uint8Array.of(le & 0xff);
}

export function decodeLe(v: Uint8Array): number | undefined {
  if (v.length === 0) return undefined;
  if (v.length === 1) return v[0] === 0 ? 256 : v[0];
  const n = ((v[0] ?? 0) << 8) | (v[1] ?? 0);
  return n === 0 ? 65536 : n;
}
