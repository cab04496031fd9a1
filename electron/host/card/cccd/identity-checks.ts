/**
 * The checks an officer sees after a read: do DG1, DG13, the QR and the typed number agree, do
 * the ID number's century/sex/year digits fit the date of birth and sex, did the MRZ check digits
 * pass. All are warnings for the officer; none blocks the dossier by itself.
 */
import { crossCheck, type Disagreement, type SourceValues } from '../../../../shared/domain/cross-check';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import type { CccdQr } from '../../../../shared/domain/cccd-qr';
import { parseYymmdd } from '../../../../shared/domain/dates';
import { checkIdNumberAgainst, type IdNumberWarning } from '../../../../shared/domain/id-number';
import type { Dg1, MrzCheck } from '../icao/lds/dg1';

export interface IdentityChecks {
  disagreements: Disagreement[];
  idNumberWarnings: IdNumberWarning[];
  mrzFailedChecks: MrzCheck[];
}

export function checkIdentity(input: { dg1?: Dg1; dg13?: CitizenIdentity; qr?: CccdQr; typed?: SourceValues; today: string }): IdentityChecks {
  const { dg1, dg13, qr, typed, today } = input;
  const dg1Dob = dg1 ? parseYymmdd(dg1.dateOfBirth, 'birth', today) : null;
  const sources: Partial<Record<'dg1' | 'dg13' | 'qr' | 'typed', SourceValues>> = {
    ...(dg1 ? { dg1: { ...(dg1.idNumber ? { idNumber: dg1.idNumber } : {}), fullName: dg1.nameField, ...(dg1Dob ? { dateOfBirth: dg1Dob } : {}) } } : {}),
    ...(dg13 ? { dg13: { idNumber: dg13.idNumber, fullName: dg13.fullName, dateOfBirth: dg13.dateOfBirth } } : {}),
    ...(qr ? { qr: { idNumber: qr.idNumber, fullName: qr.fullName, dateOfBirth: qr.dateOfBirth } } : {}),
    ...(typed ? { typed } : {}),
  };
  const best = dg13 ?? (qr ? { idNumber: qr.idNumber, dateOfBirth: qr.dateOfBirth, sex: qr.sex } : undefined);
  const idNumberWarnings = best ? checkIdNumberAgainst(best.idNumber, best.dateOfBirth, best.sex) : [];
  return { disagreements: crossCheck(sources), idNumberWarnings, mrzFailedChecks: dg1?.failedChecks ?? [] };
}
