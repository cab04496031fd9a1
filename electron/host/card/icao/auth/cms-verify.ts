/**
 * Verifies the first SignerInfo of a SignedData against a given certificate: the message digest
 * attribute against the content, then the signature over the signed attributes (RFC 5652 §5.4).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CardError } from '../../errors';
import { bytesEqual, valueBytes } from '../lds/der';
import { hashByOid, schemeOf } from './algorithms';
import { digest, publicKeyFromSpki, verifySignature } from './signature';

const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';

export interface CmsCheck {
  valid: boolean;
  /** Why it is invalid (technical English). */
  reason?: string;
  signingTime?: Date;
}

export function spkiDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false));
}

function signingTimeOf(attrs: pkijs.Attribute[]): Date | undefined {
  const v = attrs.find((a) => a.type === SIGNING_TIME)?.values[0];
  return v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime ? v.toDate() : undefined;
}

export function verifyCms(sd: pkijs.SignedData, eContent: Uint8Array, signer: pkijs.Certificate): CmsCheck {
  const si = sd.signerInfos[0];
  if (!si) return { valid: false, reason: 'no SignerInfo' };
  const hash = hashByOid(si.digestAlgorithm.algorithmId);
  if (!hash) throw new CardError('card.unsupported', `digest algorithm ${si.digestAlgorithm.algorithmId} not supported`);
  let signedBytes = eContent;
  let signingTime: Date | undefined;
  if (si.signedAttrs) {
    const attrs = si.signedAttrs.attributes;
    signingTime = signingTimeOf(attrs);
    const md = attrs.find((a) => a.type === MESSAGE_DIGEST)?.values[0];
    if (!(md instanceof asn1js.OctetString)) return { valid: false, reason: 'no message digest attribute' };
    if (!bytesEqual(valueBytes(md), digest(hash, eContent))) return { valid: false, reason: 'message digest does not match the content' };
    const ct = attrs.find((a) => a.type === CONTENT_TYPE)?.values[0];
    if (ct instanceof asn1js.ObjectIdentifier && ct.valueBlock.toString() !== sd.encapContentInfo.eContentType) {
      return { valid: false, reason: 'content type attribute differs from the content' };
    }
    const encoded = si.signedAttrs.encodedValue.byteLength ? new Uint8Array(si.signedAttrs.encodedValue) : new Uint8Array(si.signedAttrs.toSchema().toBER(false));
    signedBytes = encoded.slice();
    signedBytes[0] = 0x31; // [0] IMPLICIT → SET OF, as signed (RFC 5652 §5.4)
  }
  const scheme = schemeOf(si.signatureAlgorithm, hash);
  const ok = verifySignature(publicKeyFromSpki(spkiDer(signer)), scheme, signedBytes, valueBytes(si.signature));
  return { valid: ok, ...(ok ? {} : { reason: 'signature does not verify' }), ...(signingTime ? { signingTime } : {}) };
}

/** Whether `issuer`'s key verifies the signature on `cert` (names not compared). */
export function signatureVerifiesWith(cert: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  try {
    const scheme = schemeOf(cert.signatureAlgorithm);
    return verifySignature(publicKeyFromSpki(spkiDer(issuer)), scheme, new Uint8Array(cert.tbsView), valueBytes(cert.signatureValue));
  } catch {
    return false;
  }
}

/** Whether `issuer` signed `cert` (names and signature; validity is the caller's business). */
export function isSignedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  return cert.issuer.isEqual(issuer.subject) && signatureVerifiesWith(cert, issuer);
}

function keyIdExtension(cert: pkijs.Certificate, oid: string): Uint8Array | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === oid);
  const v = ext?.parsedValue;
  if (v instanceof asn1js.OctetString) return valueBytes(v);
  if (v instanceof pkijs.AuthorityKeyIdentifier && v.keyIdentifier) return valueBytes(v.keyIdentifier);
  return undefined;
}

/** The certificate's authorityKeyIdentifier matches `issuer`'s subjectKeyIdentifier. */
export function keyIdLinks(cert: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  const aki = keyIdExtension(cert, '2.5.29.35');
  const ski = keyIdExtension(issuer, '2.5.29.14');
  return aki !== undefined && ski !== undefined && bytesEqual(aki, ski);
}
