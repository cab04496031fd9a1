/**
 * DG1 for the virtual card: a TD1 MRZ with correct check digits. Document number = the last 9
 * digits of the ID number and optional data 1 starts with the full ID number, as on real cards.
 */
import { toYymmdd } from '../../../../shared/domain/dates';
import { documentNumberFromId } from '../../../../shared/domain/id-number';
import { mrzCheckDigit, toMrzField } from '../../../../shared/domain/mrz-check';
import { textToMrzName } from '../../../../shared/domain/vn-text';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import { app, appPrimitive, ascii, der } from './der-build';

export interface Td1Options {
  documentCode?: string;
  issuingState?: string;
  /** Written when the identity has no expiry (`none`); ICAO allows `<<<<<<`. */
  noExpiryMrz?: string;
}

const digit = (s: string): string => String(mrzCheckDigit(s) ?? 0);

export function composeTd1(id: CitizenIdentity, opts: Td1Options = {}): string {
  const docNumber = toMrzField(documentNumberFromId(id.idNumber), 9);
  const optional1 = toMrzField(id.idNumber, 15);
  const l1 = toMrzField(opts.documentCode ?? 'ID', 2) + toMrzField(opts.issuingState ?? 'VNM', 3) + docNumber + digit(docNumber) + optional1;
  const dob = toYymmdd(id.dateOfBirth) ?? '<<<<<<';
  const exp = id.dateOfExpiry === 'none' ? (opts.noExpiryMrz ?? '<<<<<<') : (toYymmdd(id.dateOfExpiry) ?? '<<<<<<');
  const expCheck = /^<+$/.test(exp) ? '<' : digit(exp);
  const optional2 = toMrzField('', 11);
  const head = dob + digit(dob) + (id.sex === 'X' ? '<' : id.sex) + exp + expCheck + toMrzField('VNM', 3) + optional2;
  const composite = l1.slice(5, 30) + head.slice(0, 7) + head.slice(8, 15) + head.slice(18, 29);
  const l2 = head + digit(composite);
  const l3 = toMrzField(textToMrzName(id.fullName), 30);
  return l1 + l2 + l3;
}

export function buildDg1(mrz: string): Uint8Array {
  return der(app(1, [appPrimitive(31, ascii(mrz))]));
}
