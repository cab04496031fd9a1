/**
 * Packet builds (packetJson, the ES256 signature, the JWE) in worker threads, so the outbox
 * worker's concurrent uploads overlap instead of queueing on the host's event loop: the store is
 * read on the event loop (the one SQLCipher connection), the CPU-heavy build runs in a thread, the
 * same code as buildPacket, so the same bytes and the same digest. The kiosk's signing key goes to
 * the thread with each build, in memory only. A build that fails in a thread rejects as it would
 * inline (a PacketError keeps its code; anything else, a thread that died included, is a plain
 * Error: the worker records packet.build_failed and retries with backoff). A thread that cannot
 * even start (its module missing from a build) switches the pool to building on the event loop.
 * A thread that has not loaded within `loadTimeoutMs` counts as one that cannot start, and the
 * builds it held are made on the event loop instead. A build not answered within `timeoutMs` fails (retried with backoff) and its thread, hung, is
 * ended: otherwise the lease of its outbox row, renewed while the build is awaited, would keep the
 * dossier 'sending' for ever.
 */
import { availableParallelism } from 'node:os';
import type { Logger } from '../../log';
import { PoolThread, type Settle } from '../../module-thread';
import { buildPacket, type HandedPacket, type PacketInput, type PacketKeys } from './build';
import type { BuildReply, BuildRequest } from './build-thread';
import { PacketError, type PacketProblemCode } from './errors';

/** One thread per core but one (the event loop keeps a core for TLS and the store), at least one, at most 4. */
export const defaultBuildThreads = () => Math.max(1, Math.min(4, availableParallelism() - 1));

/** A build takes milliseconds; one still unanswered after this is stuck. */
export const DEFAULT_BUILD_TIMEOUT_MS = 30_000;

type Thread = PoolThread<BuildReply, HandedPacket>;

const settle: Settle<BuildReply, HandedPacket> = (m) =>
  m.ok ? { value: m.built } : { error: m.packet ? new PacketError(m.packet.code as PacketProblemCode, m.packet.detail) : new Error('packet build failed in its thread') };

export class BuildPool {
  private readonly threads: Thread[] = [];
  private size: number;
  private closed = false;

  /** `module`: the thread's module beside this file (tests give one that hangs). */
  constructor(private readonly o: { threads?: number; log?: Logger; timeoutMs?: number; loadTimeoutMs?: number; module?: string } = {}) {
    this.size = o.threads ?? defaultBuildThreads();
  }

  build(input: PacketInput, keys: PacketKeys): Promise<HandedPacket> {
    if (this.size === 0) return buildPacket(input, keys);
    const thread = this.leastBusy();
    // A thread that never loaded switched the pool to the event loop: its builds are made there.
    const built = thread.call({ input, keys } satisfies Omit<BuildRequest, 'id'>).catch((e: unknown) => (!thread.started && this.size === 0 && !this.closed ? buildPacket(input, keys) : Promise.reject(e)));
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    // Counted from the thread's start (loading it is not building), so a slow first load is not a hang.
    const timedOut = new Promise<never>((_, reject) =>
      void thread.ready.then(() => {
        if (settled) return;
        timer = setTimeout(() => {
          reject(new Error('packet build timed out in its thread'));
          this.o.log?.error('sync.build_thread_timeout', {});
          // Hung: out of the pool now (the next build starts a fresh thread); what else it holds fails too (retried).
          const at = this.threads.indexOf(thread);
          if (at >= 0) this.threads.splice(at, 1);
          void thread.worker.terminate();
        }, this.o.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS);
        timer.unref();
      }),
    );
    return Promise.race([built, timedOut]).finally(() => {
      settled = true;
      clearTimeout(timer);
    });
  }

  private leastBusy(): Thread {
    if (this.threads.length < this.size) {
      const t: Thread = new PoolThread(import.meta.url, this.o.module ?? './build-thread', {}, settle, () => new Error('packet build thread ended'), (gone) => {
        // Not there once close() took it (indexOf -1 would splice away the newest thread instead).
        const at = this.threads.indexOf(gone);
        if (at >= 0) this.threads.splice(at, 1);
        if (gone.started || this.size === 0 || this.closed) return;
        // Never loaded: the module is not there (or cannot run) in this build; build on the event loop from now on.
        this.size = 0;
        this.o.log?.error('sync.build_thread_unavailable', {});
      }, this.o.loadTimeoutMs);
      this.threads.push(t);
      return t;
    }
    return this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  async close(): Promise<void> {
    this.closed = true;
    const ts = this.threads.splice(0);
    await Promise.all(ts.map((t) => t.worker.terminate()));
  }
}
