import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { buildDg13 } from '../../sim/lds-builder/dg13';
import { buildDg1, composeTd1 } from '../../sim/lds-builder/dg1';
import { DUC_ANH, NHUNG } from '../../sim/lds-builder/sample-citizens';
import { parseDg1 } from '../icao/lds/dg1';
import { fuzzParser } from '../icao/lds/parse-fuzz';
import { dg13Parents, dg13Text, parseDg13 } from './dg13';
import { dg13ToIdentity } from './dg13-identity';

const TODAY = '2026-11-23';

describe('DG13', () => {
  it('round-trips a full identity with Vietnamese text intact', () => {
    const dg13 = parseDg13(buildDg13(NHUNG));
    expect(dg13.version).toBe(1);
    expect(dg13.oid).toBe('1.0.10646.1.0.8');
    expect(dg13Text(dg13, 2)).toBe('Nguyễn Thị Hồng Nhung');
    expect(dg13Text(dg13, 4)).toBe('Nữ');
    expect(dg13Parents(dg13)).toEqual({ father: 'Nguyễn Văn Hùng', mother: 'Lê Thị Mai' });
    expect(dg13ToIdentity(dg13, undefined, TODAY)).toEqual(NHUNG);
  });
  it('handles no expiry, an empty spouse and a missing father', () => {
    const id = dg13ToIdentity(parseDg13(buildDg13(DUC_ANH)), undefined, TODAY);
    expect(id).toEqual(DUC_ANH);
    expect(id.spouseName).toBeUndefined();
  });
  it('keeps unknown fields raw and tolerates missing ones, filling from DG1', () => {
    const bytes = buildDg13(NHUNG, {
      omit: [3, 5, 12],
      extra: [
        { n: 16, values: [new asn1js.PrintableString({ value: 'AB12CD34EF56GH78' })] },
        { n: 21, values: [new asn1js.Utf8String({ value: 'Nhóm máu O' })] },
        { n: 22, values: [new asn1js.OctetString({ valueHex: new Uint8Array([1, 2]) })] },
      ],
    });
    const dg1 = parseDg1(buildDg1(composeTd1(NHUNG)));
    const id = dg13ToIdentity(parseDg13(bytes), dg1, TODAY);
    expect(id.dateOfBirth).toBe('1990-03-05');
    expect(id.dateOfExpiry).toBe('2030-03-05');
    expect(id.nationality).toBe('VNM');
    expect(id.unknownFields).toEqual([
      { n: 16, raw: '131041423132434433344546353647483738', text: 'AB12CD34EF56GH78' },
      { n: 21, raw: expect.stringMatching(/^0c/), text: 'Nhóm máu O' },
      { n: 22, raw: '04020102' },
    ]);
  });
  it('refuses an identity without the required fields', () => {
    const bytes = buildDg13(NHUNG, { omit: [1, 2, 3] });
    expect(() => dg13ToIdentity(parseDg13(bytes), undefined, TODAY)).toThrow(expect.objectContaining({ code: 'card.parse' }));
  });
  it('fuzz: random and mutated DG13 never escape untyped', () => {
    fuzzParser(parseDg13, buildDg13(NHUNG));
  });
});

describe('DG13 layout variants', () => {
  const entry = (n: number, ...values: asn1js.AsnType[]): asn1js.Sequence => new asn1js.Sequence({ value: [new asn1js.Integer({ value: n }), ...values] });
  const wrap = (inner: asn1js.AsnType[]): Uint8Array =>
    new Uint8Array(new asn1js.Constructed({ idBlock: { tagClass: 2, tagNumber: 13 }, value: [new asn1js.Sequence({ value: inner })] }).toBER(false));

  it('reads entries placed directly in the outer SEQUENCE, empty entries and UTF-8 inside PrintableString', () => {
    const utf8InPrintable = new asn1js.PrintableString();
    utf8InPrintable.valueBlock.valueHexView = new TextEncoder().encode('Hà Nội');
    const bytes = wrap([
      new asn1js.Integer({ value: 1 }),
      new asn1js.ObjectIdentifier({ value: '1.0.10646.1.0.8' }),
      entry(1, new asn1js.PrintableString({ value: '001190012345' })),
      entry(2, new asn1js.Utf8String({ value: 'Trần Đức Anh' })),
      entry(7),
      entry(9, utf8InPrintable),
      entry(13, new asn1js.Utf8String({ value: 'Trần Văn Bình' }), new asn1js.Utf8String({ value: 'Đỗ Thị Cúc' })),
      entry(14),
    ]);
    const dg13 = parseDg13(bytes);
    expect(dg13.entries.map((e) => e.n)).toEqual([1, 2, 7, 9, 13, 14]);
    expect(dg13Text(dg13, 2)).toBe('Trần Đức Anh');
    expect(dg13Text(dg13, 7)).toBeUndefined();
    expect(dg13Text(dg13, 9)).toBe('Hà Nội');
    expect(dg13Parents(dg13)).toEqual({ father: 'Trần Văn Bình', mother: 'Đỗ Thị Cúc' });
    expect(dg13Text(dg13, 14)).toBeUndefined();
  });
  it('refuses a DG13 whose content is not a SEQUENCE', () => {
    expect(() => parseDg13(new Uint8Array([0x6d, 0x03, 0x02, 0x01, 0x01]))).toThrow(expect.objectContaining({ code: 'card.parse' }));
  });
});

describe('DG13 hand-encoded vector', () => {
  // Encoded by hand (a separate TLV writer, not asn1js) in the layout of docs cccd-chip.md:
  // INTEGER 1, OID 1.0.10646.1.0.8, SET { 1, 2, 3, 4, 12 "Không thời hạn", 13 parents, 14 empty, 16 }.
  const HEX =
    '6d81bb3081b8020101060628d3160100083181aa3011020101130c303031313930303132333435' +
    '30160201020c115472e1baa76e20c490e1bba96320416e68300f020103130a32302f31312f31393538' +
    '30080201040c034e616d301802010c0c134b68c3b46e67207468e1bb9d692068e1baa16e' +
    '302c02010d30130c115472e1baa76e2056c4836e2042c3ac6e6830120c105068e1baa16d205468e1bb8b204c616e' +
    '300302010e3015020110131030313233343536373839414243444546';
  const bytes = new Uint8Array(HEX.match(/../g)!.map((h) => parseInt(h, 16)));

  it('decodes every field by number', () => {
    const dg13 = parseDg13(bytes);
    expect(dg13.oid).toBe('1.0.10646.1.0.8');
    expect(dg13.entries.map((e) => e.n)).toEqual([1, 2, 3, 4, 12, 13, 14, 16]);
    expect(dg13Text(dg13, 2)).toBe('Trần Đức Anh');
    expect(dg13Parents(dg13)).toEqual({ father: 'Trần Văn Bình', mother: 'Phạm Thị Lan' });
    const dg1 = parseDg1(buildDg1(composeTd1(DUC_ANH)));
    const id = dg13ToIdentity(dg13, dg1, TODAY);
    expect(id).toMatchObject({ idNumber: '001190012345', fullName: 'Trần Đức Anh', dateOfBirth: '1958-11-20', sex: 'M', dateOfExpiry: 'none', nationality: 'VNM' });
    expect(id.spouseName).toBeUndefined();
    expect(id.unknownFields).toEqual([{ n: 16, raw: '131030313233343536373839414243444546', text: '0123456789ABCDEF' }]);
  });
});
