/**
 * In-process transport to a card object: the demo mode and unit tests use it with the virtual
 * CCCD, without pcscd. Inserting and removing are explicit calls, and the same ReaderWatcher
 * events come out as from the PC/SC watcher, so the app cannot tell the difference.
 */
import { CardError, isCardError } from '../errors';
import { ReaderSet } from './reader-set';
import type { CardTransport, ReaderListener, ReaderState, ReaderWatcher } from './transport';

/** Anything that answers APDUs. Throwing CardError('card.removed') means it left the field. */
export interface ApduProcessor {
  readonly atr: Uint8Array;
  process(apdu: Uint8Array): Uint8Array;
  /** Power-off / reset: forget the selected application and any secure-messaging session. */
  reset?(): void;
  /** How long a real link would take for this exchange (see the emulator's link model). */
  linkDelayMs?(command: Uint8Array, response: Uint8Array): number;
}

export interface MemoryReaderOptions {
  readerName?: string;
  extendedLength?: boolean;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class MemoryTransport implements CardTransport {
  private gone = false;
  constructor(
    readonly readerName: string,
    readonly extendedLength: boolean,
    private readonly card: ApduProcessor,
    private readonly onLeftField: () => void,
  ) {}

  detach(): void {
    this.gone = true;
  }

  async transmit(apdu: Uint8Array, maxResponse?: number): Promise<Uint8Array> {
    if (this.gone) throw new CardError('card.removed', 'card was removed from the simulated reader');
    let response: Uint8Array;
    try {
      response = this.card.process(Uint8Array.from(apdu));
    } catch (err) {
      if (isCardError(err) && err.code === 'card.removed') {
        this.onLeftField();
        throw err;
      }
      // The simulator crashing is a bug there, but the caller only ever sees CardError.
      throw new CardError('card.timeout', `simulated card did not answer: ${String(err)}`);
    }
    const delay = this.card.linkDelayMs?.(apdu, response) ?? 0;
    if (delay > 0) await sleep(delay);
    if (this.gone) throw new CardError('card.removed', 'card was removed from the simulated reader');
    // As PC/SC does (SCARD_E_INSUFFICIENT_BUFFER): an answer longer than the caller allowed is lost.
    if (maxResponse !== undefined && response.length > maxResponse) throw new CardError('card.reader_limit', 'answer longer than the receive buffer');
    return response;
  }
}

export class MemoryReaderWatcher implements ReaderWatcher {
  private readonly set = new ReaderSet();
  private current: MemoryTransport | undefined;
  readonly readerName: string;
  private readonly extendedLength: boolean;

  constructor(options: MemoryReaderOptions = {}) {
    this.readerName = options.readerName ?? 'Simulated reader 0';
    this.extendedLength = options.extendedLength ?? true;
    this.set.addReader(this.readerName);
  }

  subscribe(listener: ReaderListener): () => void {
    return this.set.subscribe(listener);
  }

  readers(): ReaderState[] {
    return this.set.readers();
  }

  transportFor(reader: string): CardTransport | undefined {
    return this.set.transportFor(reader);
  }

  /** Puts a card on the reader (replacing any card already there); returns its transport. */
  insert(card: ApduProcessor): CardTransport {
    this.remove();
    card.reset?.(); // entering the field powers the chip up afresh
    const transport = new MemoryTransport(this.readerName, this.extendedLength, card, () => this.remove());
    this.current = transport;
    this.set.cardInserted(this.readerName, card.atr, transport);
    return transport;
  }

  remove(): void {
    if (!this.current) return;
    this.current.detach();
    this.current = undefined;
    this.set.cardRemoved(this.readerName);
  }

  async close(): Promise<void> {
    this.remove();
    this.set.clear();
  }
}
