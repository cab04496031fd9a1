import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCccdQr } from './cccd-qr';

describe('card QR payload', () => {
  it('parses the 7-field layout', () => {
    const r = parseCccdQr('001090012345|123456789|Nguyễn Thị Hồng Nhung|05031990|Nữ|Số 1, Phường Láng, Hà Nội|01022021');
    expect(r).toEqual({
      ok: true,
      value: {
        idNumber: '001090012345',
        oldIdNumber: '123456789',
        fullName: 'Nguyễn Thị Hồng Nhung',
        dateOfBirth: '1990-03-05',
        sex: 'F',
        placeOfResidence: 'Số 1, Phường Láng, Hà Nội',
        dateOfIssue: '2021-02-01',
        extra: [],
        fieldCount: 7,
      },
    });
  });
  it('keeps the extra fields of the 11-field layout', () => {
    const r = parseCccdQr('001095012345||Trần Đức Anh|01011995|Nam|Hà Nội|15082024||||x');
    expect(r.ok && r.value.extra).toEqual(['', '', '', 'x']);
    expect(r.ok && r.value.oldIdNumber).toBeUndefined();
  });
  it('refuses with a typed error', () => {
    expect(parseCccdQr('')).toMatchObject({ ok: false, error: { code: 'qr.empty' } });
    expect(parseCccdQr('a|b')).toMatchObject({ ok: false, error: { code: 'qr.too_few_fields' } });
    expect(parseCccdQr('12345|x|n|01011990|Nam|a|01012020')).toMatchObject({ ok: false, error: { code: 'qr.bad_id_number' } });
    expect(parseCccdQr('001090012345||n|1990|Nam|a|01012020')).toMatchObject({ ok: false, error: { code: 'qr.bad_date' } });
  });
  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (s) => {
        const r = parseCccdQr(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 14 }), (parts) => {
        const r = parseCccdQr(['001090012345', ...parts].join('|'));
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
