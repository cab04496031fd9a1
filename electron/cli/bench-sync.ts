/**
 * `npm run bench -- sync`: sync throughput over loopback and the drain of a 1,000-dossier backlog
 * after an outage, JSON lines. Setup: a fresh encrypted store (synchronous=FULL) with N approved
 * dossiers (~60 KB live portrait: ~150 KB packets), enrolled with the reference upstream (real
 * mutual TLS, decryption, signature and manifest checks, its own SQLite) in this same process on
 * this machine's cores; the product's sync worker with its default backoff. The upstream is down
 * while the first attempts fail (the outage), then started again on its data folder and ports;
 * the clock runs from its restart until every dossier is recorded sent.
 */
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { silentLogger } from '../host/log';
import { startUpstream, type Upstream } from '../host/sim/upstream/server';
import { upstreamFixture } from '../host/sim/upstream/test-client';
import { outboxCounts } from '../host/sync/outbox';
import { SyncService } from '../host/sync/service';
import { approvedDossiers, syncStore } from '../host/sync/test-fixture';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '8' } } });
  const n = Number(values.dossiers);
  const concurrency = Number(values.concurrency);
  const s = await syncStore('kiosk-bench-sync-');
  approvedDossiers(s.db, n, 60_000);
  const fixture = upstreamFixture('bench-upstream-');
  const ports = { port: await freePort(), enrolmentPort: await freePort() };
  let up: Upstream = await startUpstream({ dataDir: fixture.dataDir, trust: fixture.trust, ...ports });
  up.control.mode('hold');
  let notify = () => undefined as void;
  const svc = new SyncService({
    config: { upstream: { url: up.enrolmentUrl, caFile: 'ca' }, stationName: 'bench' },
    appVersion: 'bench',
    log: silentLogger,
    tuning: { concurrency },
    readCa: () => up.caPem,
    onChange: () => notify(),
  });
  svc.attach(s.db);
  svc.setPaused(true, 'bench');
  await svc.enrol(s.db, 'bench', up.control.issueToken());
  const until = (cond: () => boolean) =>
    new Promise<void>((resolve) => {
      notify = () => {
        if (cond()) resolve();
      };
      notify();
    });

  // The outage: the upstream is down while the worker's first attempts fail.
  await up.stop();
  svc.setPaused(false, 'bench');
  await until(() => outboxCounts(s.db).retrying >= Math.min(n, 20));
  const t0 = process.hrtime.bigint();
  up = await startUpstream({ dataDir: fixture.dataDir, trust: fixture.trust, ...ports });
  up.control.mode('hold');
  let firstAt: bigint | null = null;
  await until(() => {
    const c = outboxCounts(s.db);
    if (c.done > 0 && firstAt === null) firstAt = process.hrtime.bigint();
    return c.done === n;
  });
  const t1 = process.hrtime.bigint();
  const drainMs = Number(t1 - t0) / 1e6;
  const sendingMs = Number(t1 - (firstAt ?? t0)) / 1e6;
  const stored = up.control.packetCount();
  const sample = (s.db.prepare('SELECT dossier_id FROM outbox LIMIT 20').pluck().all() as string[]).map((id) => up.control.packet(id)?.jwe.length ?? 0);
  const packetKB = round(sample.reduce((a, b) => a + b, 0) / sample.length / 1024);
  console.log(JSON.stringify({ bench: 'sync.throughput', dossiers: n, perSecond: round(n / (sendingMs / 1000)), packetKB, concurrency, stored, note: 'from the first delivery after the upstream came back to the last; kiosk and reference upstream in one process on this machine' }));
  console.log(JSON.stringify({ bench: 'sync.backlog', dossiers: n, drainMs: round(drainMs), aim: 'under 60000 ms', note: 'from the upstream starting again (after an outage with failed attempts) until every dossier is recorded sent: includes noticing the network is back (status poll every 5 s while down)' }));
  await svc.detach();
  await up.stop();
  s.close();
}

await main();
