/**
 * DG1: the TD1 MRZ (3 lines of 30) inside 61 { 5F1F }. Every check digit is verified and the
 * failures are returned (not thrown): a reader shows the officer a wrong check digit, it does not
 * hide the card. The Vietnamese ID number sits at the start of optional data 1.
 */
import { isValidCheckDigit } from '../../../../../shared/domain/mrz-check';
import { APPLICATION, decodeFile, guardParse, parseError, requireChild, valueBytes } from './der';

export type MrzCheck = 'documentNumber' | 'dateOfBirth' | 'dateOfExpiry' | 'composite';

export interface Dg1 {
  mrz: string;
  lines: [string, string, string];
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  optionalData1: string;
  /** YYMMDD as written; use parseYymmdd for a calendar date. */
  dateOfBirth: string;
  sex: 'M' | 'F' | 'X';
  dateOfExpiry: string;
  nationality: string;
  optionalData2: string;
  /** The name field as written, e.g. `NGUYEN<<VAN<A`. */
  nameField: string;
  surname: string;
  givenNames: string;
  /** The 12-digit ID number from the optional data, when present. */
  idNumber?: string;
  failedChecks: MrzCheck[];
}

const ascii = new TextDecoder('latin1');

export function parseDg1(bytes: Uint8Array): Dg1 {
  return guardParse('DG1', () => {
    const root = decodeFile(bytes, 1, 'DG1');
    const mrz = ascii.decode(valueBytes(requireChild(root, APPLICATION, 31, 'DG1')));
    return parseTd1(mrz);
  });
}

/** Parses a 90-character TD1 MRZ (line breaks tolerated). */
export function parseTd1(text: string): Dg1 {
  const mrz = text.replace(/[\r\n]/g, '');
  if (mrz.length !== 90) throw parseError('DG1', `TD1 MRZ must be 90 characters, got ${mrz.length}`);
  const l1 = mrz.slice(0, 30);
  const l2 = mrz.slice(30, 60);
  const l3 = mrz.slice(60, 90);
  const failed: MrzCheck[] = [];

  let documentNumber = l1.slice(5, 14);
  let docCheck = l1.slice(14, 15);
  let optionalData1 = l1.slice(15, 30);
  // 9303-5 §4.2.2: a number longer than 9 continues in the optional data, its check digit after it.
  if (docCheck === '<' && /[^<]/.test(optionalData1)) {
    const end = optionalData1.indexOf('<');
    const tail = end === -1 ? optionalData1 : optionalData1.slice(0, end);
    documentNumber += tail.slice(0, -1);
    docCheck = tail.slice(-1);
    optionalData1 = end === -1 ? '' : optionalData1.slice(end + 1);
  }
  if (!isValidCheckDigit(documentNumber, docCheck)) failed.push('documentNumber');
  const dateOfBirth = l2.slice(0, 6);
  if (!isValidCheckDigit(dateOfBirth, l2.slice(6, 7))) failed.push('dateOfBirth');
  const dateOfExpiry = l2.slice(8, 14);
  if (!isValidCheckDigit(dateOfExpiry, l2.slice(14, 15))) failed.push('dateOfExpiry');
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  if (!isValidCheckDigit(composite, l2.slice(29, 30))) failed.push('composite');

  const sexChar = l2.slice(7, 8);
  const [surname = '', given = ''] = l3.split('<<');
  const idMatch = /^(\d{12})/.exec(optionalData1) ?? /(\d{12})/.exec(l1.slice(15, 30) + l2.slice(18, 29));
  const strip = (s: string): string => s.replace(/<+$/g, '');
  return {
    mrz,
    lines: [l1, l2, l3],
    documentCode: strip(l1.slice(0, 2)),
    issuingState: strip(l1.slice(2, 5)),
    documentNumber: strip(documentNumber),
    optionalData1: strip(optionalData1),
    dateOfBirth,
    sex: sexChar === 'M' ? 'M' : sexChar === 'F' ? 'F' : 'X',
    dateOfExpiry,
    nationality: strip(l2.slice(15, 18)),
    optionalData2: strip(l2.slice(18, 29)),
    nameField: strip(l3),
    surname: surname.replace(/<+/g, ' ').trim(),
    givenNames: given.replace(/<+/g, ' ').trim(),
    ...(idMatch?.[1] ? { idNumber: idMatch[1] } : {}),
    failedChecks: failed,
  };
}
