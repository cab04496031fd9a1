import { describe, expect, it } from 'vitest';
import { canFromId, checkIdNumberAgainst, decodeIdNumber, documentNumberFromId, isValidIdNumber } from './id-number';

describe('12-digit ID number', () => {
  it('validates only 12 digits', () => {
    expect(isValidIdNumber('001090012345')).toBe(true);
    expect(isValidIdNumber('00109001234')).toBe(false);
    expect(isValidIdNumber('00109001234a')).toBe(false);
  });
  it('decodes province, century/sex and year', () => {
    expect(decodeIdNumber('079301012345')).toMatchObject({ provinceCode: '079', sex: 'F', birthYear: 2001, serial: '012345' });
    expect(decodeIdNumber('001090012345')).toMatchObject({ sex: 'M', birthYear: 1990 });
    expect(decodeIdNumber('001590012345')).toMatchObject({ sex: 'F', birthYear: 2190 });
  });
  it('returns warnings, not refusals, on mismatch', () => {
    expect(checkIdNumberAgainst('001090012345', '1990-05-01', 'M')).toEqual([]);
    const w = checkIdNumberAgainst('099190012345', '1991-05-01', 'M');
    expect(w.map((x) => x.code)).toEqual(['id.province_out_of_range', 'id.birth_year_mismatch', 'id.sex_mismatch']);
  });
  it('derives the BAC document number and the CAN', () => {
    expect(documentNumberFromId('001090012345')).toBe('090012345');
    expect(canFromId('001090012345')).toBe('012345');
  });
});
