/** Response helpers for the card side. */
import { encodeResponse, type ResponseApdu } from '../../card/iso7816/apdu';

export const ok = (data: Uint8Array = new Uint8Array()): ResponseApdu => ({ data, sw: 0x9000 });
export const sw = (code: number): ResponseApdu => ({ data: new Uint8Array(), sw: code });
export const encode = encodeResponse;

export const SWC = {
  OK: 0x9000,
  END_OF_FILE: 0x6282,
  AUTH_FAILED: 0x6300,
  WRONG_LENGTH: 0x6700,
  SECURITY: 0x6982,
  CONDITIONS: 0x6985,
  SM_MISSING: 0x6987,
  SM_INCORRECT: 0x6988,
  WRONG_DATA: 0x6a80,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6a86,
  REF_NOT_FOUND: 0x6a88,
  WRONG_OFFSET: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;
