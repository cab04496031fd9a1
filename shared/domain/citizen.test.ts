import { describe, expect, it } from 'vitest';
import { citizenIdentitySchema, parseSex } from './citizen';

describe('CitizenIdentity', () => {
  const base = {
    source: 'manual',
    idNumber: '001190012345',
    fullName: 'Nguyễn Thị Hồng Nhung',
    dateOfBirth: '1990-03-05',
    sex: 'F',
    nationality: 'Việt Nam',
    dateOfExpiry: 'none',
    unknownFields: [{ n: 16, raw: '1300', text: '' }],
  };
  it('accepts a minimal identity and "none" as expiry', () => {
    expect(citizenIdentitySchema.safeParse(base).success).toBe(true);
  });
  it('rejects a non-12-digit ID number and a non-ISO date', () => {
    expect(citizenIdentitySchema.safeParse({ ...base, idNumber: '12345' }).success).toBe(false);
    expect(citizenIdentitySchema.safeParse({ ...base, dateOfBirth: '05/03/1990' }).success).toBe(false);
  });
  it('maps Nam/Nữ and MRZ codes', () => {
    expect(parseSex('Nam')).toBe('M');
    expect(parseSex('Nữ')).toBe('F');
    expect(parseSex('Nữ'.normalize('NFD'))).toBe('F'); // decomposed form from some keyboards
    expect(parseSex('<')).toBe('X');
  });
});
