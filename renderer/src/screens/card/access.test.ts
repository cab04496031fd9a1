import { describe, expect, it } from 'vitest';
import { accessFromManual, accessFromQr, parseCccdQr } from './access';

describe('access data from typed fields', () => {
  it('accepts 12 digits with spaces and dd/mm/yyyy dates', () => {
    const r = accessFromManual({ idNumber: '001 203 004 005', dateOfBirth: '09/01/2003', dateOfExpiry: '09/01/2028', noExpiry: false });
    expect(r.access).toEqual({ idNumber: '001203004005', dateOfBirth: '2003-01-09', dateOfExpiry: '2028-01-09' });
  });
  it('needs only the ID number for PACE', () => {
    expect(accessFromManual({ idNumber: '001203004005', dateOfBirth: '', dateOfExpiry: '', noExpiry: false }).access).toEqual({ idNumber: '001203004005' });
  });
  it('marks a no-expiry card', () => {
    expect(accessFromManual({ idNumber: '001203004005', dateOfBirth: '01/01/1950', dateOfExpiry: '', noExpiry: true }).access?.dateOfExpiry).toBe('none');
  });
  it('names each invalid field', () => {
    const r = accessFromManual({ idNumber: '12345', dateOfBirth: '31/02/2003', dateOfExpiry: '2028-01-09', noExpiry: false });
    expect(r.access).toBeNull();
    expect(r.errors).toEqual({ idNumber: 'access.idInvalid', dateOfBirth: 'access.dateInvalid', dateOfExpiry: 'access.dateInvalid' });
  });
});

describe('access data from the QR code', () => {
  it('takes the ID number, birth and issue dates', () => {
    const qr = parseCccdQr('001203004005|123456789|Trần Đức Anh|09012003|Nam|12 Lê Lợi, Phường Bến Nghé, Quận 1, TP Hồ Chí Minh|15062021');
    expect(qr.ok).toBe(true);
    if (qr.ok) expect(accessFromQr(qr.value)).toEqual({ idNumber: '001203004005', dateOfBirth: '2003-01-09', dateOfIssue: '2021-06-15' });
  });
});
