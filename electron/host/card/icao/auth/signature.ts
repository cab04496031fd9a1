/**
 * Signature verification over node:crypto rather than WebCrypto: eMRTD certificates use
 * Brainpool curves and explicit EC domain parameters, which OpenSSL accepts and WebCrypto does not.
 */
import { createHash, createPublicKey, constants, verify, type KeyObject } from 'node:crypto';
import { CardError } from '../../errors';
import { nodeHash, type HashName, type SignatureScheme } from './algorithms';

export function publicKeyFromSpki(spkiDer: Uint8Array): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  } catch (e) {
    throw new CardError('card.crypto', `public key not usable (${e instanceof Error ? e.message.slice(0, 80) : 'unknown'})`);
  }
}

export function digest(h: HashName, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(nodeHash(h)).update(data).digest());
}

/** True when `signature` is valid; false when it is not; CardError when it cannot be checked. */
export function verifySignature(key: KeyObject, scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array): boolean {
  const type = key.asymmetricKeyType;
  const isRsa = type === 'rsa' || type === 'rsa-pss';
  if (scheme.kind === 'ecdsa' && type !== 'ec') throw new CardError('card.crypto', 'ECDSA signature with a non-EC key');
  if (scheme.kind !== 'ecdsa' && !isRsa) throw new CardError('card.crypto', 'RSA signature with a non-RSA key');
  try {
    const options =
      scheme.kind === 'ecdsa'
        ? { key, dsaEncoding: scheme.plain ? ('ieee-p1363' as const) : ('der' as const) }
        : scheme.kind === 'rsa-pss'
          ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength }
          : { key, padding: constants.RSA_PKCS1_PADDING };
    return verify(nodeHash(scheme.hash), data, options, signature);
  } catch {
    // OpenSSL rejects malformed signatures (bad DER, wrong length) by throwing: that is "invalid".
    return false;
  }
}
