/**
 * Reader presence from the PC/SC service through nfc-pcsc. nfc-pcsc's own card processing is
 * switched off (`autoProcessing = false`): the card stack sends its own APDUs.
 * When pcscd is not running, pcsclite reports an error; we show "unavailable" and keep
 * listening, since pcsclite retries by itself and readers appear once the service is up.
 */
import { createNfc, type NfcContext, type NfcReader as Reader } from '../card/transport/nfc-pcsc-loader';
import type { Logger } from '../log';
import type { ReaderSnapshot, ReaderSource } from './reader-source';

export class PcscReaderSource implements ReaderSource {
  private readonly nfc: NfcContext;
  private readonly readers = new Map<string, { reader: Reader; cardPresent: boolean }>();
  private readonly listeners = new Set<() => void>();
  private service: ReaderSnapshot['service'] = 'starting';
  private readonly startTimer: NodeJS.Timeout;

  constructor(private readonly log: Logger) {
    this.nfc = createNfc();
    // pcsclite gives no "ready" signal when the service is up but no reader is attached.
    this.startTimer = setTimeout(() => this.setService(this.service === 'starting' ? 'ok' : this.service), 1500);
    this.nfc.on('reader', (reader: Reader) => this.addReader(reader));
    this.nfc.on('error', (err: Error) => {
      this.log.warn('pcsc.error', { error: err });
      this.setService('unavailable');
    });
  }

  /** The underlying nfc-pcsc instance, shared with the card transport. */
  get instance(): NfcContext {
    return this.nfc;
  }

  private addReader(reader: Reader): void {
    reader.autoProcessing = false;
    const name = reader.name;
    this.readers.set(name, { reader, cardPresent: false });
    this.setService('ok');
    reader.on('card', () => this.setCard(name, true));
    reader.on('card.off', () => this.setCard(name, false));
    reader.on('error', (err: Error) => this.log.warn('pcsc.reader_error', { reader: name, error: err }));
    reader.on('end', () => {
      this.readers.delete(name);
      this.changed();
    });
    this.changed();
  }

  private setCard(name: string, present: boolean): void {
    const r = this.readers.get(name);
    if (!r) return;
    r.cardPresent = present;
    this.changed();
  }

  private setService(s: ReaderSnapshot['service']): void {
    if (this.service === s) return;
    this.service = s;
    this.changed();
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  snapshot(): ReaderSnapshot {
    return {
      service: this.service,
      readers: [...this.readers.entries()].map(([name, r]) => ({ name, cardPresent: r.cardPresent, simulated: false })),
    };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    clearTimeout(this.startTimer);
        this.nfc.close();
  }
}
