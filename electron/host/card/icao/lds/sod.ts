/**
 * EF.SOD (ICAO 9303-10 §4.6.2): 77 { ContentInfo SignedData } whose content is the
 * LDSSecurityObject: the hash algorithm and one hash per data group. Verification is in
 * icao/auth/passive.ts; this only decodes.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hashByOid, type HashName } from '../auth/algorithms';
import { findSignerCertificate, parseSignedData } from './cms';
import { children, decodeDer, decodeFile, encodingOf, guardParse, integerValue, parseError, valueBytes } from './der';

export const ID_LDS_SECURITY_OBJECT = '2.23.136.1.1.1';

export interface Sod {
  version: number;
  hashAlgorithm: HashName;
  /** DG number → hash. */
  dataGroupHashes: Map<number, Uint8Array>;
  ldsVersion?: string;
  unicodeVersion?: string;
  signedData: pkijs.SignedData;
  /** The DS certificate the SignerInfo names (absent if the SOD carries none). */
  dsCertificate?: pkijs.Certificate;
  dsCertificateDer?: Uint8Array;
  eContent: Uint8Array;
}

const ascii = new TextDecoder('latin1');

export function parseSod(bytes: Uint8Array): Sod {
  return guardParse('EF.SOD', () => {
    const root = decodeFile(bytes, 23, 'EF.SOD');
    const [ciBlock] = children(root);
    if (!ciBlock) throw parseError('EF.SOD', 'empty');
    const parsed = parseSignedData(encodingOf(ciBlock), 'EF.SOD');
    if (parsed.eContentType !== ID_LDS_SECURITY_OBJECT) throw parseError('EF.SOD', `content type ${parsed.eContentType} is not an LDSSecurityObject`);
    const lso = decodeDer(parsed.eContent, 'LDSSecurityObject');
    const [ver, alg, list, versionInfo] = children(lso);
    if (!(lso instanceof asn1js.Sequence) || !ver || !alg || !(list instanceof asn1js.Sequence)) throw parseError('EF.SOD', 'LDSSecurityObject shape');
    const algId = new pkijs.AlgorithmIdentifier({ schema: alg });
    const hashAlgorithm = hashByOid(algId.algorithmId);
    if (!hashAlgorithm) throw parseError('EF.SOD', `unknown hash algorithm ${algId.algorithmId}`);
    const dataGroupHashes = new Map<number, Uint8Array>();
    for (const item of children(list)) {
      const [n, h] = children(item);
      if (!n || !(h instanceof asn1js.OctetString)) throw parseError('EF.SOD', 'DataGroupHash shape');
      const dg = integerValue(n, 'EF.SOD data group number');
      if (dg < 1 || dg > 16 || dataGroupHashes.has(dg)) throw parseError('EF.SOD', `bad data group number ${dg}`);
      dataGroupHashes.set(dg, valueBytes(h));
    }
    const [lds, uni] = versionInfo ? children(versionInfo) : [];
    const si = parsed.signedData.signerInfos[0];
    const ds = si ? findSignerCertificate(si, parsed.certificates) : undefined;
    return {
      version: integerValue(ver, 'LDSSecurityObject version'),
      hashAlgorithm,
      dataGroupHashes,
      ...(lds ? { ldsVersion: ascii.decode(valueBytes(lds)) } : {}),
      ...(uni ? { unicodeVersion: ascii.decode(valueBytes(uni)) } : {}),
      signedData: parsed.signedData,
      ...(ds ? { dsCertificate: ds, dsCertificateDer: parsed.certificateDers[parsed.certificates.indexOf(ds)] } : {}),
      eContent: parsed.eContent,
    };
  });
}
