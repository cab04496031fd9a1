import { describe, expect, it } from 'vitest';
import { crossCheck } from './cross-check';
import { nameKey, textToMrzName } from './vn-text';

describe('cross-check', () => {
  it('folds Vietnamese diacritics including đ → D', () => {
    expect(nameKey('Trần Đức Anh')).toBe('TRAN DUC ANH');
    expect(nameKey('NGUYEN<<VAN<A')).toBe(nameKey('Nguyễn Văn A'));
    expect(textToMrzName('Nguyễn Thị Hồng Nhung')).toBe('NGUYEN<<THI<HONG<NHUNG');
  });
  it('agrees across all sources', () => {
    expect(
      crossCheck({
        dg1: { idNumber: '001090012345', fullName: 'NGUYEN<<VAN<A', dateOfBirth: '1990-03-05' },
        dg13: { idNumber: '001090012345', fullName: 'Nguyễn Văn A', dateOfBirth: '1990-03-05' },
        qr: { idNumber: '001090012345', fullName: 'Nguyễn  Văn A' },
        typed: { idNumber: '0010 9001 2345' },
      }),
    ).toEqual([]);
  });
  it('reports the field and the sources that disagree', () => {
    const d = crossCheck({
      dg1: { idNumber: '001090012345', fullName: 'TRAN<<DUC<ANH' },
      dg13: { idNumber: '001090012345', fullName: 'Trần Đức Anh' },
      qr: { idNumber: '001090012346', fullName: 'Trần Đức An' },
    });
    expect(d.map((x) => x.field)).toEqual(['idNumber', 'fullName']);
    expect(d[0]?.groups).toEqual([['dg1', 'dg13'], ['qr']]);
    expect(d[1]?.groups).toEqual([['dg1', 'dg13'], ['qr']]);
  });
  it('accepts a truncated MRZ name as a prefix', () => {
    const long = 'Nguyễn Thị Hồng Nhung Phương Thảo Anh';
    const mrz = textToMrzName(long).padEnd(30, '<').slice(0, 30);
    expect(crossCheck({ dg1: { fullName: mrz }, dg13: { fullName: long } })).toEqual([]);
  });
});
