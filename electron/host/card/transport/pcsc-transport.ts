/**
 * PC/SC readers through nfc-pcsc. nfc-pcsc's automatic processing (UID read, its own SELECT with
 * P2=00) is wrong for an eMRTD, so it is switched off and each card gets a PcscTransport that
 * only moves our APDUs. Every failure leaves here as a CardError.
 */
import { CardError } from '../errors';
import { createNfc, type NfcContext, type NfcReader } from './nfc-pcsc-loader';
import { PcscTransport } from './pcsc-card-transport';
import { toCardError } from './pcsc-errors';
import { pcscSocketPath, probePcscService } from './pcsc-service';
import { ReaderSet } from './reader-set';
import type { CardTransport, ReaderListener, ReaderState, ReaderWatcher } from './transport';

export interface PcscWatcherOptions {
  /** Readers known to pass extended-length APDUs (by name substring); others get short APDUs. */
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
    this.nfc?.removeAllListeners();
    this.nfc?.on('error', ignore);
    this.nfc?.close();
    this.nfc = undefined;
    this.set.clear();
  }

  private async connectService(): Promise<void> {
    if (this.closed) return;
    if (!(await probePcscService())) {
      this.serviceFailed(new CardError('card.no_reader', `PC/SC service (pcscd) is not running: no socket at ${pcscSocketPath()}`));
      this.retryTimer = setTimeout(() => void this.connectService(), this.options.serviceRetryMs ?? 2000);
      this.retryTimer.unref();
      return;
    }
    const nfc = createNfc();
    this.nfc = nfc;
    this.lastServiceError = undefined;
    nfc.on('reader', (reader: NfcReader) => this.attach(reader));
    nfc.on('error', (err: unknown) => this.serviceFailed(toCardError(err, 'PC/SC service', 'card.no_reader')));
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
      const ext = (this.options.extendedLengthReaders ?? []).some((s) => name.includes(s));
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
    });
    reader.on('error', (err: unknown) => {
      this.set.emit({ type: 'service-error', error: toCardError(err, `reader ${name}`, 'card.no_reader') });
    });
  }

  private dropCard(name: string): void {
    this.transports.get(name)?.detach();
    this.transports.delete(name);
    this.set.cardRemoved(name);
  }
}
