import { randomBytes } from 'node:crypto';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { CardError } from '../../errors';
import { encodeOid } from '../../iso7816/asn1';
import { bigIntToBytes, bytesToBigInt, concat } from '../../iso7816/bytes';
import { encodeTlv } from '../../iso7816/tlv';
import { kdf, KDF_ENC, KDF_MAC, KDF_PI, type KeyAlgorithm } from '../crypto/kdf';
import { mrzHash, type MrzKeyInput } from '../crypto/mrz-key';
import { pad } from '../crypto/padding';
import { AES_SUITE, TDES_SUITE, type CipherSuite } from '../crypto/suite';
import { createSmSession, type SmSession } from '../sm/sm-session';
import type { PaceCurve } from './pace-params';

/** Primitives both PACE ends share (9303-11 §4.4, generic mapping over elliptic curves). */

export type PacePassword = { kind: 'CAN'; can: string } | { kind: 'MRZ'; mrz: MrzKeyInput };

/** Reference of the password in MSE:Set AT (DO'83'). */
export function passwordRef(p: PacePassword): number {
  return p.kind === 'MRZ' ? 0x01 : 0x02;
}

/** K_pi = KDF(f(password), 3): the CAN as ASCII bytes, the MRZ as SHA-1 of its key fields. */
export function passwordKey(p: PacePassword, alg: KeyAlgorithm): Uint8Array {
  const k = p.kind === 'CAN' ? new TextEncoder().encode(p.can) : mrzHash(p.mrz);
  return kdf(k, KDF_PI, alg);
}

export function suiteFor(alg: KeyAlgorithm): CipherSuite {
  return alg === '3DES' ? TDES_SUITE : AES_SUITE;
}

/** Injected so the standard's worked example can be replayed with its fixed values. */
export interface PaceRandom {
  bytes(n: number): Uint8Array;
  /** A private key in [1, n-1]. */
  scalar(n: bigint): bigint;
}

export const securePaceRandom: PaceRandom = {
  bytes: (n) => new Uint8Array(randomBytes(n)),
  scalar: (n) => {
    const len = Math.ceil(n.toString(16).length / 2) + 8; // extra bytes make the bias negligible
    return (bytesToBigInt(new Uint8Array(randomBytes(len))) % (n - 1n)) + 1n;
  },
};

export type EcPoint = WeierstrassPoint<bigint>;

export function encodePoint(curve: PaceCurve, p: EcPoint): Uint8Array {
  const a = p.toAffine();
  return concat(Uint8Array.of(0x04), bigIntToBytes(a.x, curve.fieldLength), bigIntToBytes(a.y, curve.fieldLength));
}

/** Uncompressed points only, checked to be on the curve and not the identity. */
export function decodePoint(curve: PaceCurve, bytes: Uint8Array): EcPoint {
  const n = curve.fieldLength;
  if (bytes.length !== 1 + 2 * n || bytes[0] !== 0x04) throw new CardError('card.crypto', 'PACE: bad public point encoding');
  try {
    const p = curve.Point.fromAffine({
      x: bytesToBigInt(bytes.subarray(1, 1 + n)),
      y: bytesToBigInt(bytes.subarray(1 + n)),
    });
    p.assertValidity();
    if (p.is0()) throw new Error('identity');
    return p;
  } catch {
    throw new CardError('card.crypto', 'PACE: public point not on the curve');
  }
}

/** Generic mapping: G~ = s·G + H, with H the ECDH of the mapping keys. */
export function mapGenerator(curve: PaceCurve, nonce: Uint8Array, h: EcPoint): EcPoint {
  const n = curve.Point.CURVE().n;
  const s = bytesToBigInt(nonce) % n;
  const g = curve.Point.BASE.multiply(s).add(h);
  if (g.is0()) throw new CardError('card.crypto', 'PACE: mapped generator is the identity');
  return g;
}

/** Public key data object 7F49 { 06 OID, 86 point }: what the authentication tokens MAC. */
export function publicKeyDataObject(oid: string, encodedPoint: Uint8Array): Uint8Array {
  return encodeTlv(0x7f49, [encodeTlv(0x06, encodeOid(oid)), encodeTlv(0x86, encodedPoint)]);
}

/** T = MAC(K_mac, PKDO): CMAC for AES (no padding needed), retail MAC over padded data for 3DES. */
export function authToken(alg: KeyAlgorithm, kMac: Uint8Array, oid: string, otherPoint: Uint8Array): Uint8Array {
  const data = publicKeyDataObject(oid, otherPoint);
  const suite = suiteFor(alg);
  return alg === '3DES' ? suite.mac(kMac, pad(data, 8)) : suite.mac(kMac, data);
}

export interface PaceKeys {
  kEnc: Uint8Array;
  kMac: Uint8Array;
}

/** Session keys from the x-coordinate of the shared point. */
export function paceSessionKeys(curve: PaceCurve, shared: EcPoint, alg: KeyAlgorithm): PaceKeys {
  const x = bigIntToBytes(shared.toAffine().x, curve.fieldLength);
  return { kEnc: kdf(x, KDF_ENC, alg), kMac: kdf(x, KDF_MAC, alg) };
}

/** PACE starts secure messaging with SSC = 0. */
export function paceSmSession(alg: KeyAlgorithm, keys: PaceKeys): SmSession {
  return createSmSession(suiteFor(alg), keys.kEnc, keys.kMac);
}

/** The nonce is one cipher block long: 8 bytes for 3DES, 16 for AES. */
export function nonceLength(alg: KeyAlgorithm): number {
  return alg === '3DES' ? 8 : 16;
}
