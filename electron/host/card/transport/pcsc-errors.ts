/**
 * pcsclite reports failures as Error messages ending in the PC/SC return code, e.g.
 * "SCardTransmit error: Card was removed.(0x80100069)". The code is the reliable part; map it
 * to the closed set of CardError codes so nothing above ever sees a driver-specific error.
 */
import { CardError, isCardError, type CardErrorCode } from '../errors';

// PC/SC return codes (winscard / pcsclite share them).
const REMOVED = new Set([
  0x80100069, // SCARD_W_REMOVED_CARD
  0x80100068, // SCARD_W_RESET_CARD: someone reset it, our session state is gone
  0x8010000c, // SCARD_E_NO_SMARTCARD
  0x80100067, // SCARD_W_UNPOWERED_CARD
]);
const TIMEOUT = new Set([
  0x8010000a, // SCARD_E_TIMEOUT
  0x80100066, // SCARD_W_UNRESPONSIVE_CARD
]);
const NO_READER = new Set([
  0x80100009, // SCARD_E_UNKNOWN_READER
  0x80100017, // SCARD_E_READER_UNAVAILABLE
  0x8010002e, // SCARD_E_NO_READERS_AVAILABLE
  0x8010001d, // SCARD_E_NO_SERVICE
  0x8010001e, // SCARD_E_SERVICE_STOPPED
]);
/** The reader or pcscd could not pass on what the card said: not the card's silence. */
const READER_LIMIT = new Set([
  0x80100008, // SCARD_E_INSUFFICIENT_BUFFER: the answer is longer than we allowed (> 256 bytes to a short command)
]);
/** The request itself did not suit the reader or the card: a protocol matter, not a timeout. */
const PROTOCOL = new Set([
  0x80100004, // SCARD_E_INVALID_PARAMETER
  0x80100011, // SCARD_E_INVALID_VALUE
  0x8010000f, // SCARD_E_PROTO_MISMATCH
  0x80100022, // SCARD_E_UNSUPPORTED_FEATURE
  0x8010001f, // SCARD_E_UNEXPECTED
]);
/** Codes that say only "the exchange failed": the card may have left, or may just be slow. */
const AMBIGUOUS = new Set([
  0x80100016, // SCARD_E_NOT_TRANSACTED
  0x8010002f, // SCARD_E_COMM_DATA_LOST
  0x80100001, // SCARD_F_INTERNAL_ERROR
  0x80100014, // SCARD_F_UNKNOWN_ERROR
]);

export function pcscReturnCode(err: unknown): number | undefined {
  // nfc-pcsc wraps the pcsclite error in `previous`.
  const chain: unknown[] = [err];
  if (typeof err === 'object' && err !== null && 'previous' in err) chain.push(err.previous);
  for (const e of chain) {
    const m = e instanceof Error ? /0x([0-9a-f]{8})/i.exec(e.message) : null;
    if (m?.[1]) return parseInt(m[1], 16);
  }
  return undefined;
}

/** pcscd itself is gone (stopped, restarted, crashed): the context must be made again. */
const SERVICE_LOST = new Set([
  0x8010001d, // SCARD_E_NO_SERVICE
  0x8010001e, // SCARD_E_SERVICE_STOPPED
  0x80100013, // SCARD_F_COMM_ERROR: the RPC link to pcscd broke
]);

export function isServiceLost(err: unknown): boolean {
  const code = pcscReturnCode(err);
  return code !== undefined && SERVICE_LOST.has(code);
}

export function isAmbiguousPcscFailure(err: unknown): boolean {
  const code = pcscReturnCode(err);
  return code === undefined || AMBIGUOUS.has(code);
}

export function toCardError(err: unknown, context: string, fallback: CardErrorCode = 'card.timeout'): CardError {
  if (isCardError(err)) return err;
  const code = pcscReturnCode(err);
  const hex = code === undefined ? 'no PC/SC code' : `0x${code.toString(16)}`;
  let mapped: CardErrorCode = fallback;
  if (code !== undefined && REMOVED.has(code)) mapped = 'card.removed';
  else if (code !== undefined && TIMEOUT.has(code)) mapped = 'card.timeout';
  else if (code !== undefined && NO_READER.has(code)) mapped = 'card.no_reader';
  else if (code !== undefined && READER_LIMIT.has(code)) mapped = 'card.reader_limit';
  else if (code !== undefined && PROTOCOL.has(code)) mapped = 'card.protocol';
  return new CardError(mapped, `${context} failed (${hex})`);
}
