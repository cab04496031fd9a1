/**
 * SecurityInfos (ICAO 9303-11 §9.2; BSI TR-03110-3 A.1): a SET of { protocol OID, requiredData,
 * optionalData }. Used by DG14 (chip authentication, PACE, AA info) and shaped so EF.CardAccess
 * can reuse it. Unknown protocols are kept with their encoding, not rejected.
 */
import * as asn1js from 'asn1js';
import { children, decodeDer, encodingOf, integerValue, oidValue, parseError, toHex, type Asn } from './der';

const BSI = '0.4.0.127.0.7.2.2';
export const ID_PK_DH = `${BSI}.1.1`;
export const ID_PK_ECDH = `${BSI}.1.2`;
export const ID_TA = `${BSI}.2`;
export const ID_CA = `${BSI}.3`;
export const ID_PACE = `${BSI}.4`;
export const ID_AA = '2.23.136.1.1.5';

export type SessionCipher = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';
const CIPHER_BY_ARC: Readonly<Record<string, SessionCipher>> = { '1': '3DES', '2': 'AES-128', '3': 'AES-192', '4': 'AES-256' };

export type SecurityInfo =
  | { type: 'ChipAuthenticationInfo'; protocol: string; agreement: 'DH' | 'ECDH'; cipher?: SessionCipher; version: number; keyId?: number }
  | { type: 'ChipAuthenticationPublicKeyInfo'; protocol: string; agreement: 'DH' | 'ECDH'; publicKey: Uint8Array; keyId?: number }
  | { type: 'PACEInfo'; protocol: string; version: number; parameterId?: number }
  | { type: 'PACEDomainParameterInfo'; protocol: string; domainParameter: Uint8Array; parameterId?: number }
  | { type: 'TerminalAuthenticationInfo'; protocol: string; version: number }
  | { type: 'ActiveAuthenticationInfo'; protocol: string; version: number; signatureAlgorithm: string }
  | { type: 'Unknown'; protocol: string; raw: string };

const optInt = (a: Asn | undefined, what: string): number | undefined => (a instanceof asn1js.Integer ? integerValue(a, what) : undefined);

function classify(info: Asn): SecurityInfo {
  const [p, req, opt] = children(info);
  if (!(info instanceof asn1js.Sequence) || !p) throw parseError('SecurityInfos', 'SecurityInfo shape');
  const protocol = oidValue(p, 'SecurityInfo protocol');
  const arcs = protocol.split('.');
  const under = (base: string): boolean => protocol.startsWith(`${base}.`);
  if (protocol === ID_PK_DH || protocol === ID_PK_ECDH) {
    if (!(req instanceof asn1js.Sequence)) throw parseError('DG14', 'ChipAuthenticationPublicKeyInfo without SubjectPublicKeyInfo');
    const keyId = optInt(opt, 'keyId');
    return { type: 'ChipAuthenticationPublicKeyInfo', protocol, agreement: protocol === ID_PK_DH ? 'DH' : 'ECDH', publicKey: encodingOf(req), ...(keyId !== undefined ? { keyId } : {}) };
  }
  if (under(ID_CA) && arcs.length === 11 && req) {
    const cipher = CIPHER_BY_ARC[arcs[10] ?? ''];
    const keyId = optInt(opt, 'keyId');
    return {
      type: 'ChipAuthenticationInfo', protocol, agreement: arcs[9] === '1' ? 'DH' : 'ECDH', version: integerValue(req, 'CA version'),
      ...(cipher ? { cipher } : {}), ...(keyId !== undefined ? { keyId } : {}),
    };
  }
  if (under(ID_PACE) && arcs.length === 11 && req) {
    const parameterId = optInt(opt, 'parameterId');
    return { type: 'PACEInfo', protocol, version: integerValue(req, 'PACE version'), ...(parameterId !== undefined ? { parameterId } : {}) };
  }
  if (under(ID_PACE) && arcs.length === 10 && req) {
    const parameterId = optInt(opt, 'parameterId');
    return { type: 'PACEDomainParameterInfo', protocol, domainParameter: encodingOf(req), ...(parameterId !== undefined ? { parameterId } : {}) };
  }
  if (protocol === ID_TA && req) return { type: 'TerminalAuthenticationInfo', protocol, version: integerValue(req, 'TA version') };
  if (protocol === ID_AA && req && opt) return { type: 'ActiveAuthenticationInfo', protocol, version: integerValue(req, 'AA version'), signatureAlgorithm: oidValue(opt, 'AA signature algorithm') };
  return { type: 'Unknown', protocol, raw: toHex(encodingOf(info)) };
}

/** Parses the SET OF SecurityInfo (given as an element, or as DER bytes). */
export function parseSecurityInfos(set: Asn | Uint8Array): SecurityInfo[] {
  const node = set instanceof Uint8Array ? decodeDer(set, 'SecurityInfos') : set;
  if (!(node instanceof asn1js.Set)) throw parseError('SecurityInfos', 'expected a SET');
  return children(node).map(classify);
}
