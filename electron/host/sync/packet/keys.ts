/**
 * Key pairs of the packet protocol as JWKs: the kiosk's signing key (ES256, kid = device id) and
 * the upstream's encryption key (ECDH-ES+A256KW on P-256). The kiosk keeps its private JWK in its
 * encrypted store; enrolment sends the public half upstream and brings the upstream's public key back.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface JwkPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

async function pair(alg: 'ES256' | 'ECDH-ES+A256KW', extra: JWK): Promise<JwkPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { crv: 'P-256', extractable: true });
  return { privateJwk: { ...(await exportJWK(privateKey)), ...extra }, publicJwk: { ...(await exportJWK(publicKey)), ...extra } };
}

/** The kiosk's packet-signing key; `kid` is filled in once the device id is known. */
export function generateSigningKey(): Promise<JwkPair> {
  return pair('ES256', { alg: 'ES256', use: 'sig' });
}

/** The upstream's packet-encryption key, with a random kid. */
export function generateEncryptionKey(): Promise<JwkPair> {
  return pair('ECDH-ES+A256KW', { alg: 'ECDH-ES+A256KW', use: 'enc', kid: `enc-${randomBytes(8).toString('hex')}` });
}

/** The public half of a private EC JWK. */
export function publicJwk(jwk: JWK): JWK {
  const { d: _d, ...pub } = jwk;
  return pub;
}
