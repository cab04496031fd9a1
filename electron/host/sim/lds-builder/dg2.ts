/**
 * DG2 for the virtual card: 75 { 7F61 { 02 n, 7F60 { A1 header, 5F2E 19794-5 record } } }, or the
 * 39794-5 form with 7F2E. The 39794-5 tree here is a simplified stand-in (image in a nested
 * context-tagged OCTET STRING), enough to exercise the reader's 7F2E path, not a conformant block.
 */
import * as asn1js from 'asn1js';
import { app, appPrimitive, der } from './der-build';

export interface PortraitInput {
  bytes: Uint8Array;
  kind: 'jpeg' | 'jpeg2000';
  width: number;
  height: number;
}

/** One ISO/IEC 19794-5:2005 record with one full-frontal image and no feature points. */
export function build19794Record(p: PortraitInput): Uint8Array {
  const faceBlock = 20 + 12 + p.bytes.length;
  const out = new Uint8Array(14 + faceBlock);
  const v = new DataView(out.buffer);
  out.set([0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00]); // 'FAC\0' '010\0'
  v.setUint32(8, out.length);
  v.setUint16(12, 1);
  v.setUint32(14, faceBlock);
  // Feature points 0, gender/eye/hair unspecified, mask/expression/pose zero: bytes stay 0.
  const info = 14 + 20;
  out[info] = 1; // face image type: full frontal
  out[info + 1] = p.kind === 'jpeg' ? 0 : 1; // image data type
  v.setUint16(info + 2, p.width);
  v.setUint16(info + 4, p.height);
  out[info + 6] = 1; // colour space: sRGB
  out[info + 7] = 2; // source: digital camera
  out.set(p.bytes, info + 12);
  return out;
}

const ctx = (tagNumber: number, value: asn1js.AsnType[]): asn1js.Constructed =>
  new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber }, value });

export function buildDg2(portraits: PortraitInput[], container: '19794-5' | '39794-5' = '19794-5'): Uint8Array {
  const header = (): asn1js.Constructed =>
    ctx(1, [
      new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 }, valueHex: new Uint8Array([0x01, 0x01]) }), // biometric type: face
      new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 7 }, valueHex: new Uint8Array([0x01, 0x01]) }), // format owner
      new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 8 }, valueHex: new Uint8Array([0x00, 0x08]) }), // format type
    ]);
  const templates = portraits.map((p) => {
    const block =
      container === '19794-5'
        ? appPrimitive(0x2e, build19794Record(p))
        : app(0x2e, [ctx(1, [new asn1js.Sequence({ value: [ctx(0, [new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: p.bytes })])] })])]);
    return app(0x60, [header(), block]);
  });
  return der(app(21, [app(0x61, [new asn1js.Integer({ value: portraits.length }), ...templates])]));
}
