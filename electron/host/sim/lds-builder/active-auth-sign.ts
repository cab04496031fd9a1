/**
 * The card side of active authentication, for the virtual card: sign the terminal's challenge
 * with the AA private key (RSA: ISO/IEC 9796-2 scheme 1, SHA-1 trailer BC or an explicit
 * `xx CC` trailer; EC: plain r||s).
 */
import { constants, privateEncrypt, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { HashName } from '../../card/icao/auth/algorithms';
import { digest } from '../../card/icao/auth/signature';
import { bigIntToBytes, bytesToBigInt } from '../../card/iso7816/bytes';

const TRAILER_ID: Readonly<Record<HashName, number>> = { 'SHA-1': 0x33, 'SHA-224': 0x38, 'SHA-256': 0x34, 'SHA-384': 0x36, 'SHA-512': 0x35 };

/**
 * ISO/IEC 9796-2 lets the signer return min(s, n − s) instead of s (`minForm`): real chips do,
 * and a verifier that only tries s rejects them whenever n − s is the smaller.
 */
export function signAaRsa(privateKey: KeyObject, challenge: Uint8Array, hash: HashName = 'SHA-1', minForm = false): Uint8Array {
  const k = (privateKey.asymmetricKeyDetails?.modulusLength ?? 1024) / 8;
  const trailer = hash === 'SHA-1' ? [0xbc] : [TRAILER_ID[hash], 0xcc];
  const hLen = digest(hash, new Uint8Array(0)).length;
  const m1 = new Uint8Array(randomBytes(k - 1 - hLen - trailer.length));
  // F starts with 6A and an RSA modulus with 0x80 or more, so F is always below the modulus.
  const d = digest(hash, new Uint8Array([...m1, ...challenge]));
  const f = new Uint8Array([0x6a, ...m1, ...d, ...trailer]);
  const s = new Uint8Array(privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, f));
  if (!minForm) return s;
  const n = bytesToBigInt(Buffer.from(privateKey.export({ format: 'jwk' }).n ?? '', 'base64url'));
  const sv = bytesToBigInt(s);
  return n - sv < sv ? bigIntToBytes(n - sv, k) : s;
}

export function signAaEcdsa(privateKey: KeyObject, challenge: Uint8Array, hash: HashName = 'SHA-256'): Uint8Array {
  return new Uint8Array(sign(hash.replace('-', '').toLowerCase(), challenge, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
}
