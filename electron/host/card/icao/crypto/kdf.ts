import { createHash } from 'node:crypto';
import { concat, uintBytes } from '../../iso7816/bytes';
import { adjustParity } from './des';

/** Cipher + key size of a session (9303-11 §9.7.1 key derivation function). */
export type KeyAlgorithm = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';

/** Counter values of the KDF: encryption key, MAC key, PACE password key. */
export const KDF_ENC = 1;
export const KDF_MAC = 2;
export const KDF_PI = 3;

export function keyLength(alg: KeyAlgorithm): number {
  return alg === '3DES' || alg === 'AES-128' ? 16 : alg === 'AES-192' ? 24 : 32;
}

/**
 * KDF(K, c) = H(K || c) with c a 32-bit big-endian counter; SHA-1 for 3DES and AES-128,
 * SHA-256 for the longer AES keys. 3DES keys get their DES parity bits set.
 */
export function kdf(secret: Uint8Array, counter: number, alg: KeyAlgorithm): Uint8Array {
  const hashName = alg === '3DES' || alg === 'AES-128' ? 'sha1' : 'sha256';
  const digest = new Uint8Array(createHash(hashName).update(concat(secret, uintBytes(counter, 4))).digest());
  const key = digest.slice(0, keyLength(alg));
  return alg === '3DES' ? adjustParity(key) : key;
}

export function sha1(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(data).digest());
}
