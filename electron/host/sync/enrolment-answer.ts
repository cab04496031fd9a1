/**
 * What the kiosk takes from the upstream's enrolment answer, and what it refuses. The answer comes
 * over TLS pinned to the configured CA, but it must not choose where the kiosk talks from now on,
 * whom it trusts, or a key that breaks every packet:
 * - the API address must be on the configured upstream's host (another port is fine);
 * - the CA chain must be the very certificates configured (the pin never changes by answer);
 * - the encryption key must be a PUBLIC P-256 EC key usable for ECDH-ES+A256KW (no `d`, no other
 *   kty or curve), so a bad answer fails the enrolment, not every dossier later.
 */
import { importJWK, type JWK } from 'jose';
import type { Enrolment } from './identity';

export class EnrolmentAnswerError extends Error {
  readonly code = 'bad_response';
}

/** The base64 bodies of every CERTIFICATE block, whitespace removed, sorted. */
function certificates(pem: string): string[] {
  const out = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => m[1]!.replace(/\s+/g, ''));
  return out.sort();
}

export function sameCertificates(a: string, b: string): boolean {
  const x = certificates(a);
  const y = certificates(b);
  return x.length > 0 && x.length === y.length && x.every((c, i) => c === y[i]);
}

export interface CheckedAnswer {
  apiUrl: string;
  caPem: string;
  encryptionKey: JWK;
}

export async function checkEnrolmentAnswer(answer: Enrolment, configured: { url: string; caPem: string }): Promise<CheckedAnswer> {
  const apiUrl = answer.apiUrl ?? configured.url;
  if (new URL(apiUrl).hostname !== new URL(configured.url).hostname) throw new EnrolmentAnswerError('the API address is not on the configured upstream host');
  if (!sameCertificates(answer.caChainPem, configured.caPem)) throw new EnrolmentAnswerError('the CA chain is not the configured one');
  const k = answer.encryptionKey;
  if ('d' in k || 'p' in k || 'k' in k) throw new EnrolmentAnswerError('the encryption key is not a public key');
  if (k.kty !== 'EC' || k.crv !== 'P-256' || typeof k.x !== 'string' || typeof k.y !== 'string') throw new EnrolmentAnswerError('the encryption key is not a P-256 EC key');
  if (k.alg !== undefined && k.alg !== 'ECDH-ES+A256KW') throw new EnrolmentAnswerError('the encryption key is for another algorithm');
  if (k.kid !== undefined && (typeof k.kid !== 'string' || k.kid.length > 200)) throw new EnrolmentAnswerError('the encryption key id is not a short string');
  const encryptionKey: JWK = { kty: 'EC', crv: 'P-256', x: k.x, y: k.y, alg: 'ECDH-ES+A256KW', ...(typeof k.kid === 'string' ? { kid: k.kid } : {}) };
  try {
    await importJWK(encryptionKey, 'ECDH-ES+A256KW');
  } catch {
    throw new EnrolmentAnswerError('the encryption key is not a point on P-256');
  }
  return { apiUrl, caPem: configured.caPem, encryptionKey };
}
