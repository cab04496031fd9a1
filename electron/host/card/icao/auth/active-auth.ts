/**
 * Active authentication, terminal side (ICAO 9303-11 §6.1): the card signs the terminal's 8-byte
 * challenge with the DG15 private key. RSA uses ISO/IEC 9796-2 digital signature scheme 1 with
 * partial message recovery; ECDSA uses the plain r||s format (BSI TR-03111) with the hash named
 * in DG14's ActiveAuthenticationInfo.
 */
import { constants, publicDecrypt, verify } from 'node:crypto';
import { CardError } from '../../errors';
import { bigIntToBytes, bytesToBigInt } from '../../iso7816/bytes';
import { bytesEqual } from '../lds/der';
import type { Dg15 } from '../lds/dg15';
import { ECDSA_PLAIN, type HashName } from './algorithms';
import { digest, publicKeyFromSpki } from './signature';

export type ActiveAuthResult = { valid: true } | { valid: false; reason: string };

/** ISO/IEC 10118-3 hash identifiers used in the 9796-2 trailer `xx CC`. */
const TRAILER_HASH: Readonly<Record<number, HashName>> = { 0x33: 'SHA-1', 0x34: 'SHA-256', 0x35: 'SHA-512', 0x36: 'SHA-384', 0x38: 'SHA-224' };
const HASH_LENGTH: Readonly<Record<HashName, number>> = { 'SHA-1': 20, 'SHA-224': 28, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/** ECDSA-plain OIDs (BSI TR-03111 §5.2.1) and the X9.62 ones some cards name instead. */
const AA_ECDSA_HASH: Readonly<Record<string, HashName>> = {
  ...ECDSA_PLAIN,
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.1': 'SHA-224',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};

/**
 * ISO/IEC 9796-2 §B.6 (and 9303-11 §6.1): the signer may return min(s, n − s), so the verifier
 * takes J* = Σ^e mod n as the representative when it ends in the nibble C (J* ≡ 12 mod 16),
 * and n − J* otherwise. A chip doing that fails a check that tries only s about half the time.
 */
export function recoverRsaRepresentative(modulus: Uint8Array, jStar: Uint8Array): Uint8Array {
  if (((jStar[jStar.length - 1] ?? 0) & 0x0f) === 0x0c) return jStar;
  return bigIntToBytes(bytesToBigInt(modulus) - bytesToBigInt(jStar), jStar.length);
}

export function verifyRsaAa(dg15: Extract<Dg15, { kind: 'rsa' }>, challenge: Uint8Array, signature: Uint8Array): ActiveAuthResult {
  let jStar: Uint8Array;
  try {
    // Raw RSA (s^e mod n): the padding is the 9796-2 structure checked below.
    jStar = new Uint8Array(publicDecrypt({ key: publicKeyFromSpki(dg15.spki), padding: constants.RSA_NO_PADDING }, signature));
  } catch {
    return { valid: false, reason: 'signature is not an RSA value for this key' };
  }
  const f = recoverRsaRepresentative(dg15.modulus, jStar);
  const last = f[f.length - 1];
  let hash: HashName | undefined;
  let trailer = 1;
  if (last === 0xbc) hash = 'SHA-1';
  else if (last === 0xcc) {
    hash = TRAILER_HASH[f[f.length - 2] ?? -1];
    trailer = 2;
  }
  if (!hash) return { valid: false, reason: 'unknown 9796-2 trailer' };
  if (f[0] !== 0x6a) return { valid: false, reason: 'not a 9796-2 scheme 1 partial-recovery header' };
  const hLen = HASH_LENGTH[hash];
  const dStart = f.length - trailer - hLen;
  if (dStart < 1) return { valid: false, reason: 'signature too short' };
  const m1 = f.subarray(1, dStart);
  const d = f.subarray(dStart, dStart + hLen);
  const expected = digest(hash, new Uint8Array([...m1, ...challenge]));
  return bytesEqual(d, expected) ? { valid: true } : { valid: false, reason: 'recovered digest does not match the challenge' };
}

export function verifyEcdsaAa(dg15: Extract<Dg15, { kind: 'ec' }>, challenge: Uint8Array, signature: Uint8Array, signatureAlgorithmOid?: string): ActiveAuthResult {
  const key = publicKeyFromSpki(dg15.spki);
  // Without ActiveAuthenticationInfo, fall back on the hash matching the key size (TR-03111 practice).
  const bits = (key.asymmetricKeyDetails?.namedCurve ?? '').match(/(\d{3})/)?.[1];
  const hash = signatureAlgorithmOid ? AA_ECDSA_HASH[signatureAlgorithmOid] : bits === '384' ? 'SHA-384' : bits === '512' || bits === '521' ? 'SHA-512' : 'SHA-256';
  if (!hash) throw new CardError('card.unsupported', `AA signature algorithm ${signatureAlgorithmOid ?? ''} not supported`);
  try {
    const ok = verify(hash.replace('-', '').toLowerCase(), challenge, { key, dsaEncoding: 'ieee-p1363' }, signature);
    return ok ? { valid: true } : { valid: false, reason: 'ECDSA signature does not verify' };
  } catch {
    return { valid: false, reason: 'ECDSA signature malformed' };
  }
}

export function verifyActiveAuth(dg15: Dg15, challenge: Uint8Array, signature: Uint8Array, signatureAlgorithmOid?: string): ActiveAuthResult {
  return dg15.kind === 'rsa' ? verifyRsaAa(dg15, challenge, signature) : verifyEcdsaAa(dg15, challenge, signature, signatureAlgorithmOid);
}
