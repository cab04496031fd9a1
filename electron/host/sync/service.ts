/**
 * Sync as the host runs it: bound to the open store, it loads the kiosk's identity and, once
 * enrolled, runs the outbox worker and the status poll. A poll that answers after failures means
 * the network is back: every row waiting out a backoff is retried at once. Enrolment (the
 * administrator's call) makes the keys, sends the CSR with the one-time token and keeps the answer.
 */
import { readFileSync } from 'node:fs';
import type { KioskConfig } from '../config';
import { errorFields, type Logger } from '../log';
import type { Db } from '../store/database';
import type { BackoffPolicy } from './backoff';
import { checkEnrolmentAnswer, EnrolmentAnswerError } from './enrolment-answer';
import { checkCertificateMatchesKey, loadIdentity, makeDeviceKeys, saveIdentity, type DeviceIdentity } from './identity';
import { BuildPool } from './packet/build-pool';
import { packetInputFromStore } from './packet/index';
import { reEnrolmentClaim, signReEnrolment } from './re-enrolment';
import { applyStatusPage, statusCursor } from './status-pull';
import { isPaused, setPaused } from './sync-state';
import { requestEnrolment, UpstreamClient, UpstreamError } from './upstream-client';
import { DEFAULT_CHUNK_BYTES, DEFAULT_RESUMABLE_ABOVE_BYTES } from './resumable';
import { SyncWorker, type PacketSource } from './worker';
import type { SyncErrorCode } from './outcome';

export interface SyncTuning {
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  idleMs?: number;
  backoff?: BackoffPolicy;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  /** Overall deadline per request; else the configuration's `upstream.deadlineSeconds`, else the transport's default. */
  deadlineMs?: number;
  /** Packets above this go through resumable uploads; else the configuration's `upstream.resumableAboveBytes`, else 256 KiB. */
  resumableAboveBytes?: number;
  /** The piece of a resumable upload sent per request (64 KiB). */
  chunkBytes?: number;
  /** Threads building packets (packet/build-pool.ts); 0 builds on the event loop. Default: the cores but one, at least one. */
  buildThreads?: number;
  /** The worker's clock (tests of leases move it on); else the system clock. */
  now?: () => number;
}

export interface SyncServiceOptions {
  config: Pick<KioskConfig, 'upstream' | 'stationName'>;
  appVersion: string;
  log: Logger;
  tuning?: SyncTuning;
  /** Told when something the screen shows changed. */
  onChange?: () => void;
  /** Reads the upstream CA file named in the configuration (enrolment pins it). */
  readCa?: (path: string) => string;
}

export interface PollState {
  at: string | null;
  ok: boolean | null;
  code: SyncErrorCode | null;
}

