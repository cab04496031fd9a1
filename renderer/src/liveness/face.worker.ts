// Face inference off the main thread so the mirrored preview stays smooth.
import { createLandmarker, FrameAnalyzer } from './analyzer';
import { quietMediapipeConsole } from './consoleFilter';
import { FrameHistory } from './frameHistory';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
quietMediapipeConsole();
let analyzer: FrameAnalyzer | null = null;
const analysed = new FrameHistory();

function isModuleWorker(): boolean {
  try {
    importScripts();
    return false;
  } catch {
    return true;
  }
}

function send(msg: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

// Handle messages strictly one after another: replies must come back in request order.
let chain = Promise.resolve();
scope.onmessage = (e: MessageEvent<ToWorker>) => {
  chain = chain.then(() => handle(e.data));
};

async function handle(msg: ToWorker): Promise<void> {
  try {
    if (msg.type === 'init') {
      analyzer = new FrameAnalyzer(await createLandmarker(msg.base, isModuleWorker()));
      analyzer.warmUp();
      send({ type: 'ready' });
    } else if (msg.type === 'frame') {
      if (!analyzer) throw new Error('not initialised');
      const obs = analyzer.analyze(msg.bitmap, msg.t);
      analysed.add(msg.t, msg.bitmap);
      send({ type: 'result', obs });
    } else {
      const copy = await analysed.copy(msg.t);
      send({ type: 'grabbed', bitmap: copy }, copy ? [copy] : []);
    }
  } catch (err) {
    send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
