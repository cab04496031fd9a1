/**
 * Decodes JPEG 2000 codestreams with OpenJPEG in a worker thread, so a slow or hostile image never
 * blocks the host's event loop: a time limit terminates the worker, and resourceLimits bound its
 * JavaScript heap. One worker serves the decodes one at a time (loading the codec costs more than
 * decoding a portrait); it is replaced after a failure and ended after a minute idle.
 *
 * resourceLimits do NOT bound the codec's WebAssembly memory (it lives outside the V8 heap and can
 * grow to gigabytes): the real guard against a decompression bomb is checkedJ2k() in
 * portrait-guard.ts, which refuses oversize dimensions from the SIZ header before this runs.
 *
 * The worker is an inline CommonJS script (eval) given the codec's resolved path, so it runs the
 * same from source (tsx, vitest) and from the bundled Electron main process, with no build entry.
 */
import { Worker } from 'node:worker_threads';
import { CardError } from '../../errors';
import { openJpegPath } from './openjpeg';

export interface DecodedJ2k {
  width: number;
  height: number;
  components: number;
  bitsPerSample: number;
  /** Interleaved samples; two bytes little-endian per sample above 8 bits. */
  pixels: Uint8Array;
}

export interface J2kWorkerOptions {
  /** Default 10 s; a portrait within the guard's limits decodes in well under a second. */
  timeoutMs?: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const codec = require(workerData.codecPath)({ print() {}, printErr() {} });
parentPort.on('message', ({ id, codestream }) => {
  codec.then((oj) => {
    const dec = new oj.J2KDecoder();
    try {
      dec.getEncodedBuffer(codestream.length).set(codestream);
      dec.decode();
      const fi = dec.getFrameInfo();
      const pixels = dec.getDecodedBuffer().slice();
      parentPort.postMessage({ id, ok: true, width: fi.width, height: fi.height, components: fi.componentCount, bitsPerSample: fi.bitsPerSample, pixels }, [pixels.buffer]);
    } catch {
      // Emscripten aborts with a number or a string, not an Error.
      parentPort.postMessage({ id, ok: false, reason: 'decode' });
    } finally {
      if (dec.delete) dec.delete();
    }
  }, () => parentPort.postMessage({ id, ok: false, reason: 'codec' }));
});
`;

type WorkerReply = { id: number } & (({ ok: true } & DecodedJ2k) | { ok: false; reason: 'decode' | 'codec' });

const IDLE_MS = 60_000;

class DecoderThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | undefined;

  decode(codestream: Uint8Array, timeoutMs: number): Promise<DecodedJ2k> {
    const run = this.queue.then(() => this.decodeNow(codestream, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { codecPath: openJpegPath() },
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    worker.unref(); // never keeps a CLI or a test process alive
    return worker;
  }

  private stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private decodeNow(codestream: Uint8Array, timeoutMs: number): Promise<DecodedJ2k> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<DecodedJ2k>((resolve, reject) => {
      const done = (failure?: CardError) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onCrash).off('exit', onCrash);
        if (failure) this.stop();
        else this.idle = setTimeout(() => this.stop(), IDLE_MS).unref();
        return failure;
      };
      const fail = (message: string, code: 'card.parse' | 'card.unsupported' = 'card.parse') => reject(done(new CardError(code, message)));
      const onMessage = (m: WorkerReply) => {
        if (m.id !== id) return;
        if (m.ok) {
          done();
          resolve({ width: m.width, height: m.height, components: m.components, bitsPerSample: m.bitsPerSample, pixels: m.pixels });
        } else if (m.reason === 'codec') fail('JPEG 2000 codec not available', 'card.unsupported');
        else fail('DG2: JPEG 2000 image could not be decoded');
      };
      // ERR_WORKER_OUT_OF_MEMORY (resourceLimits) or any other end of the worker.
      const onCrash = () => fail('DG2: JPEG 2000 decoder failed');
      const timer = setTimeout(() => fail('DG2: JPEG 2000 decoding stopped at the time limit'), timeoutMs);
      worker.on('message', onMessage).on('error', onCrash).on('exit', onCrash);
      worker.postMessage({ id, codestream });
    });
  }
}

const thread = new DecoderThread();

export function decodeJ2kInWorker(codestream: Uint8Array, options: J2kWorkerOptions = {}): Promise<DecodedJ2k> {
  return thread.decode(codestream, options.timeoutMs ?? 10_000);
}
