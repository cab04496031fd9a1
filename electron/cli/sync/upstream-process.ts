/**
 * The sync bench's handle on its reference upstream running in a child process (bench-upstream.ts):
 * the same calls the bench made on the in-process control object, over the IPC channel.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Reply, Request, StartArgs } from './bench-upstream';

const script = fileURLToPath(new URL('./bench-upstream.ts', import.meta.url));

type Op = Request extends infer R ? (R extends { op: infer O } ? O : never) : never;

export class UpstreamProcess {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  readonly exited: Promise<number | null>;

  constructor() {
    this.child = fork(script, [], { execArgv: process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx', ...process.execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.on('message', (r: Reply) => {
      const w = this.waiting.get(r.id);
      if (!w) return;
      this.waiting.delete(r.id);
      if (r.ok) w.resolve(r.value);
      else w.reject(new Error(`upstream process: ${r.error}`));
    });
    void this.exited.then((code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`upstream process exited (${code})`));
      this.waiting.clear();
    });
  }

  private call<T>(op: Op, extra: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op, ...extra });
    });
  }

  start(args: StartArgs): Promise<{ url: string; enrolmentUrl: string; caPem: string }> {
    return this.call('start', { args });
  }
  stop(): Promise<void> {
    return this.call('stop');
  }
  mode(mode: 'accept' | 'hold'): Promise<void> {
    return this.call('mode', { mode });
  }
  issueToken(): Promise<string> {
    return this.call('issueToken');
  }
  packetCount(): Promise<number> {
    return this.call('packetCount');
  }
  /** The stored JWE's length in characters, or null when no packet of that dossier is stored. */
  packetSize(dossierId: string): Promise<number | null> {
    return this.call('packetSize', { dossierId });
  }
  /** The child's CPU time (every thread), as process.cpuUsage() there. */
  cpu(): Promise<NodeJS.CpuUsage> {
    return this.call('cpu');
  }

  /** Ends the child (its upstream stopped first). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.disconnect();
    await this.exited;
  }
}
