import { CardError } from '../../errors';
import { ASN1, decodeOid, decodeSmallInt } from '../../iso7816/asn1';
import { parseTlv } from '../../iso7816/tlv';
import { isSupportedCurve, paceProtocol, type PaceProtocol } from './pace-params';

/**
 * EF.CardAccess (FID 011C): a DER SET OF SecurityInfo, each SEQUENCE { OID, required, optional }.
 * Only PACEInfo matters to access control; other entries are kept by OID for the report.
 */
export interface PaceInfo {
  protocol: PaceProtocol;
  version: number;
  /** Standardized domain parameter id; absent means the card uses its only (proprietary) set. */
  parameterId?: number;
}

export interface CardAccess {
  pace: PaceInfo[];
  /** OIDs of the SecurityInfos we do not interpret (ChipAuthenticationInfo, ...). */
  otherOids: string[];
}

export function parseCardAccess(bytes: Uint8Array): CardAccess {
  const set = parseTlv(bytes);
  if (set.tag !== ASN1.SET) throw new CardError('card.parse', 'EF.CardAccess is not a SET');
  const out: CardAccess = { pace: [], otherOids: [] };
  for (const info of set.children) {
    const [oidTlv, required, optional] = info.children;
    if (info.tag !== ASN1.SEQUENCE || oidTlv?.tag !== ASN1.OID) throw new CardError('card.parse', 'SecurityInfo without OID');
    const oid = decodeOid(oidTlv.value);
    const protocol = paceProtocol(oid);
    if (!protocol) {
      out.otherOids.push(oid);
      continue;
    }
    if (required?.tag !== ASN1.INTEGER) throw new CardError('card.parse', 'PACEInfo without version');
    const pace: PaceInfo = { protocol, version: decodeSmallInt(required.value) };
    if (optional?.tag === ASN1.INTEGER) pace.parameterId = decodeSmallInt(optional.value);
    out.pace.push(pace);
  }
  return out;
}

/** Strongest first: AES-256 > 192 > 128 > 3DES; only what pace.ts implements. */
const CIPHER_RANK = { 'AES-256': 4, 'AES-192': 3, 'AES-128': 2, '3DES': 1 } as const;

export function isPaceImplemented(info: PaceInfo): boolean {
  return (
    info.version === 2 &&
    info.protocol.agreement === 'ECDH' &&
    info.protocol.mapping === 'GM' &&
    info.parameterId !== undefined &&
    isSupportedCurve(info.parameterId)
  );
}

/** The PACEInfo to run, or undefined (the caller falls back to BAC). */
export function choosePace(access: CardAccess): PaceInfo | undefined {
  return access.pace
    .filter(isPaceImplemented)
    .sort((a, b) => CIPHER_RANK[b.protocol.cipher] - CIPHER_RANK[a.protocol.cipher])[0];
}
