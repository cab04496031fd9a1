import { CardError } from '../errors';

/**
 * The few ASN.1 primitives the protocol layer needs (OIDs and small INTEGERs in EF.CardAccess,
 * the OID in PACE's MSE:Set AT). Whole structures like the SOD go through asn1js/pkijs instead.
 */
export const ASN1 = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export function decodeOid(value: Uint8Array): string {
  if (value.length === 0) throw new CardError('card.parse', 'empty OID');
  const arcs: number[] = [];
  let acc = 0;
  for (let i = 0; i < value.length; i++) {
    const b = value[i] ?? 0;
    acc = acc * 128 + (b & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER / 128) throw new CardError('card.parse', 'OID arc too large');
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = acc < 40 ? 0 : acc < 80 ? 1 : 2;
        arcs.push(first, acc - first * 40);
      } else arcs.push(acc);
      acc = 0;
    } else if (i === value.length - 1) throw new CardError('card.parse', 'truncated OID');
  }
  return arcs.join('.');
}

export function encodeOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) {
    throw new CardError('card.parse', `bad OID ${oid}`);
  }
  const out: number[] = [];
  const push = (v: number): void => {
    const tmp: number[] = [v & 0x7f];
    let x = Math.floor(v / 128);
    while (x > 0) {
      tmp.unshift((x & 0x7f) | 0x80);
      x = Math.floor(x / 128);
    }
    out.push(...tmp);
  };
  push((arcs[0] ?? 0) * 40 + (arcs[1] ?? 0));
  for (const a of arcs.slice(2)) push(a);
  return Uint8Array.from(out);
}

/** Non-negative INTEGER small enough for a JS number (versions, parameter ids). */
export function decodeSmallInt(value: Uint8Array): number {
  if (value.length === 0 || value.length > 6) throw new CardError('card.parse', 'INTEGER size');
  if ((value[0] ?? 0) & 0x80) throw new CardError('card.parse', 'negative INTEGER');
  let v = 0;
  for (const b of value) v = v * 256 + b;
  return v;
}
