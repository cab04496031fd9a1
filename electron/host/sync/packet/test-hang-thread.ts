/**
 * A build thread for tests of build-pool.ts: a packet whose station is 'hang' spins for ever (a
 * thread stuck mid-build); any other is refused at once, as a failed build (so a test knows the thread loaded).
 */
import { parentPort } from 'node:worker_threads';
import type { BuildReply, BuildRequest } from './build-thread';

parentPort!.on('message', (m: BuildRequest) => {
  if (m.input.station === 'hang') for (;;);
  parentPort!.postMessage({ id: m.id, ok: false } satisfies BuildReply);
});
parentPort!.postMessage({ ready: true });
