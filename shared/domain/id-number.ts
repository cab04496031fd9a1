/**
 * The 12-digit citizen ID number `PPP C YY NNNNNN` (see docs cccd-chip.md). Only "12 digits" is
 * guaranteed since July 2024, so anything beyond that is decoded for cross-checks and reported
 * as warnings, never as a refusal.
 */
import { fromIso } from './dates';

export type Sex = 'M' | 'F' | 'X';

export interface IdNumberParts {
  provinceCode: string;
  /** The century/sex digit C. */
  centuryDigit: number;
  /** First year of the century C points at (1900, 2000, 2100 …). */
  century: number;
  sex: 'M' | 'F';
  /** Last two digits of the birth year. */
  yearDigits: string;
  /** Full year derived from C and YY. */
  birthYear: number;
  serial: string;
}

export type IdNumberWarning =
  | { code: 'id.province_out_of_range'; provinceCode: string }
  | { code: 'id.birth_year_mismatch'; fromNumber: number; fromDate: number }
  | { code: 'id.sex_mismatch'; fromNumber: 'M' | 'F'; declared: Sex };

export function isValidIdNumber(s: string): boolean {
  return /^\d{12}$/.test(s);
}

/** Removes spaces/dots/dashes people type or print between digit groups. */
export function normalizeIdNumber(s: string): string {
  return s.replace(/[\s.\-]/g, '');
}

export function decodeIdNumber(s: string): IdNumberParts | null {
  if (!isValidIdNumber(s)) return null;
  const c = Number(s[3]);
  const century = 1900 + Math.floor(c / 2) * 100;
  const yearDigits = s.slice(4, 6);
  return {
    provinceCode: s.slice(0, 3),
    centuryDigit: c,
    century,
    sex: c % 2 === 1 ? 'F' : 'M',
    yearDigits,
    birthYear: century + Number(yearDigits),
    serial: s.slice(6),
  };
}

/**
 * Warnings comparing the number with a date of birth (ISO) and sex from another source.
 * Returns [] for a number that is not 12 digits: the caller rejects that separately.
 */
export function checkIdNumberAgainst(s: string, dateOfBirth?: string, sex?: Sex): IdNumberWarning[] {
  const parts = decodeIdNumber(s);
  if (!parts) return [];
  const warnings: IdNumberWarning[] = [];
  const province = Number(parts.provinceCode);
  if (province < 1 || province > 96) warnings.push({ code: 'id.province_out_of_range', provinceCode: parts.provinceCode });
  const dob = dateOfBirth ? fromIso(dateOfBirth) : null;
  if (dob && dob.y !== parts.birthYear) {
    warnings.push({ code: 'id.birth_year_mismatch', fromNumber: parts.birthYear, fromDate: dob.y });
  }
  if (sex && sex !== 'X' && sex !== parts.sex) warnings.push({ code: 'id.sex_mismatch', fromNumber: parts.sex, declared: sex });
  return warnings;
}

/** BAC document number: the last 9 digits (strongly indicated, not officially documented). */
export function documentNumberFromId(s: string): string {
  return s.slice(-9);
}

/** PACE CAN: the last 6 digits. */
export function canFromId(s: string): string {
  return s.slice(-6);
}
