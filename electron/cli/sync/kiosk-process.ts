/**
 * The fault matrix's handle on a kiosk sync process (fault-kiosk.ts): start it, wait for what it
 * reports (every change carries the outbox counts), ask it to poll, stop it or SIGKILL it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { OutboxCounts } from '../../host/sync/outbox';
import type { SyncTuning } from '../../host/sync/service';

const script = fileURLToPath(new URL('./fault-kiosk.ts', import.meta.url));

export interface KioskLine {
  ev: 'ready' | 'changed' | 'polled' | 'stuck';
  counts: OutboxCounts;
  ok?: boolean | null;
  /** 'stuck': the worker's state and the host's last log lines. */
  worker?: unknown;
  log?: string[];
}

/** How long a stop may take before the process is killed and the stop reported as a failure. */
export const STOP_MS = 30_000;

export class KioskProcess {
  private child: ChildProcess | null = null;
  private waiters: Array<{ test: (l: KioskLine) => boolean; resolve: (l: KioskLine) => void }> = [];
  last: KioskLine | null = null;
  exited: Promise<number | null> = Promise.resolve(null);

  constructor(private readonly dataDir: string, private readonly passphrase: string, private readonly tuning: SyncTuning) {}

  start(): void {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--data', this.dataDir], {
      env: { ...process.env, KIOSK_STORE_PASSPHRASE: this.passphrase, SYNC_TUNING: JSON.stringify(this.tuning) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    createInterface({ input: child.stdout! }).on('line', (text) => {
      let line: KioskLine;
      try {
        line = JSON.parse(text) as KioskLine;
      } catch {
        return;
      }
      this.last = line;
      for (const w of [...this.waiters]) {
        if (w.test(line)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(line);
        }
      }
    });
  }

  /** The first report (or the last one already seen) for which `test` holds; rejects after `ms`. */
  waitFor(test: (l: KioskLine) => boolean, ms: number, what: string): Promise<KioskLine> {
    if (this.last && test(this.last)) return Promise.resolve(this.last);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      const w = { test, resolve: (l: KioskLine) => (clearTimeout(timer), resolve(l)) };
      this.waiters.push(w);
    });
  }

  send(line: 'poll' | 'stop'): void {
    this.child?.stdin?.write(line + '\n');
  }

  kill(): Promise<number | null> {
    this.child?.kill('SIGKILL');
    this.last = null;
    return this.exited;
  }

  /**
   * Asks the process to stop cleanly (its uploads recorded). One still running after `ms` is
   * killed, and the stop rejects with what it said it was stuck on: a kiosk that cannot stop is a
   * defect to see, not a hang of the whole matrix.
   */
  async stop(ms = STOP_MS): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    let stuck: KioskLine | null = null;
    this.waiters.push({ test: (l) => l.ev === 'stuck', resolve: (l) => void (stuck = l) });
    this.send('stop');
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([this.exited.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)))]);
    clearTimeout(timer);
    if (ended) return;
    child.kill('SIGKILL');
    await this.exited;
    throw new Error(`the kiosk did not stop within ${ms / 1000} s${stuck ? `: ${JSON.stringify({ counts: (stuck as KioskLine).counts, worker: (stuck as KioskLine).worker, log: (stuck as KioskLine).log })}` : ''}`);
  }
}
