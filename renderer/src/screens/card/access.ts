/**
 * Turning what the officer scanned or typed into the card.read access input, with validation
 * messages as i18n keys. Pure: unit-tested without a DOM.
 */
import type { AccessInput } from '../../../../shared/contract/card';
import { parseCccdQr, type CccdQr } from '../../../../shared/domain/cccd-qr';
import { parseDmy } from '../../../../shared/domain/dates';
import { isValidIdNumber, normalizeIdNumber } from '../../../../shared/domain/id-number';

export interface ManualFields {
  idNumber: string;
  dateOfBirth: string;
  dateOfExpiry: string;
  noExpiry: boolean;
}

export type FieldErrors = Partial<Record<keyof ManualFields, string>>;

export function accessFromManual(f: ManualFields): { access: AccessInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const idNumber = normalizeIdNumber(f.idNumber);
  if (!isValidIdNumber(idNumber)) errors.idNumber = 'access.idInvalid';
  const dob = f.dateOfBirth.trim() ? parseDmy(f.dateOfBirth.trim()) : undefined;
  if (dob === null) errors.dateOfBirth = 'access.dateInvalid';
  const doe = f.noExpiry ? 'none' : f.dateOfExpiry.trim() ? parseDmy(f.dateOfExpiry.trim()) : undefined;
  if (doe === null) errors.dateOfExpiry = 'access.dateInvalid';
  if (Object.keys(errors).length) return { access: null, errors };
  return {
    access: {
      idNumber,
      ...(dob ? { dateOfBirth: dob } : {}),
      ...(doe ? { dateOfExpiry: doe } : {}),
    },
    errors,
  };
}

export function accessFromQr(qr: CccdQr): AccessInput {
  return {
    idNumber: qr.idNumber,
    dateOfBirth: qr.dateOfBirth,
    ...(qr.dateOfIssue ? { dateOfIssue: qr.dateOfIssue } : {}),
  };
}

export { parseCccdQr };
