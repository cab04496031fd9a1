import { describe, expect, it } from 'vitest';
import { isAmbiguousPcscFailure, pcscReturnCode, toCardError } from './pcsc-errors';

// Messages as @pokusew/pcsclite formats them, wrapped the way nfc-pcsc wraps them.
const pcsc = (text: string) => new Error(text);
const wrapped = (inner: Error) => Object.assign(new Error('An error occurred while transmitting.'), { previous: inner });

describe('PC/SC error mapping', () => {
  it('reads the return code from the message, also through nfc-pcsc wrapping', () => {
    expect(pcscReturnCode(pcsc('SCardTransmit error: Card was removed.(0x80100069)'))).toBe(0x80100069);
    expect(pcscReturnCode(wrapped(pcsc('SCardTransmit error: Card was removed.(0x80100069)')))).toBe(0x80100069);
    expect(pcscReturnCode(new Error('no code here'))).toBeUndefined();
  });

  it.each([
    ['Card was removed.(0x80100069)', 'card.removed'],
    ['Card was reset.(0x80100068)', 'card.removed'],
    ['No smart card inserted.(0x8010000C)', 'card.removed'],
    ['Command timeout.(0x8010000A)', 'card.timeout'],
    ['Card is unresponsive.(0x80100066)', 'card.timeout'],
    ['Service not available.(0x8010001D)', 'card.no_reader'],
    ['Reader is unavailable.(0x80100017)', 'card.no_reader'],
    // A card sending more than 256 bytes to a short command: the reader's limit, not a silent card.
    ['Insufficient buffer.(0x80100008)', 'card.reader_limit'],
    ['Invalid parameter given.(0x80100004)', 'card.protocol'],
    ['Card protocol mismatch.(0x8010000F)', 'card.protocol'],
  ])('%s -> %s', (message, code) => {
    expect(toCardError(wrapped(pcsc(`SCardTransmit error: ${message}`)), 'APDU exchange').code).toBe(code);
  });

  it('calls "transaction failed" and a missing code ambiguous (the caller checks presence)', () => {
    expect(isAmbiguousPcscFailure(pcsc('SCardTransmit error: Transaction failed.(0x80100016)'))).toBe(true);
    expect(isAmbiguousPcscFailure(new Error('response without a status word'))).toBe(true);
    expect(isAmbiguousPcscFailure(pcsc('Card was removed.(0x80100069)'))).toBe(false);
  });
});
