/**
 * Runs the virtual CCCD as a child process inside pcscd's network namespace (nsenter) and drives
 * it over JSON lines on stdin/stdout (see electron/host/sim/virtual-cccd/cli.ts). A child process
 * because a running node process cannot move itself into another network namespace.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LinkModel } from '../../electron/host/sim/virtual-cccd/link-model';
import type { CardVariant } from '../../electron/host/sim/virtual-cccd/variants';
import type { CardQuirk } from '../../electron/host/sim/virtual-cccd/quirks';
import type { PcscdHandle } from './pcscd';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'electron/host/sim/virtual-cccd/cli.ts';

export interface InsertOptions {
  variant?: CardVariant;
  quirks?: CardQuirk[];
  citizen?: 'nhung' | 'duc-anh';
  link?: LinkModel;
}

interface Reply {
  ok?: boolean;
  op?: string;
  error?: string;
  event?: string;
  apduCount?: number;
  cscaDer?: string;
}

export class VirtualCardProcess {
  private readonly waiters: ((r: Reply) => void)[] = [];
  private readonly goneListeners = new Set<() => void>();
  /** DER of the CSCA the emulator's SODs chain to (generated in the emulator process). */
  trustedCscaDer = new Uint8Array();

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      let msg: Reply;
      try {
        msg = JSON.parse(line) as Reply;
      } catch {
        return;
      }
      if (msg.event === 'gone') for (const l of this.goneListeners) l();
      else this.waiters.shift()?.(msg);
    });
    child.once('exit', (code) => {
      for (const w of this.waiters.splice(0)) w({ ok: false, error: `virtual card process exited (${String(code)})` });
    });
    child.stderr.on('data', (d: Buffer) => process.stderr.write(`[virtual-card] ${d.toString()}`));
  }

  /** Starts the emulator in pcscd's namespace; resolves once it listens for commands. */
  static async start(pcscd: PcscdHandle, port = 35963): Promise<VirtualCardProcess> {
    const node = process.execPath;
    const args = [...pcscd.nsPrefix, node, '--import', 'tsx', CLI, '--control', '--port', String(port)];
    const [cmd, ...rest] = args as [string, ...string[]];
    const child = spawn(cmd, rest, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const card = new VirtualCardProcess(child);
    const ready = await card.next(30_000);
    if (ready.event !== 'ready') throw new Error(`virtual card did not start: ${JSON.stringify(ready)}`);
    card.trustedCscaDer = Uint8Array.from(Buffer.from(ready.cscaDer ?? '', 'hex'));
    return card;
  }

  onGone(listener: () => void): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  /** Inserts a card (a fresh one when options are given, else the same chip again). */
  async insert(options: InsertOptions = {}): Promise<void> {
    await this.request({ op: 'insert', ...options });
  }

  async remove(): Promise<void> {
    await this.request({ op: 'remove' });
  }

  async apduCount(): Promise<number> {
    return (await this.request({ op: 'stats' })).apduCount ?? 0;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.stdin.write(`${JSON.stringify({ op: 'quit' })}\n`);
    const timer = setTimeout(() => this.child.kill('SIGTERM'), 3000);
    await exited;
    clearTimeout(timer);
  }

  private async request(msg: object): Promise<Reply> {
    const reply = this.next(30_000);
    this.child.stdin.write(`${JSON.stringify(msg)}\n`);
    const r = await reply;
    if (!r.ok) throw new Error(`virtual card: ${r.error ?? 'failed'}`);
    return r;
  }

  private next(timeoutMs: number): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('virtual card did not answer')), timeoutMs);
      this.waiters.push((r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }
}
