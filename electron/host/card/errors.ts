/**
 * Every failure of the card stack is a CardError with a code from this closed set. The bridge
 * passes the code to the renderer, which explains it to the officer (vi/en) with what to do next.
 * Messages are technical English and never contain personal data.
 */
export const CARD_ERROR_CODES = [
  'card.no_reader', // no reader attached / card service not running
  'card.no_card', // nothing on the reader
  'card.removed', // card left the field during the operation
  'card.timeout', // the card stopped answering
  'card.not_icao', // applet not found: not a chip ID card
  'card.access_denied', // BAC/PACE refused: wrong document number / dates / CAN
  'card.sm_invalid', // secure messaging MAC or format wrong: session aborted
  'card.file_not_found', // 6A82
  'card.file_locked', // 6982 on a file that needs EAC (DG3): expected, not fatal
  'card.protocol', // unexpected status word or malformed response
  'card.parse', // a file's content is malformed
  'card.crypto', // a cryptographic step failed (bad key, unsupported algorithm)
  'card.unsupported', // the card offers only something we do not implement
  'card.cancelled', // the officer stopped the read
  'card.reader_limit', // the reader cannot carry the card's answer (needs extended length): PC/SC insufficient buffer
  'card.file_too_large', // a file declares more bytes than any genuine one holds (DG2 > 1 MB, others > 64 KB)
] as const;
export type CardErrorCode = (typeof CARD_ERROR_CODES)[number];

export class CardError extends Error {
  constructor(
    readonly code: CardErrorCode,
    message: string,
    readonly sw?: number,
  ) {
    super(message);
    this.name = 'CardError';
  }
}

export function isCardError(e: unknown): e is CardError {
  return e instanceof CardError;
}
