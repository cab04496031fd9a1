/**
 * One card on one PC/SC reader: exchanges are queued (pcsclite allows one at a time per handle),
 * bounded by a timeout, and every failure becomes a CardError. Detached when the card leaves:
 * from then on it only says 'card.removed'.
 */
import { CardError, isCardError } from '../errors';
import type { NfcReader } from './nfc-pcsc-loader';
import { isAmbiguousPcscFailure, toCardError } from './pcsc-errors';
import type { CardTransport } from './transport';

const SHORT_MAX_RESPONSE = 258; // 256 data bytes + SW, the short-APDU maximum
const EXTENDED_MAX_RESPONSE = 65538;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class PcscTransport implements CardTransport {
  private detached = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly reader: NfcReader,
    readonly extendedLength: boolean,
    private readonly timeoutMs: number,
    private readonly stillPresent: () => boolean,
  ) {}

  get readerName(): string {
    return this.reader.name;
  }

  detach(): void {
    this.detached = true;
  }

  transmit(apdu: Uint8Array, maxResponse?: number): Promise<Uint8Array> {
    // pcsclite allows one exchange at a time per handle; queue rather than interleave.
    const run = this.queue.then(() => this.transmitNow(apdu, maxResponse));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async transmitNow(apdu: Uint8Array, maxResponse?: number): Promise<Uint8Array> {
    if (this.detached) throw new CardError('card.removed', 'card was removed from the reader');
    const max = maxResponse ?? (this.extendedLength ? EXTENDED_MAX_RESPONSE : SHORT_MAX_RESPONSE);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CardError('card.timeout', `no answer from the card within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      const response = await Promise.race([this.reader.transmit(Buffer.from(apdu), max), timeout]);
      // No status word at all: the reader lost the card mid-exchange (vpcd does this when the
      // card goes; some contactless readers too). Classified below like any lost exchange.
      if (response.length < 2) throw new CardError('card.protocol', 'response without a status word');
      return new Uint8Array(response.buffer, response.byteOffset, response.byteLength).slice();
    } catch (err) {
      throw await this.classify(err);
    } finally {
      clearTimeout(timer);
    }
  }

  private async classify(err: unknown): Promise<CardError> {
    if (this.detached) return new CardError('card.removed', 'card was removed from the reader');
    if (isAmbiguousPcscFailure(err)) {
      // "Transaction failed" arrives before the reader's removal event; give it a moment.
      await sleep(150);
      if (this.detached || !this.stillPresent()) {
        return new CardError('card.removed', 'card left the field during the exchange');
      }
      // Still on the reader: the answer was lost (tag lost); the caller may re-open and resume.
      return isCardError(err) && err.code === 'card.timeout' ? err : new CardError('card.timeout', 'the card did not answer (exchange lost)');
    }
    return toCardError(err, 'APDU exchange');
  }
}
