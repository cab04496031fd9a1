import { CardError, type CardErrorCode } from '../errors';
import type { ResponseApdu } from './apdu';

/** Status words the card stack reacts to (ISO/IEC 7816-4 §5.6, ICAO 9303-11 §9.8). */
export const SW = {
  OK: 0x9000,
  MORE_DATA: 0x6100, // 61xx: xx bytes wait for GET RESPONSE
  WRONG_LE: 0x6c00, // 6Cxx: re-issue with Le = xx
  END_OF_FILE: 0x6282, // fewer bytes than Le: end of file reached
  VERIFY_FAILED: 0x6300, // authentication failed (BAC/PACE)
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  AUTH_BLOCKED: 0x6983,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  SM_DATA_MISSING: 0x6987,
  SM_DATA_INCORRECT: 0x6988,
  WRONG_DATA: 0x6a80,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6a86,
  REFERENCED_DATA_NOT_FOUND: 0x6a88,
  WRONG_OFFSET: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

/** 61xx: xx more bytes are waiting for GET RESPONSE (xx = 00 means 256). */
export function isMoreData(sw: number): boolean {
  return (sw & 0xff00) === 0x6100;
}

/** 6Cxx: wrong Le, the card says xx is right (00 = 256). */
export function isWrongLe(sw: number): boolean {
  return (sw & 0xff00) === 0x6c00;
}

/** The byte count carried by 61xx / 6Cxx. */
export function swLength(sw: number): number {
  return (sw & 0xff) === 0 ? 256 : sw & 0xff;
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * `file`: the SW answered a SELECT/READ; `auth`: it answered an access-control step, where
 * 6300/6982 mean "wrong key material" rather than "locked file".
 */
export type StatusContext = 'file' | 'auth' | 'other';

function codeFor(sw: number, context: StatusContext): CardErrorCode {
  if (sw === SW.SM_DATA_MISSING || sw === SW.SM_DATA_INCORRECT) return 'card.sm_invalid';
  if (context === 'auth') {
    if (sw === SW.VERIFY_FAILED || (sw & 0xfff0) === 0x63c0) return 'card.access_denied';
    if (sw === SW.SECURITY_NOT_SATISFIED || sw === SW.AUTH_BLOCKED) return 'card.access_denied';
    if (sw === SW.WRONG_DATA || sw === SW.REFERENCED_DATA_NOT_FOUND) return 'card.access_denied';
    if (sw === SW.FUNCTION_NOT_SUPPORTED || sw === SW.INS_NOT_SUPPORTED) return 'card.unsupported';
    return 'card.protocol';
  }
  if (sw === SW.FILE_NOT_FOUND) return 'card.file_not_found';
  if (sw === SW.SECURITY_NOT_SATISFIED) return 'card.file_locked';
  return 'card.protocol';
}

export function statusError(sw: number, operation: string, context: StatusContext = 'other'): CardError {
  return new CardError(codeFor(sw, context), `${operation}: unexpected status ${swHex(sw)}`, sw);
}

/** Returns the data when SW = 9000 (or one of `accept`), else throws the matching CardError. */
export function expectOk(
  resp: ResponseApdu,
  operation: string,
  context: StatusContext = 'other',
  accept: readonly number[] = [],
): Uint8Array {
  if (resp.sw === SW.OK || accept.includes(resp.sw)) return resp.data;
  throw statusError(resp.sw, operation, context);
}
