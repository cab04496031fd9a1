/**
 * The lowest layer of the card stack: move APDU bytes to a card and tell who is listening when
 * readers and cards come and go. Everything above (ISO 7816, secure messaging, LDS) takes a
 * CardTransport as a parameter, so the same code runs on a PC/SC reader, on the in-process
 * simulator (demo mode, unit tests) and on the virtual card behind pcscd (integration tests).
 */
import type { CardError } from '../errors';

export interface CardTransport {
  readonly readerName: string;
  /**
   * Whether the reader is believed to pass extended-length APDUs. Only a hint: the file reader
   * still discovers what the reader and the card accept together and falls back on 6700/6Cxx.
   */
  readonly extendedLength: boolean;
  /**
   * Sends one command APDU and resolves with the whole response (data + SW1 SW2).
   * Rejects only with CardError: 'card.removed', 'card.timeout', 'card.no_reader',
   * 'card.reader_limit' (the answer did not fit `maxResponse`) or 'card.protocol'.
   */
  transmit(apdu: Uint8Array, maxResponse?: number): Promise<Uint8Array>;
}

export type ReaderEvent =
  | { type: 'reader-added'; reader: string }
  | { type: 'reader-removed'; reader: string }
  | { type: 'card-inserted'; reader: string; atr: Uint8Array; transport: CardTransport }
  | { type: 'card-removed'; reader: string }
  /** The card service itself is missing or stopped (pcscd not running): nothing will arrive. */
  | { type: 'service-error'; error: CardError };

export interface ReaderState {
  name: string;
  cardPresent: boolean;
  atr?: Uint8Array;
}

export type ReaderListener = (event: ReaderEvent) => void;

export interface ReaderWatcher {
  /** Subscribes to changes; returns an unsubscribe function. */
  subscribe(listener: ReaderListener): () => void;
  /** What is known right now (a late subscriber reads this instead of replayed events). */
  readers(): ReaderState[];
  /** The transport of the card currently on `reader`, if any. */
  transportFor(reader: string): CardTransport | undefined;
  close(): Promise<void>;
}
