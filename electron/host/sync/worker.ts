/**
 * The outbox worker: claims due rows (one transaction each), builds the packet and
 * uploads it outside any transaction, and records the outcome together with the claim of the
 * slot's next due row (another transaction, with both audit entries: one commit per dossier,
 * the result durable before the next upload starts). Up to `concurrency` uploads at once, never two of the same dossier (the lease).
 * While an upload runs its lease is renewed; a host killed mid-upload leaves a lease that expires
 * and the row is claimed again. Each claim has its own token: an attempt whose lease ran out while
 * it still ran (a stalled event loop) records nothing, and this worker never claims a dossier it is
 * still uploading. Between uploads, uploads it stopped using are cancelled upstream
 * (upload-cancels.ts). Backoff with full jitter between attempts; pause and resume; a
 * success after failures (or `networkBack`) makes every waiting row due at once.
 */
import { randomBytes } from 'node:crypto';
import { errorFields, type Logger } from '../log';
import type { Db } from '../store/database';
import { DossierError } from '../store/dossiers';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { claimNext, nextDue, recordAndClaimNext, renewLease, retryAllNow, storedPacket, type Claimed, type StoredPacket } from './outbox';
import type { UploadOutcome } from './outcome';
import { PacketError } from './packet/errors';
import { abandonUpload, ClaimLostError } from './outbox-upload';
import { sendResumable, type ResumableOptions, type Sent } from './resumable';
import { sendCancels } from './upload-cancels';
import type { Jwe } from './packet/jwe';

/** Progress of a resumable upload is told to the screen at most this often. */
const PROGRESS_MS = 250;

export interface PacketSource {
  build(db: Db, dossierId: string): Promise<StoredPacket>;
}
export interface PacketSink {
  putPacket(dossierId: string, jwe: Jwe): Promise<UploadOutcome>;
}

/** A success counts only when its receipt names this dossier and this packet's digest. */
export function receiptChecked(o: UploadOutcome, dossierId: string, digest: string): UploadOutcome {
  if (o.kind !== 'stored' && o.kind !== 'already_stored') return o;
  if (o.receipt.dossierId === dossierId && o.receipt.digest === digest) return o;
  return { kind: 'retry', status: o.status, code: 'bad_response', retryAfterMs: null };
}

/**
 * A packet that cannot be built: final only when the dossier itself is the cause (too large, or
 * incomplete / no longer approved); anything else (a key, the store, the machine) is retried with
 * backoff, so one bad moment does not fail every dossier for good.
 */
export function buildFailure(e: unknown): UploadOutcome {
  if (e instanceof PacketError && e.code === 'packet.too_large') return { kind: 'final', status: 0, code: 'packet.too_large' };
  if (e instanceof DossierError && (e.code === 'incomplete' || e.code === 'wrong_state')) return { kind: 'final', status: 0, code: 'packet.build_failed' };
  return { kind: 'retry', status: null, code: 'packet.build_failed', retryAfterMs: null };
}

export interface WorkerOptions {
  db: Db;
  source: PacketSource;
  sink: PacketSink;
  log: Logger;
  concurrency?: number;
  leaseMs?: number;
  /** Longest wait between looks at the outbox (new approvals are noticed within this). */
  idleMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
  /** Told after every recorded result (the screen refreshes), and after each confirmed piece of a resumable upload ('progress'). */
  onChange?: (dossierId: string, what: string) => void;
  /** Packets above `aboveBytes` go in pieces through the upstream's resumable uploads (resumable.ts). */
  resumable?: ResumableOptions;
}

export class SyncWorker {
  readonly owner = `w-${process.pid}-${randomBytes(6).toString('hex')}`;
  private running = false;
  private paused = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<number, Promise<void>>();
  /** Dossiers being uploaded now: never claimed again by this worker until their result is recorded. */
  private readonly uploading = new Set<string>();
  private cancelling: Promise<void> | null = null;
  private slots = 0;
  private lastFailed = false;

