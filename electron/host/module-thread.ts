/**
 * A worker thread running one module beside the caller: the TypeScript source under tsx when the
 * caller is the source (tests, CLIs), the compiled module otherwise (the built app); the eval'd
 * loader keeps it independent of how the host was started. The module gets `workerData` as given.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const LOADER = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsxApi) await (await import(workerData.tsxApi)).tsImport(workerData.module, workerData.module);
  else await import(workerData.module);
})();
`;

/** tsx's ESM API (its tsImport runs a TypeScript module in a thread whatever loader the host has). */
const tsxApi = (from: string) => pathToFileURL(join(dirname(createRequire(from).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;

/** `callerUrl`: the caller's import.meta.url; `name`: the sibling module without extension ('./verify-thread'). */
export function moduleThread(callerUrl: string, name: string, data: object): Worker {
  const ts = callerUrl.endsWith('.ts');
  return new Worker(LOADER, {
    eval: true,
    workerData: { ...data, module: new URL(`${name}.${ts ? 'ts' : 'js'}`, callerUrl).href, tsxApi: ts ? tsxApi(callerUrl) : null },
  });
}

/** What a pool makes of one answer of its thread (a message with the request's id). */
export type Settle<R, T> = (reply: R) => { value: T } | { error: unknown };

/** A thread not loaded after this is taken for stuck (a loader that deadlocked) and ended. */
export const DEFAULT_LOAD_TIMEOUT_MS = 60_000;

/**
 * One thread of a pool: requests by id, answers settled by `settle`; the thread posts `{ ready: true }`
 * once loaded. A thread that ends (an error, an exit) fails what it held with `ended()`'s error and
 * is reported to `onGone` (`started` says whether it ever loaded). One that has not loaded within
 * `loadTimeoutMs` is ended the same way (never started): `ready` settles in bounded time, so
 * nothing waits for ever on a thread whose module loader hung (seen under tsx in a loaded CI run).
 */
export class PoolThread<R extends { id: number }, T> {
  readonly pending = new Map<number, { resolve: (v: T) => void; reject: (e: unknown) => void }>();
  readonly worker: Worker;
  /** Settles when the thread has loaded (or has died). */
  readonly ready: Promise<void>;
  started = false;
  dead = false;
  private nextId = 1;

  constructor(callerUrl: string, name: string, data: object, settle: Settle<R, T>, ended: () => unknown, onGone: (t: PoolThread<R, T>) => void, loadTimeoutMs = DEFAULT_LOAD_TIMEOUT_MS) {
    this.worker = moduleThread(callerUrl, name, data);
    this.worker.unref();
    let loaded = () => undefined as void;
    this.ready = new Promise<void>((resolve) => (loaded = resolve));
    const loadTimer = setTimeout(() => void (this.started || this.worker.terminate()), loadTimeoutMs);
    loadTimer.unref();
    void this.ready.then(() => clearTimeout(loadTimer));
    this.worker.on('message', (m: R | { ready: true }) => {
      if (!('id' in m)) {
        this.started = true;
        return loaded();
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      const s = settle(m);
      if ('value' in s) p.resolve(s.value);
      else p.reject(s.error);
    });
    const gone = () => {
      if (this.dead) return;
      this.dead = true;
      loaded();
      for (const p of this.pending.values()) p.reject(ended());
      this.pending.clear();
      onGone(this);
    };
    this.worker.on('error', gone);
    this.worker.on('exit', gone);
  }

  /** Posts `{ id, ...request }`; settles with the thread's answer. */
  call(request: object): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }
}
