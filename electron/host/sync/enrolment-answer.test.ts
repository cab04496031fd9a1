/** The enrolment answer cannot choose the API host, the pinned CA or a key that breaks every packet (security review findings 4, 5). */
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from './packet/index';
import { checkEnrolmentAnswer, sameCertificates } from './enrolment-answer';
import { makeTestTls } from './test-tls';

describe('the enrolment answer', async () => {
  const [tls, other] = await Promise.all([makeTestTls(), makeTestTls()]);
  const { alg: _signing, ...enc } = (await generateSigningKey()).publicJwk; // the same curve; an encryption key has no ES256 alg
  const configured = { url: 'https://upstream.test:8443', caPem: tls.caPem };
  const answer = { deviceId: 'KIOSK-TEST0001', clientCertificatePem: 'x', caChainPem: tls.caPem, encryptionKey: { ...enc, kid: 'enc-1' } as Record<string, unknown>, apiUrl: 'https://upstream.test:9443' };

  it('a sound answer: the API on the configured host (another port), the configured CA, a public P-256 key kept as its public point', async () => {
    const ok = await checkEnrolmentAnswer(answer, configured);
    expect(ok).toEqual({ apiUrl: 'https://upstream.test:9443', caPem: tls.caPem, encryptionKey: { kty: 'EC', crv: 'P-256', x: enc.x, y: enc.y, alg: 'ECDH-ES+A256KW', kid: 'enc-1' } });
    expect((await checkEnrolmentAnswer({ ...answer, apiUrl: undefined }, configured)).apiUrl).toBe(configured.url);
    // The same CA with other line breaks is the same CA.
    expect(sameCertificates(tls.caPem.replace(/\n/g, '\r\n'), tls.caPem)).toBe(true);
  });

  it('refuses an API address on another host (was: the answer chose where the kiosk sends dossiers)', async () => {
    await expect(checkEnrolmentAnswer({ ...answer, apiUrl: 'https://elsewhere.test:8443' }, configured)).rejects.toThrow('not on the configured upstream host');
  });

  it('refuses a CA chain other than the configured one, also one with an extra certificate (was: the answer chose the pinned CA)', async () => {
    await expect(checkEnrolmentAnswer({ ...answer, caChainPem: other.caPem }, configured)).rejects.toThrow('CA chain');
    await expect(checkEnrolmentAnswer({ ...answer, caChainPem: tls.caPem + other.caPem }, configured)).rejects.toThrow('CA chain');
  });

  it('refuses a private key, another key type or curve, another algorithm, a point off the curve (was: any object was kept and every packet failed for good)', async () => {
    const priv = (await generateSigningKey()).privateJwk;
    const bad: Array<[Record<string, unknown>, string]> = [
      [priv as Record<string, unknown>, 'not a public key'],
      [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }, 'not a P-256 EC key'],
      [{ ...enc, crv: 'P-384' }, 'not a P-256 EC key'],
      [{ kty: 'oct', k: 'AAAA' }, 'not a public key'],
      [{ ...enc, alg: 'RSA-OAEP-256' }, 'another algorithm'],
      [{ ...enc, y: enc.x }, 'not a point on P-256'],
    ];
    for (const [encryptionKey, why] of bad) await expect(checkEnrolmentAnswer({ ...answer, encryptionKey }, configured)).rejects.toThrow(why);
  });
});
