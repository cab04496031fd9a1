/** Human-readable facts about a certificate for reports and the trust-store list. */
import { createHash } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { certificateDer } from '../lds/cms';
import { stringValue, toHex } from '../lds/der';

const SHORT: Readonly<Record<string, string>> = {
  '2.5.4.6': 'C', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.3': 'CN', '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.7': 'L', '2.5.4.8': 'ST', '1.2.840.113549.1.9.1': 'E',
};

/** RFC 4514-like rendering, most significant RDN first (C=…, O=…, CN=…) as certificates store it. */
export function dnToString(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${SHORT[tv.type] ?? tv.type}=${stringValue(tv.value) ?? '#' + toHex(new Uint8Array(tv.value.toBER(false)))}`)
    .join(', ');
}

export function dnAttribute(name: pkijs.RelativeDistinguishedNames, shortName: string): string | undefined {
  const tv = name.typesAndValues.find((x) => SHORT[x.type] === shortName);
  return tv ? (stringValue(tv.value) ?? undefined) : undefined;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A hostile certificate can carry an unparseable time; report it empty rather than throw. */
const iso = (d: Date): string => (Number.isNaN(d.getTime()) ? '' : d.toISOString());

export interface CertSummary {
  subject: string;
  issuer: string;
  country?: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
}

export function summarize(cert: pkijs.Certificate, der: Uint8Array = certificateDer(cert)): CertSummary {
  const country = dnAttribute(cert.subject, 'C');
  return {
    subject: dnToString(cert.subject),
    issuer: dnToString(cert.issuer),
    ...(country ? { country } : {}),
    serial: toHex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: iso(cert.notBefore.value),
    notAfter: iso(cert.notAfter.value),
    sha256: sha256Hex(der),
  };
}

export function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
}