  constructor(private readonly o: WorkerOptions) {}

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  start(paused = false): void {
    this.running = true;
    this.paused = paused;
    this.pump();
  }

  /** Stops claiming; waits for the uploads under way to be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight.values(), this.cancelling]);
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.pump();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get busy(): number {
    return this.inFlight.size;
  }

  /** The network came back (a status poll answered, the OS says online): retry now. */
  networkBack(why: string): void {
    if (!this.running) return;
    const n = retryAllNow(this.o.db, this.now(), why);
    if (n > 0) this.o.log.info('sync.retry_now', { rows: n, why });
    this.pump();
  }

  /** Looks at the outbox now (after an approval, say). */
  poke(): void {
    this.pump();
  }

  private pump(): void {
    if (!this.running || this.paused) return;
    const max = this.o.concurrency ?? 8;
    while (this.inFlight.size < max) {
      let c: Claimed | null;
      try {
        c = claimNext(this.o.db, this.owner, this.now(), this.o.leaseMs ?? 60_000, [...this.uploading]);
      } catch (e) {
        this.o.log.error('sync.claim_failed', errorFields(e));
        break;
      }
      if (!c) break;
      const slot = ++this.slots;
      this.uploading.add(c.dossierId);
      const p = this.slot(c).finally(() => {
        this.inFlight.delete(slot);
        this.pump();
      });
      this.inFlight.set(slot, p);
    }
    this.cancelUnused();
    this.arm();
  }

