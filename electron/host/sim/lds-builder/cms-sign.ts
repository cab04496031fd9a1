/**
 * Signs content as CMS SignedData the way document signers do: signed attributes (content type,
 * message digest, signing time), the signer's certificate embedded, identified by issuer+serial.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { algorithmIdentifierFor, digestAlgorithmIdentifier, type HashName, type SignatureScheme } from '../../card/icao/auth/algorithms';
import { digest } from '../../card/icao/auth/signature';
import { ID_SIGNED_DATA } from '../../card/icao/lds/cms';
import type { IssuedCert } from '../test-pki/certificate';
import { defaultScheme, signWith } from '../test-pki/keys';

export interface CmsSigner {
  cert: IssuedCert;
  scheme?: SignatureScheme;
  digest?: HashName;
  signingTime?: Date;
  /** Older SODs sign the content directly, without signed attributes. */
  withoutSignedAttributes?: boolean;
  /** Identify the signer by subjectKeyIdentifier (as the German master list does). */
  sidBySubjectKeyId?: boolean;
  /**
   * The content in a constructed (BER) OCTET STRING, as pkijs writes it and some issuers do.
   * Off by default: ICAO 9303-10 §4.6.2 wants the security object in DER.
   */
  berContent?: boolean;
}

const attr = (type: string, value: asn1js.AsnType): pkijs.Attribute => new pkijs.Attribute({ type, values: [value] });

/** [0] SubjectKeyIdentifier, from the certificate's own extension. */
function subjectKeyIdOf(cert: IssuedCert): asn1js.Primitive {
  const ext = cert.cert.extensions?.find((e) => e.extnID === '2.5.29.14');
  const id = ext?.parsedValue instanceof asn1js.OctetString ? ext.parsedValue.valueBlock.valueHexView : new Uint8Array(0);
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: new Uint8Array(id) });
}

/** DER orders the elements of a SET OF by their encodings (X.690 §11.6). */
function derSetOrder(attrs: pkijs.Attribute[]): pkijs.Attribute[] {
  const enc = (a: pkijs.Attribute) => Buffer.from(a.toSchema().toBER(false));
  return [...attrs].sort((a, b) => Buffer.compare(enc(a), enc(b)));
}

/** Returns the DER of a ContentInfo holding the SignedData. */
export function signCms(eContentType: string, eContent: Uint8Array, s: CmsSigner): Uint8Array {
  const scheme = s.scheme ?? defaultScheme(s.cert.key);
  const digestName = s.digest ?? scheme.hash;
  const attributes = derSetOrder([
    attr('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: eContentType })),
    attr('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: digest(digestName, eContent) })),
    attr('1.2.840.113549.1.9.5', new asn1js.UTCTime({ valueDate: s.signingTime ?? new Date() })),
  ]);
  // The signature covers the attributes encoded as a SET (RFC 5652 §5.4), not as [0] IMPLICIT.
  const toSign = s.withoutSignedAttributes ? eContent : new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false));
  const signerInfo = new pkijs.SignerInfo({
    version: s.sidBySubjectKeyId ? 3 : 1,
    sid: s.sidBySubjectKeyId ? subjectKeyIdOf(s.cert) : new pkijs.IssuerAndSerialNumber({ issuer: s.cert.cert.issuer, serialNumber: s.cert.cert.serialNumber }),
    digestAlgorithm: digestAlgorithmIdentifier(digestName),
    ...(s.withoutSignedAttributes ? {} : { signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }) }),
    signatureAlgorithm: algorithmIdentifierFor(scheme),
    signature: new asn1js.OctetString({ valueHex: signWith(s.cert.key, scheme, toSign) }),
  });
  const sd = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [digestAlgorithmIdentifier(digestName)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType, eContent: new asn1js.OctetString({ valueHex: eContent }) }),
    certificates: [s.cert.cert],
    signerInfos: [signerInfo],
  });
  // pkijs cuts eContent into a constructed OCTET STRING (BER); DER wants it primitive.
  if (!s.berContent) sd.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: eContent });
  const ci = new pkijs.ContentInfo({ contentType: ID_SIGNED_DATA, content: sd.toSchema(true) });
  return new Uint8Array(ci.toSchema().toBER(false));
}
