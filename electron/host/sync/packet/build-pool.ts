/**
 * Packet builds (packetJson, the ES256 signature, the JWE) in worker threads, so the outbox
 * worker's concurrent uploads overlap instead of queueing on the host's event loop: the store is
 * read on the event loop (the one SQLCipher connection), the CPU-heavy build runs in a thread, the
 * same code as buildPacket, so the same bytes and the same digest. The kiosk's signing key goes to
 * the thread with each build, in memory only. A build that fails in a thread rejects as it would
 * inline (a PacketError keeps its code; anything else, a thread that died included, is a plain
 * Error: the worker records packet.build_failed and retries with backoff). A thread that cannot
 * even start (its module missing from a build) switches the pool to building on the event loop.
 */
import { availableParallelism } from 'node:os';
import type { Logger } from '../../log';
import { PoolThread, type Settle } from '../../module-thread';
import { buildPacket, type BuiltPacket, type PacketInput, type PacketKeys } from './build';
import type { BuildReply, BuildRequest } from './build-thread';
import { PacketError, type PacketProblemCode } from './errors';

/** One thread per core but one (the event loop keeps a core for TLS and the store), at least one, at most 4. */
export const defaultBuildThreads = () => Math.max(1, Math.min(4, availableParallelism() - 1));

type Thread = PoolThread<BuildReply, BuiltPacket>;

const settle: Settle<BuildReply, BuiltPacket> = (m) =>
  m.ok ? { value: m.built } : { error: m.packet ? new PacketError(m.packet.code as PacketProblemCode, m.packet.detail) : new Error('packet build failed in its thread') };

export class BuildPool {
  private readonly threads: Thread[] = [];
  private size: number;

  constructor(private readonly o: { threads?: number; log?: Logger } = {}) {
    this.size = o.threads ?? defaultBuildThreads();
  }

  build(input: PacketInput, keys: PacketKeys): Promise<BuiltPacket> {
    if (this.size === 0) return buildPacket(input, keys);
    return this.leastBusy().call({ input, keys } satisfies Omit<BuildRequest, 'id'>);
  }

  private leastBusy(): Thread {
    if (this.threads.length < this.size) {
      const t: Thread = new PoolThread(import.meta.url, './build-thread', {}, settle, () => new Error('packet build thread ended'), (gone) => {
        this.threads.splice(this.threads.indexOf(gone), 1);
        if (gone.started || this.size === 0) return;
        // Never loaded: the module is not there (or cannot run) in this build; build on the event loop from now on.
        this.size = 0;
        this.o.log?.error('sync.build_thread_unavailable', {});
      });
      this.threads.push(t);
      return t;
    }
    return this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  async close(): Promise<void> {
    const ts = this.threads.splice(0);
    await Promise.all(ts.map((t) => t.worker.terminate()));
  }
}
