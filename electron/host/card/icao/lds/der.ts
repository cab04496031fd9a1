/**
 * Thin helpers over asn1js shared by the LDS parsers: decode with a CardError('card.parse') on
 * failure, navigate by tag (class + number, never by byte pattern), and copy value bytes out.
 */
import * as asn1js from 'asn1js';
import { CardError } from '../../errors';

export type Asn = asn1js.AsnType;

/** asn1js tag classes. */
export const UNIVERSAL = 1;
export const APPLICATION = 2;
export const CONTEXT = 3;

export function parseError(what: string, detail: string): CardError {
  return new CardError('card.parse', `${what}: ${detail}`);
}

/**
 * Decodes one BER/DER element. Trailing bytes are tolerated (files are often padded on the chip).
 * asn1js's node limit guards against hostile input; only a master list (hundreds of certificates)
 * needs a larger one.
 */
export function decodeDer(bytes: Uint8Array, what: string, maxNodes = 10_000): Asn {
  let res: asn1js.FromBerResult;
  try {
    res = asn1js.fromBER(new Uint8Array(bytes), { maxNodes });
  } catch (e) {
    throw parseError(what, `BER decoder failed (${e instanceof Error ? e.name : 'unknown'})`);
  }
  if (res.offset === -1 || res.result.error) throw parseError(what, `not BER (${res.result.error || 'malformed'})`);
  return res.result;
}

export function tagOf(a: Asn): { cls: number; num: number; constructed: boolean } {
  return { cls: a.idBlock.tagClass, num: a.idBlock.tagNumber, constructed: a.idBlock.isConstructed };
}

export function is(a: Asn | undefined, cls: number, num: number): a is Asn {
  return a !== undefined && a.idBlock.tagClass === cls && a.idBlock.tagNumber === num;
}

/** Children of a constructed element ([] for a primitive). */
export function children(a: Asn): Asn[] {
  const vb = a.valueBlock as { value?: unknown };
  return Array.isArray(vb.value) ? (vb.value as Asn[]) : [];
}

/** The content octets of a primitive element, copied. Constructed strings are concatenated. */
export function valueBytes(a: Asn): Uint8Array {
  if (a.idBlock.isConstructed) {
    const parts = children(a).map(valueBytes);
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
  const vb = a.valueBlock as { valueHexView?: Uint8Array };
  return vb.valueHexView ? new Uint8Array(vb.valueHexView) : new Uint8Array(0);
}

/** The full encoding (tag+length+value) of an element as it was decoded. */
export function encodingOf(a: Asn): Uint8Array {
  const before = (a as { valueBeforeDecodeView?: Uint8Array }).valueBeforeDecodeView;
  if (before && before.length) return new Uint8Array(before);
  return new Uint8Array(a.toBER());
}

/** Decodes a file and checks its outer application tag (e.g. DG1 = [APPLICATION 1] = 0x61). */
export function decodeFile(bytes: Uint8Array, appTag: number, what: string): Asn {
  const root = decodeDer(bytes, what);
  if (!is(root, APPLICATION, appTag) || !root.idBlock.isConstructed) {
    const t = tagOf(root);
    throw parseError(what, `unexpected outer tag class ${t.cls} number ${t.num}`);
  }
  return root;
}

export function findChild(a: Asn, cls: number, num: number): Asn | undefined {
  return children(a).find((c) => is(c, cls, num));
}

export function requireChild(a: Asn, cls: number, num: number, what: string): Asn {
  const c = findChild(a, cls, num);
  if (!c) throw parseError(what, `missing element class ${cls} number ${num}`);
  return c;
}

export function integerValue(a: Asn, what: string): number {
  if (!(a instanceof asn1js.Integer)) throw parseError(what, 'expected INTEGER');
  const n = a.valueBlock.valueDec;
  if (!Number.isSafeInteger(n)) throw parseError(what, 'INTEGER out of range');
  return n;
}

export function oidValue(a: Asn, what: string): string {
  if (!(a instanceof asn1js.ObjectIdentifier)) throw parseError(what, 'expected OBJECT IDENTIFIER');
  return a.valueBlock.toString();
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Text of a string-typed element: UTF-8 for UTF8String, Latin-1 for the 8-bit legacy types. */
export function stringValue(a: Asn): string | null {
  if (a instanceof asn1js.Utf8String) return utf8.decode(valueBytes(a)).normalize('NFC');
  if (a instanceof asn1js.BmpString || a instanceof asn1js.UniversalString) return a.valueBlock.value.normalize('NFC');
  if (
    a instanceof asn1js.PrintableString ||
    a instanceof asn1js.IA5String ||
    a instanceof asn1js.VisibleString ||
    a instanceof asn1js.NumericString ||
    a instanceof asn1js.TeletexString ||
    a instanceof asn1js.GeneralString ||
    a instanceof asn1js.GraphicString
  ) {
    // Some issuers put UTF-8 bytes in a PrintableString; decoding as UTF-8 keeps Vietnamese intact.
    const b = valueBytes(a);
    const s = utf8.decode(b);
    return (s.includes('\uFFFD') ? latin1.decode(b) : s).normalize('NFC');
  }
  return null;
}

export function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function fromHex(h: string): Uint8Array {
  const clean = h.replace(/\s/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Runs a parser and turns any non-CardError escape (asn1js/pkijs internals) into card.parse. */
export function guardParse<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CardError) throw e;
    throw parseError(what, e instanceof Error ? e.message.slice(0, 120) : 'malformed');
  }
}
