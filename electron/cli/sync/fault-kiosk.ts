/**
 * The kiosk side of the fault matrix, as its own process (so it can be killed with SIGKILL): opens
 * the kiosk's encrypted store (KIOSK_STORE_PASSPHRASE) in --data, runs the real SyncService with
 * the tuning in SYNC_TUNING (JSON), and prints one JSON line per change with the outbox counts.
 * A line "poll" on stdin pulls the status feed now; "stop" (or SIGTERM) ends it cleanly. The host's
 * log lines (technical fields only) are kept in memory, the last 60: a stop still waiting after
 * STUCK_MS prints them with what is still busy as one 'stuck' line, so a hang names itself.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createLogger } from '../../host/log';
import { unlockStore } from '../../host/store/store';
import { outboxCounts } from '../../host/sync/outbox';
import { SyncService, type SyncTuning } from '../../host/sync/service';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const passphrase = process.env.KIOSK_STORE_PASSPHRASE;
if (!values.data || !passphrase) {
  console.error('usage: fault-kiosk --data DIR (with KIOSK_STORE_PASSPHRASE)');
  process.exit(2);
}
const tuning = JSON.parse(process.env.SYNC_TUNING ?? '{}') as SyncTuning;
const store = await unlockStore(values.data, { passphrase });
const STUCK_MS = 15_000;
const recent: string[] = [];
const log = createLogger((line) => {
  recent.push(line);
  if (recent.length > 60) recent.shift();
});
const say = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n');
const svc = new SyncService({
  config: { upstream: null, stationName: null },
  appVersion: 'faults',
  log,
  tuning,
  onChange: () => say({ ev: 'changed', counts: outboxCounts(store.db) }),
});
svc.attach(store.db);
say({ ev: 'ready', counts: outboxCounts(store.db) });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  const stuck = setTimeout(() => say({ ev: 'stuck', counts: outboxCounts(store.db), worker: svc.workerState, log: recent }), STUCK_MS);
  stuck.unref();
  await svc.detach();
  store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'stop') void stop();
  if (line === 'poll') void svc.pollNow().then((p) => say({ ev: 'polled', ok: p.ok, counts: outboxCounts(store.db) }));
});