  /** Uploads this kiosk stopped using are cancelled upstream, one pass at a time; a failure only waits for the next pass. */
  private cancelUnused(): void {
    const sink = this.o.resumable?.sink;
    if (!sink || this.cancelling) return;
    this.cancelling = sendCancels(this.o.db, sink, () => this.now())
      .then((tried) => tried.forEach((id) => this.o.onChange?.(id, 'upload_cancel')))
      .catch((e: unknown) => this.o.log.error('sync.cancel_failed', errorFields(e)))
      .finally(() => {
        this.cancelling = null;
      });
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.running || this.paused) return;
    const idle = this.o.idleMs ?? 2_000;
    // Called from a timer: a store that cannot be read now (an I/O error) is logged, and looked at
    // again after the idle wait, never thrown where nothing catches it (the host would end).
    let due: number | null = null;
    try {
      due = nextDue(this.o.db, [...this.uploading]);
    } catch (e) {
      this.o.log.error('sync.due_read_failed', errorFields(e));
    }
    const wait = due === null ? idle : Math.min(idle, Math.max(0, due - this.now()) + 5);
    this.timer = setTimeout(() => this.pump(), wait);
    this.timer.unref();
  }

  /**
   * The packet is built again for every attempt: its signature is deterministic (RFC 6979), so a
   * rebuilt packet has the same digest and the upstream answers a re-send with 200, never 409; no
   * second copy of the citizen's data is written, and a re-enrolment's new keys apply at once. A
   * packet kept for a resumable upload (resumable.ts; or by an older version) is sent as kept.
   */
  private async packetFor(c: Claimed): Promise<StoredPacket> {
    return storedPacket(this.o.db, c.dossierId) ?? (await this.o.source.build(this.o.db, c.dossierId));
  }

  /**
   * One PUT, or for a packet above the threshold a resumable upload of its kept bytes. Its progress
   * is told at most every PROGRESS_MS (the screen reloads on each), the result as always.
   */
  private async send(c: Claimed, packet: StoredPacket): Promise<Sent> {
    const r = this.o.resumable;
    let told = -Infinity;
    const progress = () => {
      if (this.now() - told < PROGRESS_MS) return;
      told = this.now();
      this.o.onChange?.(c.dossierId, 'progress');
    };
    if (r && packet.size > r.aboveBytes) return sendResumable(this.o.db, c.dossierId, c.claim, packet, r, () => this.now(), progress);
    // A kept packet now sent whole (the threshold was raised): its upload begun upstream is cancelled.
    abandonUpload(this.o.db, c.dossierId, c.claim, this.now());
    return { outcome: await this.o.sink.putPacket(c.dossierId, packet.jwe), digest: packet.digest };
  }

  /** One upload slot: its row, then each row claimed together with the previous result, until none is due. */
  private async slot(first: Claimed): Promise<void> {
    let c: Claimed | null = first;
    try {
      while (c) c = await this.upload(c);
    } finally {
      if (c) this.uploading.delete(c.dossierId);
    }
  }

  /** Uploads one claimed row; records the result and claims the next due row in one transaction (returned). */
  private async upload(c: Claimed): Promise<Claimed | null> {
    const leaseMs = this.o.leaseMs ?? 60_000;
    const beat = setInterval(() => {
      // In a timer: a store that refuses the write (a full disk) must not become an uncaught exception.
      // The upload goes on; its result is recorded if the claim still holds the row by then.
      try {
        if (!renewLease(this.o.db, c, this.now() + leaseMs)) this.o.log.warn('sync.lease_lost', { attempt: c.attempt });
      } catch (e) {
        this.o.log.error('sync.lease_renew_failed', { attempt: c.attempt, ...errorFields(e) });
      }
    }, Math.max(50, Math.floor(leaseMs / 3)));
    beat.unref();
    let outcome: UploadOutcome;
    let digest: string | null = null;
    try {
      let packet: StoredPacket | null = null;
      try {
        packet = await this.packetFor(c);
      } catch (e) {
        this.o.log.error('sync.packet_failed', errorFields(e));
        outcome = buildFailure(e);
      }
      digest = packet?.digest ?? null;
      if (packet) {
        try {
          const sent = await this.send(c, packet);
          digest = sent.digest;
          outcome = receiptChecked(sent.outcome, c.dossierId, sent.digest);
        } catch (e) {
          // Claimed again (this attempt's lease ran out): its result is dropped when recorded. Or the store
          // failed keeping the packet or its upload (a full disk): tried again with backoff, as a failed build.
          if (e instanceof ClaimLostError) this.o.log.warn('sync.lease_lost', { attempt: c.attempt });
          else this.o.log.error('sync.send_failed', errorFields(e));
          outcome = { kind: 'retry', status: null, code: 'packet.build_failed', retryAfterMs: null };
        }
      }
    } finally {
      clearInterval(beat);
    }
    const o = outcome!;
    const retryAfter = o.kind === 'retry' ? o.retryAfterMs : null;
    const delay = backoffDelay(c.attempt, this.o.backoff ?? DEFAULT_BACKOFF, this.o.random, retryAfter);
    let r;
    this.uploading.delete(c.dossierId);
    try {
      r = recordAndClaimNext(this.o.db, c, this.owner, o, this.now(), this.now() + delay, digest, this.running && !this.paused ? { leaseMs, busy: [...this.uploading] } : null);
    } catch (e) {
      this.o.log.error('sync.record_failed', errorFields(e));
      return null;
    }
    if (r.next) this.uploading.add(r.next.dossierId);
    const { recorded, claimError } = r;
    if (claimError) this.o.log.error('sync.claim_failed', { kind: claimError instanceof Error ? claimError.name : typeof claimError, code: (claimError as { code?: unknown }).code ?? null });
    this.o.log.info('sync.attempt', { outcome: o.kind, code: 'code' in o ? o.code : null, status: o.status, attempt: c.attempt, recorded });
    const failed = recorded === 'retry';
    if (recorded === 'sent' && this.lastFailed) {
      this.lastFailed = false;
      this.networkBack('upload_succeeded');
    } else if (failed) this.lastFailed = true;
    this.o.onChange?.(c.dossierId, recorded);
    return r.next;
  }
}
