import { describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../../../shared/domain/cccd-qr';
import { buildDg1, composeTd1 } from '../../sim/lds-builder/dg1';
import { NHUNG } from '../../sim/lds-builder/sample-citizens';
import { parseDg1 } from '../icao/lds/dg1';
import { accessCandidatesFromQr } from './bac-candidates';
import { checkIdentity } from './identity-checks';

describe('access candidates from the QR code', () => {
  it('puts the rule expiry first, with the CAN and the 9-digit document number', () => {
    const r = accessCandidatesFromQr({ idNumber: '001190012345', dateOfBirth: '1990-03-05', dateOfIssue: '2021-04-10' });
    expect(r.can).toBe('012345');
    expect(r.bac[0]).toEqual({ documentNumber: '190012345', dateOfBirth: '900305', dateOfExpiry: '300305', reason: 'rule' });
    expect(r.bac.map((c) => c.dateOfExpiry)).toEqual(['300305', '500305']);
  });
  it('offers guesses and the filler for a no-expiry card', () => {
    const r = accessCandidatesFromQr({ idNumber: '079088004321', dateOfBirth: '1958-11-20', dateOfIssue: '2021-07-01' });
    expect(r.bac.at(-1)).toMatchObject({ dateOfExpiry: '<<<<<<', reason: 'no_expiry_filler' });
    expect(r.bac.length).toBeGreaterThan(1);
  });
  it('tries every renewal birthday without an issue date', () => {
    const r = accessCandidatesFromQr({ idNumber: '001190012345', dateOfBirth: '1990-03-05' });
    expect(r.bac.map((c) => c.dateOfExpiry)).toEqual(['150305', '300305', '500305']);
  });
});

describe('identity checks', () => {
  const dg1 = parseDg1(buildDg1(composeTd1(NHUNG)));
  it('is quiet when every source agrees', () => {
    const qr = parseCccdQr('001190012345|012345678|Nguyễn Thị Hồng Nhung|05031990|Nữ|Hà Nội|10042021');
    if (!qr.ok) throw new Error('qr');
    expect(checkIdentity({ dg1, dg13: NHUNG, qr: qr.value, typed: { idNumber: '001190012345' }, today: '2026-11-23' })).toEqual({
      disagreements: [],
      idNumberWarnings: [],
      mrzFailedChecks: [],
    });
  });
  it('reports a typed number that differs and an ID/sex mismatch', () => {
    const r = checkIdentity({ dg1, dg13: { ...NHUNG, sex: 'M' }, typed: { idNumber: '001190012346' }, today: '2026-11-23' });
    expect(r.disagreements).toEqual([expect.objectContaining({ field: 'idNumber', groups: [['dg1', 'dg13'], ['typed']] })]);
    expect(r.idNumberWarnings.map((w) => w.code)).toEqual(['id.sex_mismatch']);
  });
});
