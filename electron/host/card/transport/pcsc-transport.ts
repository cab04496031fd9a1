/**
 * PC/SC readers through nfc-pcsc. nfc-pcsc's automatic processing (UID read, its own SELECT with
 * P2=00) is wrong for an eMRTD, so it is switched off and each card gets a PcscTransport that
 * only moves our APDUs. Every failure leaves here as a CardError.
 */
import { CardError } from '../errors';
import { createNfc, type NfcContext, type NfcReader } from './nfc-pcsc-loader';
import { PcscTransport } from './pcsc-card-transport';
import { isServiceLost, toCardError } from './pcsc-errors';
import { pcscSocketPath, probePcscService } from './pcsc-service';
import { ReaderSet } from './reader-set';
import type { CardTransport, ReaderListener, ReaderState, ReaderWatcher } from './transport';

/**
 * Readers whose CCID firmware is expected to pass extended-length APDUs (docs/cccd-chip.md:
 * newer CCID readers usually do, PN53x-based ones do not), by name substring. Only a first
 * guess: the file reader falls back to short reads on 6700, 6Cxx or a transport error, and the
 * chunk size that worked is kept per reader. vpcd passes extended APDUs too.
 */
export const DEFAULT_EXTENDED_LENGTH_READERS = ['ACR1252', 'ACR1552', 'OMNIKEY 5022', 'OMNIKEY 5422', 'OMNIKEY 5427', 'Virtual PCD'];

export interface PcscWatcherOptions {
  /** Readers believed to pass extended-length APDUs (name substrings); others get short APDUs. */
  extendedLengthReaders?: string[];
  /** A card that says nothing for this long is declared 'card.timeout' (tag lost mid-exchange). */
  transmitTimeoutMs?: number;
  /** How often to look for pcscd again while it is not running. */
  serviceRetryMs?: number;
}

export class PcscReaderWatcher implements ReaderWatcher {
  private readonly set = new ReaderSet();
  private readonly transports = new Map<string, PcscTransport>();
  private readonly readerObjects = new Set<NfcReader>();
  private nfc: NfcContext | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private lastServiceError: CardError | undefined;

  private constructor(private readonly options: PcscWatcherOptions) {}

  /**
   * Starts watching. Never hangs and never throws when pcscd is missing: subscribers get a
   * 'service-error' event with CardError('card.no_reader') and the watcher keeps looking.
   */
  static async start(options: PcscWatcherOptions = {}): Promise<PcscReaderWatcher> {
    const watcher = new PcscReaderWatcher(options);
    await watcher.connectService();
    return watcher;
  }

  /** True when connected to pcscd (false while it is missing). */
  get serviceAvailable(): boolean {
    return this.nfc !== undefined;
  }

  /** The last service failure, for a subscriber that arrives after the event (cleared on connect). */
  get serviceError(): CardError | undefined {
    return this.lastServiceError;
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

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.dropContext(false);
    this.set.clear();
  }

  /**
   * Lets go of the pcsclite context and everything on it. `announce`: tell subscribers the
   * readers are gone (pcscd died) rather than silently forgetting them (we are closing).
   */
  private async dropContext(announce: boolean): Promise<void> {
    for (const t of this.transports.values()) t.detach();
    this.transports.clear();
    // pcsclite still reports the cancelled status waits after close: keep a sink for them,
    // since an EventEmitter 'error' without a listener would crash the process.
    const ignore = () => undefined;
    for (const r of this.readerObjects) {
      r.removeAllListeners();
      r.on('error', ignore);
      if (r.reader.connected) await r.disconnect().catch(() => undefined);
    }
    this.readerObjects.clear();
    if (announce) for (const r of this.set.readers()) this.set.removeReader(r.name);
    const nfc = this.nfc;
    this.nfc = undefined;
    nfc?.removeAllListeners();
    nfc?.on('error', ignore);
    nfc?.close();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connectService(), this.options.serviceRetryMs ?? 2000);
    this.retryTimer.unref();
  }

  private async connectService(): Promise<void> {
    if (this.closed) return;
    if (!(await probePcscService())) {
      this.serviceFailed(new CardError('card.no_reader', `PC/SC service (pcscd) is not running: no socket at ${pcscSocketPath()}`));
      this.scheduleReconnect();
      return;
    }
    const nfc = createNfc();
    this.nfc = nfc;
    this.lastServiceError = undefined;
    nfc.on('reader', (reader: NfcReader) => this.attach(reader));
    // A context-level error means pcscd went away; so does a reader error saying the service is
    // gone. pcsclite's context does not recover by itself, so start over: drop it, announce
    // the readers gone, and look for pcscd again.
    nfc.on('error', (err: unknown) => this.contextLost(nfc, toCardError(err, 'PC/SC service', 'card.no_reader')));
  }

  private contextLost(nfc: NfcContext, error: CardError): void {
    this.serviceFailed(error);
    // Outside the emitting callback, to stay out of pcsclite's own stack.
    setImmediate(() => {
      if (this.nfc !== nfc) return; // already handled: several errors arrive together
      void this.dropContext(true).then(() => this.scheduleReconnect());
    });
  }

  private serviceFailed(error: CardError): void {
    this.lastServiceError = error;
    this.set.emit({ type: 'service-error', error });
  }

  private attach(reader: NfcReader): void {
    reader.autoProcessing = false;
    this.readerObjects.add(reader);
    const name = reader.name;
    this.set.addReader(name);
    reader.on('card', (card: { atr?: Buffer }) => {
      this.transports.get(name)?.detach();
      const atr = card.atr ? Uint8Array.from(card.atr) : new Uint8Array();
      const ext = (this.options.extendedLengthReaders ?? DEFAULT_EXTENDED_LENGTH_READERS).some((s) => name.includes(s));
      const transport = new PcscTransport(reader, ext, this.options.transmitTimeoutMs ?? 10_000, () =>
        this.set.cardPresent(name),
      );
      this.transports.set(name, transport);
      this.set.cardInserted(name, atr, transport);
    });
    reader.on('card.off', () => this.dropCard(name));
    reader.on('end', () => {
      this.dropCard(name);
      this.readerObjects.delete(reader);
      this.set.removeReader(name);
      // The last reader gone may mean pcscd is gone without a service error: check its socket.
      const nfc = this.nfc;
      if (this.readerObjects.size === 0 && nfc) {
        void probePcscService().then((up) => {
          if (!up) this.contextLost(nfc, new CardError('card.no_reader', 'PC/SC service (pcscd) stopped'));
        });
      }
    });
    reader.on('error', (err: unknown) => {
      const error = toCardError(err, `reader ${name}`, 'card.no_reader');
      if (isServiceLost(err) && this.nfc) this.contextLost(this.nfc, error);
      else this.set.emit({ type: 'service-error', error });
    });
  }

  private dropCard(name: string): void {
    this.transports.get(name)?.detach();
    this.transports.delete(name);
    this.set.cardRemoved(name);
  }
}
