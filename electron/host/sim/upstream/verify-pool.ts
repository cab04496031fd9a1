/**
 * Packet verification (verify.ts) in worker threads, so several packets are decrypted, checked and
 * passively authenticated at once on the machine's cores while the upstream's event loop only
 * does HTTP and the store. Each thread has its own read-only SQLite connection (device keys and
 * revocations as committed) and the CSCAs given at start. A thread that dies fails the packets it
 * held (500, the kiosk retries) and is replaced on next use. `threads: 0` verifies on the event loop.
 *
 * The thread runs the TypeScript source under tsx when this file is the source (tests, CLIs),
 * the compiled module otherwise; the eval'd loader keeps it independent of how the host was started.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JWK } from 'jose';
import { PacketError, type PacketProblemCode } from '../../sync/packet/errors';
import type { UpstreamDb } from './db';
import { Problem } from './problem';
import { Verifier, type Verified } from './verify';
import type { ThreadData, ThreadReply } from './verify-thread';

export interface VerifyPoolOptions {
  dataDir: string;
  db: UpstreamDb;
  decryptionJwk: JWK;
  trustDers: Uint8Array[];
  /** Threads; 0 verifies on the event loop. Default: the cores, at most 4. */
  threads?: number;
}

export const defaultVerifyThreads = () => Math.max(1, Math.min(4, availableParallelism()));

const LOADER = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsxApi) await (await import(workerData.tsxApi)).tsImport(workerData.module, workerData.module);
  else await import(workerData.module);
})();
`;

/** tsx's ESM API (its tsImport runs a TypeScript module in a thread whatever loader the host has). */
const tsxApi = (from: string) => pathToFileURL(join(dirname(createRequire(from).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;

interface Pending {
  resolve: (v: Verified) => void;
  reject: (e: unknown) => void;
}

class Thread {
  readonly pending = new Map<number, Pending>();
  readonly worker: Worker;
  /** Settles when the thread has loaded its modules and opened the store (or has died). */
  readonly ready: Promise<void>;
  dead = false;

  constructor(data: ThreadData, onGone: (t: Thread) => void) {
    const self = import.meta.url;
    const ts = self.endsWith('.ts');
    this.worker = new Worker(LOADER, {
      eval: true,
      workerData: { ...data, module: new URL(`./verify-thread.${ts ? 'ts' : 'js'}`, self).href, tsxApi: ts ? tsxApi(self) : null },
    });
    this.worker.unref();
    let loaded = () => undefined as void;
    this.ready = new Promise<void>((resolve) => (loaded = resolve));
    this.worker.on('message', (m: ThreadReply | { ready: true }) => {
      if (!('id' in m)) return loaded();
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.verified);
      else p.reject(m.packet ? new PacketError(m.packet.code as PacketProblemCode, m.packet.detail) : new Problem(500, 'unavailable', 'verification failed'));
    });
    const gone = () => {
      if (this.dead) return;
      this.dead = true;
      loaded();
      for (const p of this.pending.values()) p.reject(new Problem(500, 'unavailable', 'verification thread ended'));
      this.pending.clear();
      onGone(this);
    };
    this.worker.on('error', gone);
    this.worker.on('exit', gone);
  }
}

export class VerifyPool {
  private readonly threads: Thread[] = [];
  private readonly size: number;
  private readonly inline: Verifier | null;
  private nextId = 1;
  private closed = false;

  constructor(private readonly o: VerifyPoolOptions) {
    this.size = o.threads ?? defaultVerifyThreads();
    this.inline = this.size === 0 ? new Verifier({ db: o.db, decryptionJwk: o.decryptionJwk, trustDers: o.trustDers }) : null;
  }

  verify(jwe: string, now: Date): Promise<Verified> {
    if (this.inline) return this.inline.verify(jwe, now);
    if (this.closed) return Promise.reject(new Problem(500, 'unavailable', 'stopping'));
    const t = this.leastBusy();
    const id = this.nextId++;
    return new Promise<Verified>((resolve, reject) => {
      t.pending.set(id, { resolve, reject });
      t.worker.postMessage({ id, jwe, now: now.toISOString() });
    });
  }

  /** Starts every thread and waits until each has loaded (the upstream answers no packet before it can verify one promptly). */
  async start(): Promise<void> {
    while (!this.inline && this.threads.length < this.size) this.spawn();
    await Promise.all(this.threads.map((t) => t.ready));
  }

  private spawn(): Thread {
    const data: ThreadData = { dataDir: this.o.dataDir, decryptionJwk: this.o.decryptionJwk, trustDers: this.o.trustDers };
    const t = new Thread(data, (gone) => this.threads.splice(this.threads.indexOf(gone), 1));
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
