/**
 * A throw-away TLS PKI for the sync tests: a CA, a server certificate for 127.0.0.1 and localhost,
 * and client certificates issued from a kiosk's CSR (as the upstream does at enrolment).
 */
import 'reflect-metadata';
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

type Keys = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIG = { name: 'ECDSA', hash: 'SHA-256' } as const;

async function keyPair(): Promise<Keys> {
  return (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as unknown as Keys;
}

async function pkcs8Pem(k: Keys): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', k.privateKey as unknown as webcrypto.CryptoKey));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
}

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(2, '0');

export interface TestTls {
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** Issues a client certificate for a CSR (PEM). */
  issueClient(csrPem: string, cn: string): Promise<string>;
}

export async function makeTestTls(days = 2): Promise<TestTls> {
  const notBefore = new Date(Date.now() - 3_600_000);
  const notAfter = new Date(Date.now() + days * 86_400_000);
  const caKeys = await keyPair();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: 'CN=Test upstream CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: SIG,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  const srvKeys = await keyPair();
  const srv = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: 'CN=localhost',
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: srvKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: SIG,
    extensions: [
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }, { type: 'ip', value: '127.0.0.1' }]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ],
  });
  return {
    caPem: ca.toString('pem'),
    serverCertPem: srv.toString('pem'),
    serverKeyPem: await pkcs8Pem(srvKeys),
    async issueClient(csrPem, cn) {
      const csr = new x509.Pkcs10CertificateRequest(csrPem);
      if (!(await csr.verify())) throw new Error('bad CSR signature');
      const c = await x509.X509CertificateGenerator.create({
        serialNumber: nextSerial(),
        subject: `CN=${cn}`,
        issuer: ca.subject,
        notBefore,
        notAfter,
        publicKey: await csr.publicKey.export(webcrypto as unknown as Parameters<typeof csr.publicKey.export>[0]),
        signingKey: caKeys.privateKey,
        signingAlgorithm: SIG,
        extensions: [new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])],
      });
      return c.toString('pem');
    },
  };
}
