import { describe, expect, it } from 'vitest';
import { isValidCheckDigit, mrzCheckDigit, toMrzField } from './mrz-check';

describe('ICAO 7-3-1 check digit', () => {
  it('matches the ICAO 9303 Part 3 examples', () => {
    // Document number and dates of the specimen in ICAO 9303 Part 11 Appendix D (BAC worked example).
    expect(mrzCheckDigit('L898902C<')).toBe(3);
    expect(mrzCheckDigit('690806')).toBe(1);
    expect(mrzCheckDigit('940623')).toBe(6);
    expect(mrzCheckDigit('D23145890')).toBe(7);
  });
  it('rejects characters outside the MRZ alphabet and handles fillers', () => {
    expect(mrzCheckDigit('abc')).toBeNull();
    expect(isValidCheckDigit('<<<<', '<')).toBe(true);
    expect(isValidCheckDigit('1234', '<')).toBe(false);
    expect(isValidCheckDigit('690806', '1')).toBe(true);
    expect(toMrzField('ab-1', 6)).toBe('AB<1<<');
  });
});
