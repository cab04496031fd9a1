/**
 * A bare HTTPS client for the reference upstream's own tests (the kiosk's real client is
 * electron/host/sync/). Makes a kiosk's keys and CSR, enrols, and sends requests with or
 * without its client certificate.
 */
// @peculiar/x509 resolves its services through tsyringe, which needs the metadata polyfill loaded first.
import 'reflect-metadata';
import { createHash, createPrivateKey, webcrypto } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { TrustStore } from '../../card/icao/auth/trust-store';
import type { PacketKeys } from '../../sync/packet/build';
import { chipFilesOf } from '../../sync/packet/test-packets';
import { createTestPki } from '../test-pki/pki';
import { generateSigningKey, type JwkPair } from '../../sync/packet/keys';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

export interface Tls {
  ca: string;
  cert?: string;
  key?: string;
}

export function call(base: string, tls: Tls, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, ca: tls.ca, ...(tls.cert ? { cert: tls.cert, key: tls.key } : {}), agent: false, minVersion: 'TLSv1.3', headers: { ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface TestKiosk {
  deviceId: string;
  tls: Required<Tls>;
  signing: JwkPair;
  keys: PacketKeys;
}

export async function makeCsr(): Promise<{ csrPem: string; keyPem: string }> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: 'CN=test kiosk',
    keys: pair as unknown as Parameters<typeof x509.Pkcs10CertificateRequestGenerator.create>[0]['keys'],
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { csrPem: csr.toString('pem'), keyPem: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString() };
}

export async function enrolKiosk(enrolmentUrl: string, caPem: string, token: string): Promise<TestKiosk> {
  const [{ csrPem, keyPem }, signing] = await Promise.all([makeCsr(), generateSigningKey()]);
  const body = JSON.stringify({ token, csrPem, signingKey: signing.publicJwk, station: { name: 'Công an phường Hoàn Kiếm (test)' }, appVersion: '0.1.0' });
  const a = await call(enrolmentUrl, { ca: caPem }, 'POST', '/v1/devices/enrolment', body, { 'content-type': 'application/json' });
  if (a.status !== 201) throw new Error(`enrolment answered ${a.status} ${String(a.json.code)}`);
  const deviceId = String(a.json.deviceId);
  return {
    deviceId,
    tls: { ca: String(a.json.caChainPem), cert: String(a.json.clientCertificatePem), key: keyPem },
    signing,
    keys: { deviceId, signingKey: signing.privateJwk, upstreamKey: a.json.encryptionKey as PacketKeys['upstreamKey'] },
  };
}

export function putPacket(base: string, tls: Tls, dossierId: string, jwe: string, digest = `sha-256=:${createHash('sha256').update(jwe).digest('base64')}:`): Promise<Answer> {
  return call(base, tls, 'PUT', `/v1/packets/${dossierId}`, jwe, { 'content-type': 'application/jose', 'content-digest': digest });
}

/** A trust store with a fresh test CSCA, the chip files its document signer signed, and an empty data folder. */
export function upstreamFixture(prefix: string): { trust: TrustStore; chipFiles: ReturnType<typeof chipFilesOf>; dataDir: string } {
  const pki = createTestPki();
  const trust = new TrustStore();
  trust.add(pki.csca.der, 'test CSCA');
  return { trust, chipFiles: chipFilesOf(pki), dataDir: mkdtempSync(join(tmpdir(), prefix)) };
}
