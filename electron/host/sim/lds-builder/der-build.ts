/** asn1js construction helpers for the builders: application-tagged elements and DER bytes out. */
import * as asn1js from 'asn1js';

export function app(tagNumber: number, value: asn1js.AsnType[]): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 2, tagNumber }, value });
}

export function appPrimitive(tagNumber: number, bytes: Uint8Array): asn1js.Primitive {
  return new asn1js.Primitive({ idBlock: { tagClass: 2, tagNumber }, valueHex: new Uint8Array(bytes) });
}

export function der(a: asn1js.AsnType): Uint8Array {
  return new Uint8Array(a.toBER(false));
}

export const utf8 = (s: string): asn1js.Utf8String => new asn1js.Utf8String({ value: s.normalize('NFC') });
export const printable = (s: string): asn1js.PrintableString => new asn1js.PrintableString({ value: s });
export const int = (n: number): asn1js.Integer => new asn1js.Integer({ value: n });
export const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
