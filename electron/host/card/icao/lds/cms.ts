/**
 * CMS SignedData (RFC 5652) decoding shared by EF.SOD and ICAO master lists: the encapsulated
 * content, the embedded certificates and the signer's certificate picked by its SignerIdentifier.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { children, decodeDer, encodingOf, guardParse, parseError, valueBytes } from './der';

export const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';

export interface ParsedSignedData {
  signedData: pkijs.SignedData;
  eContentType: string;
  eContent: Uint8Array;
  certificates: pkijs.Certificate[];
  /** Each certificate's encoding as it came (same order): its identity, with no re-encoding. */
  certificateDers: Uint8Array[];
}

export function parseSignedData(der: Uint8Array, what: string, maxNodes?: number): ParsedSignedData {
  return guardParse(what, () => {
    const ci = new pkijs.ContentInfo({ schema: decodeDer(der, what, maxNodes) });
    if (ci.contentType !== ID_SIGNED_DATA) throw parseError(what, `content type ${ci.contentType} is not SignedData`);
    const signedData = new pkijs.SignedData({ schema: ci.content });
    const e = signedData.encapContentInfo.eContent;
    if (!e) throw parseError(what, 'no encapsulated content');
    // The CertificateSet's elements in the decoded tree, in the order pkijs read them.
    const set = children(ci.content as asn1js.AsnType).find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0);
    const all = signedData.certificates ?? [];
    const nodes = set ? children(set) : [];
    const aligned = nodes.length === all.length;
    const certificates: pkijs.Certificate[] = [];
    const certificateDers: Uint8Array[] = [];
    all.forEach((c, i) => {
      if (!(c instanceof pkijs.Certificate)) return;
      certificates.push(c);
      certificateDers.push(aligned ? encodingOf(nodes[i]!) : certificateDer(c));
    });
    if (signedData.signerInfos.length === 0) throw parseError(what, 'no SignerInfo');
    return { signedData, eContentType: signedData.encapContentInfo.eContentType, eContent: valueBytes(e), certificates, certificateDers };
  });
}

/** The certificate named by a SignerInfo's sid (issuer+serial, or subjectKeyIdentifier). */
export function findSignerCertificate(si: pkijs.SignerInfo, certs: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid = si.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  if (sid instanceof asn1js.Primitive || sid instanceof asn1js.Constructed) {
    const want = valueBytes(sid);
    return certs.find((c) => {
      const ext = c.extensions?.find((x) => x.extnID === '2.5.29.14');
      if (!ext) return false;
      const got = ext.parsedValue instanceof asn1js.OctetString ? valueBytes(ext.parsedValue) : new Uint8Array(0);
      return got.length === want.length && got.every((b, i) => b === want[i]);
    });
  }
  return undefined;
}

export function certificateDer(c: pkijs.Certificate): Uint8Array {
  return new Uint8Array(c.toSchema(false).toBER(false));
}
