/**
 * X.509 certificates for the test PKI, built with pkijs and signed with node:crypto (so RSA-PSS
 * and Brainpool work, which WebCrypto would refuse).
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { algorithmIdentifierFor, type SignatureScheme } from '../../card/icao/auth/algorithms';
import { defaultScheme, signWith, type TestKey } from './keys';
import { purposeExtensions, type PurposeOverrides } from './purpose-extensions';

export interface Dn {
  C: string;
  O?: string;
  OU?: string;
  CN: string;
}

export interface IssuedCert {
  der: Uint8Array;
  cert: pkijs.Certificate;
  key: TestKey;
  dn: Dn;
}

export interface IssueOptions {
  subject: Dn;
  key: TestKey;
  /** Absent: self-signed (a CSCA). */
  issuer?: IssuedCert;
  notBefore: Date;
  notAfter: Date;
  serial: number;
  ca: boolean;
  scheme?: SignatureScheme;
  /** Write this issuer name instead of the issuer's subject (DN re-encoding quirks). */
  issuerDn?: Dn;
  /** A deliberately wrong basicConstraints / keyUsage / extendedKeyUsage. */
  purpose?: PurposeOverrides;
}

const DN_OIDS: Array<[keyof Dn, string]> = [
  ['C', '2.5.4.6'],
  ['O', '2.5.4.10'],
  ['OU', '2.5.4.11'],
  ['CN', '2.5.4.3'],
];

function setName(target: pkijs.RelativeDistinguishedNames, dn: Dn): void {
  for (const [k, oid] of DN_OIDS) {
    const v = dn[k];
    if (v === undefined) continue;
    const value = k === 'C' ? new asn1js.PrintableString({ value: v }) : new asn1js.Utf8String({ value: v });
    target.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: oid, value }));
  }
  // pkijs would write one multi-valued RDN with its attributes out of DER order; issuers write
  // one RDN per attribute (RFC 5280 §4.1.2.4), which is DER whatever the order.
  const rdns = target.typesAndValues.map((tv) => new asn1js.Set({ value: [tv.toSchema()] }));
  target.valueBeforeDecode = new asn1js.Sequence({ value: rdns }).toBER(false);
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
const time = (d: Date): pkijs.Time => new pkijs.Time({ type: d.getUTCFullYear() < 2050 ? 0 : 1, value: d });

function keyId(key: TestKey): Uint8Array {
  const spki = new pkijs.PublicKeyInfo({ schema: asn1js.fromBER(new Uint8Array(key.spki)).result });
  return new Uint8Array(createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest());
}

export function issueCertificate(o: IssueOptions): IssuedCert {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: o.serial });
  setName(cert.subject, o.subject);
  setName(cert.issuer, o.issuerDn ?? o.issuer?.dn ?? o.subject);
  cert.notBefore = time(o.notBefore);
  cert.notAfter = time(o.notAfter);
  cert.subjectPublicKeyInfo = new pkijs.PublicKeyInfo({ schema: asn1js.fromBER(new Uint8Array(o.key.spki)).result });
  const signer = o.issuer?.key ?? o.key;
  cert.extensions = [
    ...purposeExtensions(o.ca, o.purpose),
    new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: keyId(o.key) }).toBER(false) }),
    new pkijs.Extension({
      extnID: '2.5.29.35',
      extnValue: new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyId(signer) }) }).toSchema().toBER(false),
    }),
  ];
  const scheme = o.scheme ?? defaultScheme(signer);
  cert.signature = algorithmIdentifierFor(scheme);
  cert.signatureAlgorithm = algorithmIdentifierFor(scheme);
  cert.tbsView = new Uint8Array(cert.encodeTBS().toBER(false));
  cert.signatureValue = new asn1js.BitString({ valueHex: signWith(signer, scheme, cert.tbsView) });
  const der = new Uint8Array(cert.toSchema(false).toBER(false));
  // Re-parse so the returned object is exactly what a reader would see.
  return { der, cert: new pkijs.Certificate({ schema: asn1js.fromBER(der).result }), key: o.key, dn: o.subject };
}
