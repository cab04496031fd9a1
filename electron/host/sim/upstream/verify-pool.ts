/**
 * Packet verification (verify.ts) in worker threads, so several packets are decrypted, checked and
 * passively authenticated at once on the machine's cores while the upstream's event loop only
 * does HTTP and the store. Each thread has its own read-only SQLite connection (device keys and
 * revocations as committed) and the CSCAs given at start. A thread that dies fails the packets it
 * held (500, the kiosk retries) and is replaced on next use. `threads: 0` verifies on the event loop;
 * so does the pool once a thread has not loaded within `loadTimeoutMs` (a module loader that hung):
 * it is ended, the packets it held fail (500, retried), and every later one is verified inline.
 *
 * The thread runs the TypeScript source or the compiled module (module-thread.ts).
 */
import { availableParallelism } from 'node:os';
import type { JWK } from 'jose';
import { PoolThread, type Settle } from '../../module-thread';
import { PacketError, type PacketProblemCode } from '../../sync/packet/errors';
import type { UpstreamDb } from './db';
import { Problem } from './problem';
import { Verifier, type Verified } from './verify';
import type { ThreadData, ThreadReply } from './verify-thread';
import { jweText, type Jwe } from '../../sync/packet/jwe';

export interface VerifyPoolOptions {
  dataDir: string;
  db: UpstreamDb;
  decryptionJwk: JWK;
  trustDers: Uint8Array[];
  /** Threads; 0 verifies on the event loop. Default: the cores, at most 4. */
  threads?: number;
  /** A thread not loaded after this is ended and the pool verifies on the event loop (module-thread.ts). */
  loadTimeoutMs?: number;
  /** The thread's module beside this file (tests give one that never loads). */
  module?: string;
}

export const defaultVerifyThreads = () => Math.max(1, Math.min(4, availableParallelism()));

type Thread = PoolThread<ThreadReply, Verified>;

const settle: Settle<ThreadReply, Verified> = (m) =>
  m.ok ? { value: m.verified } : { error: m.packet ? new PacketError(m.packet.code as PacketProblemCode, m.packet.detail) : new Problem(500, 'unavailable', 'verification failed') };

export class VerifyPool {
  private readonly threads: Thread[] = [];
  private readonly size: number;
  private inline: Verifier | null;
  private closed = false;

  constructor(private readonly o: VerifyPoolOptions) {
    this.size = o.threads ?? defaultVerifyThreads();
    this.inline = this.size === 0 ? this.inlineVerifier() : null;
  }

  private inlineVerifier(): Verifier {
    return new Verifier({ db: this.o.db, decryptionJwk: this.o.decryptionJwk, trustDers: this.o.trustDers });
  }

  /** The JWE as text or as the bytes of the request's body (copied to the thread, made text there). */
  verify(jwe: Jwe, now: Date): Promise<Verified> {
    if (this.inline) return this.inline.verify(jweText(jwe), now);
    if (this.closed) return Promise.reject(new Problem(500, 'unavailable', 'stopping'));
    return this.leastBusy().call({ jwe, now: now.toISOString() });
  }

  /** Starts every thread and waits until each has loaded (the upstream answers no packet before it can verify one promptly). */
  async start(): Promise<void> {
    while (!this.inline && this.threads.length < this.size) this.spawn();
    await Promise.all(this.threads.map((t) => t.ready));
  }

  private spawn(): Thread {
    const data: ThreadData = { dataDir: this.o.dataDir, decryptionJwk: this.o.decryptionJwk, trustDers: this.o.trustDers };
    const ended = () => new Problem(500, 'unavailable', 'verification thread ended');
    const t: Thread = new PoolThread(import.meta.url, this.o.module ?? './verify-thread', data, settle, ended, (gone) => {
      const at = this.threads.indexOf(gone);
      if (at >= 0) this.threads.splice(at, 1);
      // Never loaded: threads cannot run here; verify on the event loop from now on.
      if (!gone.started && !this.closed && !this.inline) this.inline = this.inlineVerifier();
    }, this.o.loadTimeoutMs);
    this.threads.push(t);
    return t;
  }

  private leastBusy(): Thread {
    if (this.threads.length < this.size) return this.spawn();
    return this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
