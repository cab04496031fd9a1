/**
 * The reference upstream's own PKI, made on first start in its data folder and kept: a CA
 * (P-256, ECDSA-SHA256) that signs the server certificate (localhost, 127.0.0.1, ::1) and every
 * kiosk's client certificate (CN = device id, clientAuth). Kiosks pin the CA. Private keys are
 * written 0600; a folder with a CA but no key is refused rather than silently given a new CA.
 */
// @peculiar/x509 resolves its services through tsyringe, which needs the metadata polyfill loaded first.
import 'reflect-metadata';
import { createHash, createPrivateKey, webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { writeFileAtomic } from './files';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type Key = webcrypto.CryptoKey;
type X509Keys = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];
type X509Key = X509Keys['privateKey'];
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = 24 * 3600 * 1000;

export interface UpstreamPki {
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  ca: x509.X509Certificate;
  caKey: Key;
}

async function keyPem(key: Key): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
}

async function importKey(pem: string): Promise<Key> {
  const der = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
  return webcrypto.subtle.importKey('pkcs8', der, EC, false, ['sign']);
}

const newPair = async () => (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
const serial = () => `01${webcrypto.getRandomValues(new Uint8Array(15)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '')}`;

async function makeCa(): Promise<{ cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }> {
  const keys = await newPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=eID kiosk reference upstream CA (synthetic), O=Test upstream',
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 10 * 365 * DAY),
    keys: keys as unknown as X509Keys,
    signingAlgorithm: SIGN,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as X509Key),
    ],
  });
  return { cert, keys };
}

/** A certificate for `publicKey` signed by the CA. */
export async function issue(pki: Pick<UpstreamPki, 'ca' | 'caKey'>, subject: string, publicKey: x509.PublicKey | Key, usage: 'server' | 'client', days: number): Promise<x509.X509Certificate> {
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth], false),
    await x509.AuthorityKeyIdentifierExtension.create(pki.ca.publicKey),
  ];
  if (usage === 'server') {
    extensions.push(new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }, { type: 'ip', value: '127.0.0.1' }, { type: 'ip', value: '::1' }]));
  }
  return x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject,
    issuer: pki.ca.subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + days * DAY),
    publicKey: publicKey as x509.PublicKey,
    signingKey: pki.caKey as unknown as X509Key,
    signingAlgorithm: SIGN,
    extensions,
  });
}

/** Loads the PKI from `dir`, making what is missing (the CA only when neither its certificate nor its key exists). */
export async function loadOrCreatePki(dir: string): Promise<UpstreamPki> {
  const f = (name: string) => join(dir, name);
  const hasCa = existsSync(f('ca.pem'));
  if (hasCa !== existsSync(f('ca-key.pem'))) throw new Error('the upstream data folder has half a CA (ca.pem or ca-key.pem missing): restore it');
  if (!hasCa) {
    const { cert, keys } = await makeCa();
    writeFileAtomic(f('ca-key.pem'), await keyPem(keys.privateKey), 0o600);
    writeFileAtomic(f('ca.pem'), cert.toString('pem'), 0o644);
  }
  const ca = new x509.X509Certificate(readFileSync(f('ca.pem'), 'utf8'));
  const caKey = await importKey(readFileSync(f('ca-key.pem'), 'utf8'));
  if (!existsSync(f('server.pem')) || !existsSync(f('server-key.pem')) || !(await new x509.X509Certificate(readFileSync(f('server.pem'), 'utf8')).verify({ publicKey: ca.publicKey }))) {
    const keys = await newPair();
    const cert = await issue({ ca, caKey }, 'CN=localhost, O=Test upstream', keys.publicKey, 'server', 825);
    writeFileAtomic(f('server-key.pem'), await keyPem(keys.privateKey), 0o600);
    writeFileAtomic(f('server.pem'), cert.toString('pem'), 0o644);
  }
  return { caPem: ca.toString('pem'), serverCertPem: readFileSync(f('server.pem'), 'utf8'), serverKeyPem: readFileSync(f('server-key.pem'), 'utf8'), ca, caKey };
}

/** The client certificate for an enrolling kiosk, from its CSR (verified, P-256 only). */
export async function issueClientCertificate(pki: UpstreamPki, csrPem: string, deviceId: string): Promise<{ pem: string; sha256: string }> {
  const csr = new x509.Pkcs10CertificateRequest(csrPem);
  const alg = csr.publicKey.algorithm as { name?: string; namedCurve?: string };
  if (alg.name !== 'ECDSA' || alg.namedCurve !== 'P-256') throw new Error('the CSR key is not P-256');
  if (!(await csr.verify())) throw new Error('the CSR signature does not verify');
  const cert = await issue(pki, `CN=${deviceId}, O=eID kiosk`, csr.publicKey, 'client', 2 * 365);
  return { pem: cert.toString('pem'), sha256: createHash('sha256').update(Buffer.from(cert.rawData)).digest('hex') };
}
