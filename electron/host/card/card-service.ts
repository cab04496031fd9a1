/**
 * The host's card reader service: one read at a time, on the chosen reader, waiting for the card
 * if needed, trying each access key, with progress events and typed errors for the officer.
 */
import { randomBytes } from 'node:crypto';
import type { AccessInput, CardReadView } from '../../../shared/contract/card';
import { isoDateAt } from '../../../shared/domain/dates';
import { HostError } from '../bridge/host-error';
import type { EventHub } from '../events';
import type { Logger } from '../log';
import { accessKeyCandidates } from './access-keys';
import { CardError, isCardError } from './errors';
import type { TrustStore } from './icao/auth/trust-store';
import { ChunkPolicies } from './icao/lds/file-reader';
import { readCard, type CardReadResult } from './read-card';
import { readView, type Claimed } from './read-view';
import type { CardTransport, ReaderWatcher } from './transport/transport';

export interface CardServiceOptions {
  watcher: ReaderWatcher;
  /** Asked before each verification, so a store changed on disk is seen. */
  trustStore: () => TrustStore | Promise<TrustStore>;
  hub: EventHub;
  log: Logger;
  preferredReader: string | null;
  /** How long to wait for a card to be placed (default 60 s). */
  cardWaitMs?: number;
}

/** How long a read's raw files wait for the dossier they belong to. */
export const RAW_FILES_MAX_AGE_MS = 30 * 60_000;

export class CardService {
  private busy = false;
  private cancelWait: (() => void) | null = null;
  /** Set by cancel() while a read runs: the next APDU ends it. */
  private cancelRequested = false;
  private readonly policies = new ChunkPolicies();
  /** The last read's raw files, for the dossier started from it; one slot, dropped when taken or stale. */
  private lastRead: { readId: string; idNumber: string; files: Map<number, Uint8Array>; portrait: string | null; overall: CardReadView['verification']['overall']; at: number } | null = null;

  constructor(private readonly opts: CardServiceOptions) {}

  private pickReader(requested?: string): string {
    const readers = this.opts.watcher.readers();
    if (readers.length === 0) throw new CardError('card.no_reader', 'no card reader attached');
    const byName = (n: string | null | undefined) => (n ? readers.find((r) => r.name === n) : undefined);
    const chosen = byName(requested) ?? readers.find((r) => r.cardPresent) ?? byName(this.opts.preferredReader) ?? readers[0]!;
    return chosen.name;
  }

  private waitForCard(reader: string): Promise<CardTransport> {
    const { watcher } = this.opts;
    const existing = watcher.readers().find((r) => r.name === reader && r.cardPresent) && watcher.transportFor(reader);
    if (existing) return Promise.resolve(existing);
    this.opts.hub.emit('card.progress', { step: 'waiting_card', fraction: 0 });
    return new Promise((resolve, reject) => {
      const done = (err: CardError | null, t?: CardTransport) => {
        clearTimeout(timer);
        unsubscribe();
        this.cancelWait = null;
        if (err) reject(err);
        else resolve(t!);
      };
      const timer = setTimeout(() => done(new CardError('card.no_card', 'no card placed in time')), this.opts.cardWaitMs ?? 60_000);
      const unsubscribe = watcher.subscribe((e) => {
        if (e.type === 'card-inserted' && e.reader === reader) done(null, e.transport);
        if (e.type === 'reader-removed' && e.reader === reader) done(new CardError('card.no_reader', 'the reader was unplugged'));
      });
      this.cancelWait = () => done(new CardError('card.cancelled', 'cancelled by the officer'));
    });
  }

  cancel(): boolean {
    if (!this.busy) return false;
    if (this.cancelWait) this.cancelWait();
    else this.cancelRequested = true;
    return true;
  }

  /** The card's transport, stopping at the next APDU once the officer cancels. */
  private cancellable(transport: CardTransport): CardTransport {
    return {
      readerName: transport.readerName,
      extendedLength: transport.extendedLength,
      transmit: (apdu, maxResponse) => {
        if (this.cancelRequested) return Promise.reject(new CardError('card.cancelled', 'cancelled by the officer'));
        return transport.transmit(apdu, maxResponse);
      },
    };
  }

  async read(access: AccessInput, claimed?: Claimed, requestedReader?: string): Promise<CardReadView> {
    if (this.busy) throw new HostError('card.busy', 'a read is already in progress');
    this.busy = true;
    this.cancelRequested = false;
    try {
      const reader = this.pickReader(requestedReader);
      const transport = await this.waitForCard(reader);
      const result = await this.tryKeys(this.cancellable(transport), access);
      const view = await readView(result, claimed, isoDateAt(Date.now()));
      const readId = randomBytes(16).toString('hex');
      this.lastRead = { readId, idNumber: view.identity.idNumber, files: result.files, portrait: view.portrait, overall: view.verification.overall, at: Date.now() };
      this.opts.log.info('card.read_ok', {
        protocol: view.verification.accessControl.protocol,
        overall: view.verification.overall,
        apdus: view.stats.apdus,
        ms: view.stats.ms,
        chunk: view.stats.chunkSize,
      });
      return { ...view, readId };
    } catch (e) {
      if (isCardError(e)) {
        this.opts.log.warn('card.read_failed', { code: e.code, detail: e.message });
        throw new HostError(e.code, e.message);
      }
      throw e;
    } finally {
      this.busy = false;
    }
  }

  /**
   * The raw chip files of the read named `readId`, once, if it is the last read, was of `idNumber`
   * and is under `maxAgeMs` old; keyed by data-group number (EF.COM 0x1e, EF.SOD 0x1d). With them
   * the portrait as that read showed it (JPEG, or JPEG 2000 as PNG), never one the screen sends, and its verdict.
   */
  takeRawFiles(
    readId: string,
    idNumber: string,
    maxAgeMs = RAW_FILES_MAX_AGE_MS,
    now = Date.now(),
  ): { files: Map<number, Uint8Array>; portrait: Buffer | null; overall: CardReadView['verification']['overall'] } | null {
    const r = this.lastRead;
    if (!r || r.readId !== readId) return null;
    this.lastRead = null;
    if (r.idNumber !== idNumber || now - r.at > maxAgeMs) return null;
    const b64 = /^data:image\/(?:jpeg|png);base64,([A-Za-z0-9+/]+={0,2})$/.exec(r.portrait ?? '')?.[1];
    return { files: r.files, portrait: b64 ? Buffer.from(b64, 'base64') : null, overall: r.overall };
  }

  /** Forgets the held files (sign-out, lock). */
  forgetRawFiles(): void {
    this.lastRead = null;
  }

  private async tryKeys(transport: CardTransport, access: AccessInput): Promise<CardReadResult> {
    const candidates = accessKeyCandidates(access);
    const policy = this.policies.get(transport.readerName, { extendedLength: transport.extendedLength, smBlockSize: 16 });
    let last: unknown;
    for (const keys of candidates) {
      try {
        return await readCard(transport, {
          keys,
          trustStore: await this.opts.trustStore(),
          policy,
          onProgress: (p) =>
            this.opts.hub.emit('card.progress', { step: p.step, fraction: p.fraction, ...(p.file ? { file: p.file.file } : {}) }),
        });
      } catch (e) {
        last = e;
        // Another expiry candidate may open a BAC-only chip; any other failure ends the read.
        if (!isCardError(e) || e.code !== 'card.access_denied' || this.cancelRequested) throw e;
      }
    }
    throw last;
  }
}
