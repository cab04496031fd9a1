import { describe, expect, it } from 'vitest';
import { emptyDependant, fromForm, toForm, type IntegrationForm } from './integration-form';

const NOW = Date.parse('2026-11-30T03:00:00Z');
const blank = (): IntegrationForm => toForm(undefined);

describe('integration requests form', () => {
  it('nothing ticked is an empty request', () => {
    expect(fromForm(blank(), NOW)).toEqual({ ok: true, value: { dependants: [] } });
  });

  it('compacts and checks each service’s number, naming the field at fault', () => {
    const f = blank();
    f.drivingLicence = { on: true, number: '0123 4567 8901', class: 'B' };
    f.vehicle = { on: true, plate: '29a-123.45', registrationNumber: ' 012345 ' };
    f.healthInsurance = { on: true, number: 'dn 4010123456789' };
    f.socialInsurance = { on: true, number: '01-2345-6789' };
    expect(fromForm(f, NOW)).toEqual({
      ok: true,
      value: {
        drivingLicence: { number: '012345678901', class: 'B' },
        vehicle: { plate: '29A-123.45', registrationNumber: '012345' },
        healthInsurance: { number: 'DN4010123456789' },
        socialInsurance: { number: '0123456789' },
        dependants: [],
      },
    });
    expect(fromForm({ ...f, drivingLicence: { on: true, number: '1234', class: 'B' } }, NOW)).toEqual({ ok: false, problem: { field: 'drivingLicence.number' } });
    expect(fromForm({ ...f, vehicle: { on: true, plate: 'ABC', registrationNumber: '1' } }, NOW)).toEqual({ ok: false, problem: { field: 'vehicle.plate' } });
    expect(fromForm({ ...f, vehicle: { on: true, plate: '29A12345', registrationNumber: '' } }, NOW)).toEqual({ ok: false, problem: { field: 'vehicle.registrationNumber' } });
    expect(fromForm({ ...f, healthInsurance: { on: true, number: '12' } }, NOW)).toEqual({ ok: false, problem: { field: 'healthInsurance.number' } });
    expect(fromForm({ ...f, socialInsurance: { on: true, number: '12345678901' } }, NOW)).toEqual({ ok: false, problem: { field: 'socialInsurance.number' } });
  });

  it('an unticked service is left out even with text in it', () => {
    const f = blank();
    f.drivingLicence = { on: false, number: 'junk', class: 'B' };
    expect(fromForm(f, NOW)).toEqual({ ok: true, value: { dependants: [] } });
  });

  it('dependants: a child under 14 with a birth certificate or an ID number; the problems by row', () => {
    const f = blank();
    f.dependants = [
      { ...emptyDependant(), fullName: 'Nguyễn Đức Minh', dateOfBirth: '15/01/2016', birthCertificateNumber: '123/2016' },
      { ...emptyDependant(), fullName: 'Lê Văn Ba', dateOfBirth: '01/02/1950', idNumber: '001050000123', relationship: 'under_guardianship' },
    ];
    const r = fromForm(f, NOW);
    expect(r.ok && r.value.dependants).toEqual([
      { fullName: 'Nguyễn Đức Minh', dateOfBirth: '2016-01-15', relationship: 'child_under_14', birthCertificateNumber: '123/2016' },
      { fullName: 'Lê Văn Ba', dateOfBirth: '1950-02-01', relationship: 'under_guardianship', idNumber: '001050000123' },
    ]);
    const bad = (over: Partial<IntegrationForm['dependants'][0]>) => fromForm({ ...f, dependants: [f.dependants[0]!, { ...f.dependants[1]!, ...over }] }, NOW);
    expect(bad({ fullName: ' ' })).toEqual({ ok: false, problem: { field: 'dependant.fullName', index: 1 } });
    expect(bad({ dateOfBirth: '31/02/2020' })).toEqual({ ok: false, problem: { field: 'dependant.dateOfBirth', index: 1 } });
    expect(bad({ dateOfBirth: '01/01/2030' })).toEqual({ ok: false, problem: { field: 'dependant.dateOfBirth', index: 1 } });
    expect(bad({ relationship: 'child_under_14' })).toEqual({ ok: false, problem: { field: 'dependant.tooOld', index: 1 } });
    expect(bad({ idNumber: '123' })).toEqual({ ok: false, problem: { field: 'dependant.idNumber', index: 1 } });
    expect(bad({ idNumber: '', birthCertificateNumber: '' })).toEqual({ ok: false, problem: { field: 'dependant.document', index: 1 } });
  });

  it('round-trips a saved request back into the form', () => {
    const f = blank();
    f.healthInsurance = { on: true, number: '0123456789' };
    f.dependants = [{ ...emptyDependant(), fullName: 'Nguyễn Đức Minh', dateOfBirth: '15/01/2016', birthCertificateNumber: '123/2016' }];
    const r = fromForm(f, NOW);
    expect(r.ok).toBe(true);
    if (r.ok) expect(toForm(r.value)).toEqual(f);
  });
});
