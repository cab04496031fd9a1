/**
 * DG13 of the Vietnamese card (docs cccd-chip.md): 6D { SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8,
 * SET { SEQUENCE { INTEGER n, value… } … } } }. Read by field number: entries may be missing,
 * empty or nested (13 = parents, 14 = spouse), and unknown numbers are kept raw, never fatal.
 * The container shape is accepted loosely (entries directly in the outer SEQUENCE, or in a SET
 * or SEQUENCE inside it) because the exact layout is only known from a few public dumps.
 */
import * as asn1js from 'asn1js';
import { children, decodeFile, encodingOf, guardParse, integerValue, oidValue, parseError, stringValue, toHex, type Asn } from '../icao/lds/der';

export const DG13_OID = '1.0.10646.1.0.8';

export interface Dg13Entry {
  n: number;
  /** The values after the field number (0 for an empty entry). */
  values: Asn[];
  /** DER of the values, hex. */
  raw: string;
  /** All string leaves joined with a space, or undefined when there is none. */
  text?: string;
}

export interface Dg13 {
  version?: number;
  oid?: string;
  entries: Dg13Entry[];
}

/** String leaves of a value, depth first (so nested SEQUENCE { UTF8String } yields the name). */
function texts(a: Asn, depth = 0): string[] {
  if (depth > 8) return [];
  const s = stringValue(a);
  if (s !== null) return [s];
  return children(a).flatMap((c) => texts(c, depth + 1));
}

function isEntry(a: Asn): boolean {
  const c = children(a);
  return a instanceof asn1js.Sequence && c[0] instanceof asn1js.Integer;
}

function toEntry(a: Asn): Dg13Entry {
  const [numberBlock, ...values] = children(a);
  if (!numberBlock) throw parseError('DG13', 'empty entry');
  const n = integerValue(numberBlock, 'DG13 field number');
  const raw = toHex(new Uint8Array(values.flatMap((v) => Array.from(encodingOf(v)))));
  const t = values.flatMap((v) => texts(v)).join(' ').trim();
  return { n, values, raw, ...(t ? { text: t } : {}) };
}

export function parseDg13(bytes: Uint8Array): Dg13 {
  return guardParse('DG13', () => {
    const root = decodeFile(bytes, 13, 'DG13');
    const [top] = children(root);
    if (!(top instanceof asn1js.Sequence)) throw parseError('DG13', 'expected a SEQUENCE inside 6D');
    let version: number | undefined;
    let oid: string | undefined;
    const entries: Dg13Entry[] = [];
    for (const c of children(top)) {
      if (c instanceof asn1js.Integer && version === undefined && entries.length === 0) version = integerValue(c, 'DG13 version');
      else if (c instanceof asn1js.ObjectIdentifier) oid = oidValue(c, 'DG13 OID');
      else if (isEntry(c)) entries.push(toEntry(c));
      else if (c instanceof asn1js.Set || c instanceof asn1js.Sequence) {
        for (const e of children(c)) if (isEntry(e)) entries.push(toEntry(e));
      }
    }
    return { ...(version !== undefined ? { version } : {}), ...(oid ? { oid } : {}), entries };
  });
}

/** Text of field n (first occurrence), trimmed; undefined when absent or empty. */
export function dg13Text(dg13: Dg13, n: number): string | undefined {
  const t = dg13.entries.find((e) => e.n === n)?.text?.trim();
  return t ? t : undefined;
}

/** Field 13: father then mother, each in its own nested value. */
export function dg13Parents(dg13: Dg13): { father?: string; mother?: string } {
  const e = dg13.entries.find((x) => x.n === 13);
  if (!e) return {};
  const [f, m] = e.values.map((v) => texts(v).join(' ').trim());
  return { ...(f ? { father: f } : {}), ...(m ? { mother: m } : {}) };
}