export class SyncError extends Error {
  constructor(readonly code: 'sync.not_configured' | 'sync.enrolment_refused' | 'sync.unreachable' | 'sync.not_enrolled', readonly detail: string | null = null) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export class SyncService {
  private db: Db | null = null;
  private identity: DeviceIdentity | null = null;
  private client: UpstreamClient | null = null;
  private worker: SyncWorker | null = null;
  private builds: BuildPool | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<PollState> | null = null;
  poll: PollState = { at: null, ok: null, code: null };

  constructor(private readonly o: SyncServiceOptions) {}

  /** The store has opened: start when enrolled. */
  attach(db: Db): void {
    if (this.db === db) return;
    void this.detach();
    this.db = db;
    this.identity = loadIdentity(db);
    if (this.identity) this.run(db, this.identity);
  }

  async detach(): Promise<void> {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    const w = this.worker;
    const c = this.client;
    const b = this.builds;
    this.worker = null;
    this.client = null;
    this.builds = null;
    this.db = null;
    this.identity = null;
    await w?.stop();
    c?.close();
    await b?.close();
  }

  get enrolled(): DeviceIdentity | null {
    return this.identity;
  }

  get workerState(): { running: boolean; paused: boolean; busy: number } {
    return { running: this.worker !== null, paused: this.db ? isPaused(this.db) : false, busy: this.worker?.busy ?? 0 };
  }

  private deadlineMs(): number | undefined {
    const s = this.o.config.upstream?.deadlineSeconds;
    return this.o.tuning?.deadlineMs ?? (s ? s * 1000 : undefined);
  }

  private run(db: Db, id: DeviceIdentity): void {
    const t = this.o.tuning ?? {};
    this.client = new UpstreamClient({
      baseUrl: id.upstreamUrl,
      caPem: id.upstreamCaPem,
      clientCertPem: id.clientCertPem,
      clientKeyPem: id.tlsKeyPem,
      connectTimeoutMs: t.connectTimeoutMs,
      readTimeoutMs: t.readTimeoutMs,
      deadlineMs: this.deadlineMs(),
      maxSockets: (t.concurrency ?? 8) + 1,
    });
    const keys = { deviceId: id.deviceId, signingKey: { ...id.signingJwk, kid: id.deviceId }, upstreamKey: id.upstreamEncJwk };
    // The store is read here (its one connection); the signature and encryption run in the pool's threads.
    const builds = new BuildPool({ threads: t.buildThreads, log: this.o.log });
    this.builds = builds;
    const source: PacketSource = { build: async (d, dossierId) => builds.build(packetInputFromStore(d, dossierId), keys) };
    const client = this.client;
    this.worker = new SyncWorker({
      db,
      source,
      sink: client,
      log: this.o.log,
      concurrency: t.concurrency,
      leaseMs: t.leaseMs,
      idleMs: t.idleMs,
      backoff: t.backoff,
      now: t.now,
      onChange: () => this.o.onChange?.(),
      resumable: {
        sink: client.uploads(),
        aboveBytes: t.resumableAboveBytes ?? this.o.config.upstream?.resumableAboveBytes ?? DEFAULT_RESUMABLE_ABOVE_BYTES,
        chunkBytes: t.chunkBytes ?? DEFAULT_CHUNK_BYTES,
      },
    });
    this.worker.start(isPaused(db));
    this.schedulePoll(0);
  }

  private schedulePoll(ms: number): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.pollNow(), ms);
    this.pollTimer.unref();
  }

  /** One status pull (every page, after any pull under way); then the next is scheduled. */
  async pollNow(): Promise<PollState> {
    while (this.polling) await this.polling;
    const run = this.pollOnce();
    this.polling = run;
    try {
      return await run;
    } finally {
      if (this.polling === run) this.polling = null;
    }
  }

  private async pollOnce(): Promise<PollState> {
    const db = this.db;
    const client = this.client;
    if (!db || !client) return this.poll;
    const wasDown = this.poll.ok === false;
    try {
      let more = true;
      let changed = 0;
      for (let pages = 0; more && pages < 50; pages++) {
        const page = await client.statusSince(statusCursor(db));
        if (this.db !== db) return this.poll;
        const r = applyStatusPage(db, page);
        changed += r.applied;
        more = page.more && r.deferred === 0;
      }
      this.poll = { at: new Date().toISOString(), ok: true, code: null };
      if (changed) this.o.onChange?.();
      if (wasDown) this.worker?.networkBack('status_answered');
    } catch (e) {
      const code = e instanceof UpstreamError ? e.code : 'net.other';
      this.poll = { at: new Date().toISOString(), ok: false, code };
      if (!(e instanceof UpstreamError)) this.o.log.error('sync.poll_failed', errorFields(e));
    } finally {
      // Down: look again sooner (the network coming back is noticed within this).
      if (this.db === db) this.schedulePoll(this.poll.ok ? (this.o.tuning?.pollMs ?? 30_000) : Math.min(this.o.tuning?.pollMs ?? 30_000, 5_000));
    }
    return this.poll;
  }

  setPaused(paused: boolean, actor: string): boolean {
    if (!this.db) throw new SyncError('sync.not_enrolled');
    const changed = setPaused(this.db, paused, actor);
    this.worker?.setPaused(paused);
    if (changed) this.o.onChange?.();
    return changed;
  }

  /** Looks at the outbox now (an approval just queued a dossier). */
  poke(): void {
    this.worker?.poke();
  }

  /** The administrator enrols this kiosk with a one-time token. */
  async enrol(db: Db, actor: string, token: string): Promise<DeviceIdentity> {
    const up = this.o.config.upstream;
    if (!up?.caFile) throw new SyncError('sync.not_configured', 'upstream.url (the enrolment address) and upstream.caFile must be set in the configuration');
    let caPem: string;
    try {
      caPem = (this.o.readCa ?? ((p) => readFileSync(p, 'utf8')))(up.caFile);
    } catch {
      throw new SyncError('sync.not_configured', 'the upstream CA file cannot be read');
    }
    const station = this.o.config.stationName ?? 'kiosk';
    const keys = await makeDeviceKeys(station);
    // A re-enrolment proves itself with the old signing key, so the upstream serves this kiosk the
    // old device's status changes too (decisions on dossiers delivered before it).
    const old = loadIdentity(db);
    const previous = old ? signReEnrolment({ deviceId: old.deviceId, signingJwk: { ...old.signingJwk, kid: old.deviceId } }, reEnrolmentClaim(token, keys.csrPem, keys.signingPublicJwk)) : null;
    let answer;
    try {
      answer = await requestEnrolment(
        { baseUrl: up.url, caPem, connectTimeoutMs: this.o.tuning?.connectTimeoutMs, readTimeoutMs: this.o.tuning?.readTimeoutMs, deadlineMs: this.deadlineMs() },
        { token, csrPem: keys.csrPem, signingKey: keys.signingPublicJwk, station: { name: station }, appVersion: this.o.appVersion, ...(previous ? { previous } : {}) },
      );
    } catch (e) {
      if (e instanceof UpstreamError) throw new SyncError(e.status === null ? 'sync.unreachable' : 'sync.enrolment_refused', e.code);
      throw e;
    }
    await checkCertificateMatchesKey(answer.clientCertificatePem, keys.tlsKeyPem);
    let checked;
    try {
      checked = await checkEnrolmentAnswer(answer, { url: up.url, caPem });
    } catch (e) {
      if (e instanceof EnrolmentAnswerError) throw new SyncError('sync.enrolment_refused', `${e.code}: ${e.message}`);
      throw e;
    }
    const id: DeviceIdentity = {
      deviceId: answer.deviceId,
      upstreamUrl: checked.apiUrl,
      tlsKeyPem: keys.tlsKeyPem,
      clientCertPem: answer.clientCertificatePem,
      signingJwk: keys.signingJwk,
      upstreamCaPem: checked.caPem,
      upstreamEncJwk: checked.encryptionKey,
      enrolledAt: new Date().toISOString(),
      enrolledBy: actor,
    };
    // No upload under way while the identity changes (an in-flight one could keep a packet built with the old keys).
    await this.detach();
    saveIdentity(db, id);
    this.attach(db);
    this.o.onChange?.();
    return id;
  }
}
