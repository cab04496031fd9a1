import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { buildDg13 } from '../../host/sim/lds-builder/dg13';
import { NHUNG } from '../../host/sim/lds-builder/sample-citizens';
import { decodeLdsFile } from './decode-file';
import { toJson } from './json-out';

describe('parse CLI output for DG13', () => {
  const dg13 = buildDg13({ ...NHUNG, spouseName: 'Lê Văn Tâm', oldIdNumber: '012345678' }, { extra: [{ n: 16, values: [new asn1js.PrintableString({ value: 'ABCDEFGH12345678' })] }] });
  const printed = toJson(decodeLdsFile('dg13', dg13, '2026-11-23'));
  const out = JSON.parse(printed) as { identity: Record<string, unknown> };

  it('gives the identity by field name, as the read screen maps it', () => {
    expect(out.identity).toMatchObject({
      source: 'chip',
      idNumber: NHUNG.idNumber,
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: NHUNG.dateOfBirth,
      fatherName: NHUNG.fatherName,
      motherName: NHUNG.motherName,
      spouseName: 'Lê Văn Tâm',
      oldIdNumber: '012345678',
    });
  });
  it('lists unknown fields with their number and raw hex', () => {
    expect(out.identity.unknownFields).toEqual([{ n: 16, raw: '1310' + Buffer.from('ABCDEFGH12345678').toString('hex'), text: 'ABCDEFGH12345678' }]);
  });
  it('prints no ASN.1 library internals', () => {
    expect(printed).not.toMatch(/blockName|valueBeforeDecode|idBlock|lenBlock/);
  });
  it('shows the fields it could map and names the invalid ones when a required field is missing', () => {
    const partial = JSON.parse(toJson(decodeLdsFile('dg13', buildDg13(NHUNG, { omit: [1] }), '2026-11-23'))) as { identity: Record<string, unknown>; invalid: string[] };
    expect(partial.invalid).toContain('idNumber');
    expect(partial.identity.fullName).toBe('Nguyễn Thị Hồng Nhung');
  });
});
