/** Key pairs for test certificates and the virtual card, generated at test time (never stored). */
import { generateKeyPairSync, sign, constants, type KeyObject } from 'node:crypto';
import { nodeHash, type SignatureScheme } from '../../card/icao/auth/algorithms';

export type KeyKind = 'ec-p256' | 'ec-p384' | 'ec-brainpoolP256r1' | 'rsa-2048' | 'rsa-1024';

export interface TestKey {
  kind: KeyKind;
  privateKey: KeyObject;
  publicKey: KeyObject;
  spki: Uint8Array;
}

export function generateKey(kind: KeyKind): TestKey {
  const pair = kind.startsWith('ec-')
    ? generateKeyPairSync('ec', { namedCurve: kind === 'ec-p256' ? 'prime256v1' : kind === 'ec-p384' ? 'secp384r1' : 'brainpoolP256r1' })
    : generateKeyPairSync('rsa', { modulusLength: kind === 'rsa-1024' ? 1024 : 2048, publicExponent: 65537 });
  return {
    kind,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    spki: new Uint8Array(pair.publicKey.export({ format: 'der', type: 'spki' })),
  };
}

/** The scheme a test key signs with by default; RSA keys can also sign PSS. */
export function defaultScheme(key: TestKey): SignatureScheme {
  return key.kind.startsWith('ec-') ? { kind: 'ecdsa', hash: 'SHA-256' } : { kind: 'rsa-pkcs1', hash: 'SHA-256' };
}

export function signWith(key: TestKey, scheme: SignatureScheme, data: Uint8Array): Uint8Array {
  const options =
    scheme.kind === 'ecdsa'
      ? { key: key.privateKey, dsaEncoding: scheme.plain ? ('ieee-p1363' as const) : ('der' as const) }
      : scheme.kind === 'rsa-pss'
        ? { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength }
        : { key: key.privateKey, padding: constants.RSA_PKCS1_PADDING };
  return new Uint8Array(sign(nodeHash(scheme.hash), data, options));
}
