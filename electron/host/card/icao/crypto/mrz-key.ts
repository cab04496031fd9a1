import { CardError } from '../../errors';
import { mrzCheckDigit } from '../../../../../shared/domain/mrz-check';
import { sha1 } from './kdf';

/** ICAO 9303-3 check digit (7-3-1), from shared/domain; a foreign character is a parse error here. */
export function checkDigit(field: string): number {
  const d = mrzCheckDigit(field);
  if (d === null) throw new CardError('card.parse', 'MRZ field has a character outside 0-9 A-Z <');
  return d;
}

export interface MrzKeyInput {
  documentNumber: string;
  /** YYMMDD */
  dateOfBirth: string;
  /** YYMMDD */
  dateOfExpiry: string;
}

/**
 * The "MRZ information" of 9303-11 §9.7.2: document number (padded with '<' to 9), date of
 * birth and date of expiry, each followed by its check digit.
 */
export function mrzInformation(input: MrzKeyInput): string {
  const doc = input.documentNumber.toUpperCase().padEnd(9, '<');
  for (const d of [input.dateOfBirth, input.dateOfExpiry]) {
    // '<<<<<<' is the filler a card without expiry may carry in its MRZ (check digit 0).
    if (!/^(\d{6}|<{6})$/.test(d)) throw new CardError('card.parse', 'MRZ date must be YYMMDD or <<<<<<');
  }
  return (
    doc +
    checkDigit(doc) +
    input.dateOfBirth +
    checkDigit(input.dateOfBirth) +
    input.dateOfExpiry +
    checkDigit(input.dateOfExpiry)
  );
}

/** SHA-1 of the MRZ information: BAC takes the first 16 bytes (Kseed), PACE all 20 bytes. */
export function mrzHash(input: MrzKeyInput): Uint8Array {
  return sha1(new TextEncoder().encode(mrzInformation(input)));
}

export function bacKeySeed(input: MrzKeyInput): Uint8Array {
  return mrzHash(input).slice(0, 16);
}
