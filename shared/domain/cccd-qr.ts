/**
 * The QR code printed on the card: UTF-8, pipe-separated. Seen layouts: 7 fields, and 11 fields
 * (late 2024, extras empty); the 2024 Căn cước layout is not established. So known positions are
 * read and every field after the 7th is kept in `extra`, never a reason to refuse.
 */
import { parseDdmmyyyy, type IsoDate } from './dates';
import { isValidIdNumber } from './id-number';
import { parseSex } from './citizen';
import { fail, ok, type DomainResult } from './result';

export interface CccdQr {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  dateOfBirth: IsoDate;
  sex: 'M' | 'F' | 'X';
  placeOfResidence: string;
  dateOfIssue?: IsoDate;
  /** Fields beyond the 7 known ones, verbatim. */
  extra: string[];
  fieldCount: number;
}

export type QrErrorCode = 'qr.empty' | 'qr.too_few_fields' | 'qr.bad_id_number' | 'qr.bad_date' | 'qr.too_long';

/** Real QR payloads are a few hundred bytes; anything far larger is not this card's code. */
const MAX_LENGTH = 4096;

export function parseCccdQr(payload: string): DomainResult<CccdQr, QrErrorCode> {
  const text = payload.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '').normalize('NFC');
  if (text.trim() === '') return fail('qr.empty', 'empty QR payload');
  if (text.length > MAX_LENGTH) return fail('qr.too_long', 'QR payload too long for an ID card');
  const f = text.split('|');
  if (f.length < 7) return fail('qr.too_few_fields', `expected at least 7 fields, got ${f.length}`);
  const [id = '', old = '', name = '', dob = '', sex = '', address = '', issue = ''] = f.map((s) => s.trim());
  if (!isValidIdNumber(id)) return fail('qr.bad_id_number', 'the first field is not a 12-digit ID number');
  const dateOfBirth = parseDdmmyyyy(dob);
  if (!dateOfBirth) return fail('qr.bad_date', 'date of birth is not ddmmyyyy');
  const dateOfIssue = issue === '' ? undefined : parseDdmmyyyy(issue);
  if (dateOfIssue === null) return fail('qr.bad_date', 'date of issue is not ddmmyyyy');
  return ok({
    idNumber: id,
    ...(old ? { oldIdNumber: old } : {}),
    fullName: name,
    dateOfBirth,
    sex: parseSex(sex),
    placeOfResidence: address,
    ...(dateOfIssue ? { dateOfIssue } : {}),
    extra: f.slice(7),
    fieldCount: f.length,
  });
}
