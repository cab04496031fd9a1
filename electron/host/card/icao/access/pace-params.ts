import { weierstrass, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { CardError } from '../../errors';
import type { KeyAlgorithm } from '../crypto/kdf';

/** PACE protocol OIDs (9303-11 §9.2.1, BSI TR-03110): id-PACE = 0.4.0.127.0.7.2.2.4. */
export const ID_PACE = '0.4.0.127.0.7.2.2.4';

export type PaceAgreement = 'DH' | 'ECDH';
export type PaceMapping = 'GM' | 'IM' | 'CAM';

export interface PaceProtocol {
  oid: string;
  agreement: PaceAgreement;
  mapping: PaceMapping;
  cipher: KeyAlgorithm;
}

const FAMILIES: Record<string, { agreement: PaceAgreement; mapping: PaceMapping }> = {
  '1': { agreement: 'DH', mapping: 'GM' },
  '2': { agreement: 'ECDH', mapping: 'GM' },
  '3': { agreement: 'DH', mapping: 'IM' },
  '4': { agreement: 'ECDH', mapping: 'IM' },
  '6': { agreement: 'ECDH', mapping: 'CAM' },
};
const CIPHERS: Record<string, KeyAlgorithm> = { '1': '3DES', '2': 'AES-128', '3': 'AES-192', '4': 'AES-256' };

/** undefined for an OID that is not a PACE protocol (e.g. id-PACE-ECDH-GM itself, a family). */
export function paceProtocol(oid: string): PaceProtocol | undefined {
  if (!oid.startsWith(ID_PACE + '.')) return undefined;
  const [family, cipher, ...rest] = oid.slice(ID_PACE.length + 1).split('.');
  const f = FAMILIES[family ?? ''];
  const c = CIPHERS[cipher ?? ''];
  if (!f || !c || rest.length > 0) return undefined;
  return { oid, ...f, cipher: c };
}

export function paceOid(agreement: PaceAgreement, mapping: PaceMapping, cipher: KeyAlgorithm): string {
  const family = Object.entries(FAMILIES).find(([, v]) => v.agreement === agreement && v.mapping === mapping)?.[0];
  const c = Object.entries(CIPHERS).find(([, v]) => v === cipher)?.[0];
  return `${ID_PACE}.${family ?? '?'}.${c ?? '?'}`;
}

export interface PaceCurve {
  parameterId: number;
  name: string;
  Point: WeierstrassPointCons<bigint>;
  /** Bytes of a field element (coordinate length in the uncompressed encoding). */
  fieldLength: number;
}

/** RFC 5639 brainpoolP320r1: not among @noble/curves' exports. Checked by a test (n·G = O). */
const brainpoolP320r1 = weierstrass({
  p: 0xd35e472036bc4fb7e13c785ed201e065f98fcfa6f6f40def4f92b9ec7893ec28fcd412b1f1b32e27n,
  a: 0x3ee30b568fbab0f883ccebd46d3f3bb8a2a73513f5eb79da66190eb085ffa9f492f375a97d860eb4n,
  b: 0x520883949dfdbc42d3ad198640688a6fe13f41349554b49acc31dccd884539816f5eb4ac8fb1f1a6n,
  Gx: 0x43bd7e9afb53d8b85289bcc48ee5bfe6f20137d10a087eb6e7871e2a10a599c710af8d0d39e20611n,
  Gy: 0x14fdd05545ec1cc8ab4093247f77275e0743ffed117182eaa9c77877aaac6ac7d35245d1692e8ee1n,
  n: 0xd35e472036bc4fb7e13c785ed201e065f98fcfa5b68f12a32d482ec7ee8658e98691555b44c59311n,
  h: 1n,
});

/**
 * Standardized domain parameters (9303-11 §9.5.1, table of parameter ids). Ids 0-2 are MODP
 * groups (DH) and 8-11 the 192/224-bit curves: neither is implemented.
 */
const CURVES: Record<number, { name: string; Point: WeierstrassPointCons<bigint> }> = {
  12: { name: 'NIST P-256', Point: p256.Point },
  13: { name: 'brainpoolP256r1', Point: brainpoolP256r1.Point },
  14: { name: 'brainpoolP320r1', Point: brainpoolP320r1 },
  15: { name: 'NIST P-384', Point: p384.Point },
  16: { name: 'brainpoolP384r1', Point: brainpoolP384r1.Point },
  17: { name: 'brainpoolP512r1', Point: brainpoolP512r1.Point },
  18: { name: 'NIST P-521', Point: p521.Point },
};

export function isSupportedCurve(parameterId: number): boolean {
  return CURVES[parameterId] !== undefined;
}

export function standardCurve(parameterId: number): PaceCurve {
  const c = CURVES[parameterId];
  if (!c) throw new CardError('card.unsupported', `PACE domain parameters ${parameterId} not implemented`);
  const p = c.Point.CURVE().p;
  return { parameterId, name: c.name, Point: c.Point, fieldLength: Math.ceil(p.toString(16).length / 2) };
}
