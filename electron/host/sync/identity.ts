/**
 * The kiosk's identity with the upstream, kept only inside the encrypted store (migration 0030):
 * the device id the upstream issued, the TLS client key (P-256, made here, never leaves) and its
 * certificate, the packet-signing key (P-256 JWK), the upstream CA the kiosk pins and the
 * upstream's public encryption key. Enrolment makes the keys and a CSR; the upstream's answer is
 * stored in one transaction with its audit entry.
 */
import 'reflect-metadata';
import { webcrypto, createPrivateKey, createPublicKey } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { z } from 'zod';
import type { JWK } from 'jose';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import { generateSigningKey } from './packet/index';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export interface DeviceKeys {
  /** PKCS#8 PEM of the TLS client key. */
  tlsKeyPem: string;
  csrPem: string;
  /** Private JWK of the packet-signing key. */
  signingJwk: JWK;
  /** Its public half, sent at enrolment. */
  signingPublicJwk: JWK;
}

export async function makeDeviceKeys(stationName: string): Promise<DeviceKeys> {
  const tls = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: [{ O: ['eID kiosk'] }, { CN: [stationName.slice(0, 64) || 'kiosk'] }],
    keys: tls as unknown as Parameters<typeof x509.Pkcs10CertificateRequestGenerator.create>[0]['keys'],
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', tls.privateKey));
  const tlsKeyPem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
  const signing = await generateSigningKey();
  return { tlsKeyPem, csrPem: csr.toString('pem'), signingJwk: signing.privateJwk, signingPublicJwk: signing.publicJwk };
}

/** What the upstream answers at enrolment (docs/upstream-api.yaml, Enrolment). */
export const enrolmentSchema = z.object({
  deviceId: z.string().regex(/^KIOSK-[A-Z0-9]{8,32}$/),
  clientCertificatePem: z.string().min(1).max(20_000),
  caChainPem: z.string().min(1).max(40_000),
  encryptionKey: z.record(z.string(), z.unknown()),
  /** The API origin (mutual TLS) from now on; absent: the enrolment origin serves both. */
  apiUrl: z.string().url().refine((u) => u.startsWith('https://'), 'https only').optional(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export interface DeviceIdentity {
  deviceId: string;
  upstreamUrl: string;
  tlsKeyPem: string;
  clientCertPem: string;
  signingJwk: JWK;
  upstreamCaPem: string;
  upstreamEncJwk: JWK;
  enrolledAt: string;
  enrolledBy: string;
}

/** The client certificate must carry the key this kiosk made (a swapped certificate is refused). */
export async function checkCertificateMatchesKey(certPem: string, tlsKeyPem: string): Promise<void> {
  const cert = new x509.X509Certificate(certPem);
  const certSpki = Buffer.from(cert.publicKey.rawData);
  const keySpki = createPublicKey(createPrivateKey(tlsKeyPem)).export({ format: 'der', type: 'spki' });
  if (!certSpki.equals(keySpki as Buffer)) throw new Error('the client certificate is not for this kiosk\'s key');
}

/** Final refusals that name the kiosk's identity rather than the dossier: a new enrolment retries them. */
const IDENTITY_REFUSALS = ['device.unknown', 'device.revoked', 'packet.decrypt_failed', 'packet.signature_invalid', 'packet.wrong_device', 'not_enrolled'];

export function saveIdentity(db: Db, id: DeviceIdentity): void {
  db.transaction(() => {
    const had = db.prepare('SELECT device_id AS deviceId FROM sync_identity WHERE id = 1').get() as { deviceId: string } | undefined;
    db.prepare(
      `INSERT INTO sync_identity (id, device_id, upstream_url, tls_key_pem, client_cert_pem, signing_jwk, upstream_ca_pem, upstream_enc_jwk, enrolled_at, enrolled_by)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET device_id = excluded.device_id, upstream_url = excluded.upstream_url, tls_key_pem = excluded.tls_key_pem,
         client_cert_pem = excluded.client_cert_pem, signing_jwk = excluded.signing_jwk, upstream_ca_pem = excluded.upstream_ca_pem,
         upstream_enc_jwk = excluded.upstream_enc_jwk, enrolled_at = excluded.enrolled_at, enrolled_by = excluded.enrolled_by`,
    ).run(id.deviceId, id.upstreamUrl, id.tlsKeyPem, id.clientCertPem, JSON.stringify(id.signingJwk), id.upstreamCaPem, JSON.stringify(id.upstreamEncJwk), id.enrolledAt, id.enrolledBy);
    // Packets kept for undelivered dossiers are signed and encrypted under the old enrolment: rebuilt
    // under the new one. Refusals that were about the old identity are tried again.
    const dropped = db.prepare('DELETE FROM outbox_packets').run().changes;
    const requeued = db
      .prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = NULL WHERE state = 'failed' AND last_error IN (${IDENTITY_REFUSALS.map(() => '?').join(', ')})`)
      .run(id.enrolledAt, ...IDENTITY_REFUSALS).changes;
    appendAudit(db, { actor: id.enrolledBy, action: 'sync.enrolled', at: id.enrolledAt, detail: { deviceId: id.deviceId, replaced: had?.deviceId ?? null, packetsDropped: dropped, requeued } });
  }).immediate();
}

export function loadIdentity(db: Db): DeviceIdentity | null {
  const r = db
    .prepare(
      `SELECT device_id AS deviceId, upstream_url AS upstreamUrl, tls_key_pem AS tlsKeyPem, client_cert_pem AS clientCertPem, signing_jwk AS signingJwk,
        upstream_ca_pem AS upstreamCaPem, upstream_enc_jwk AS upstreamEncJwk, enrolled_at AS enrolledAt, enrolled_by AS enrolledBy FROM sync_identity WHERE id = 1`,
    )
    .get() as (Omit<DeviceIdentity, 'signingJwk' | 'upstreamEncJwk'> & { signingJwk: string; upstreamEncJwk: string }) | undefined;
  if (!r) return null;
  return { ...r, signingJwk: JSON.parse(r.signingJwk) as JWK, upstreamEncJwk: JSON.parse(r.upstreamEncJwk) as JWK };
}
