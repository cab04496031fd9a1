/**
 * `npm run bench -- sync [--runs 3] [--dossiers 1000] [--concurrency 8] [--verify-threads N] [--no-chip]`:
 * sync throughput over loopback and the drain of a 1,000-dossier backlog after an outage, JSON
 * lines, the median of `runs`. Setup: a fresh encrypted store (synchronous=FULL) with N approved
 * dossiers, each with a ~60 KB live portrait, the chip portrait and the raw chip files and SOD of a
 * genuine read signed by a test CSCA (~165 KB packets); the reference upstream trusting that CSCA
 * (real mutual TLS, decryption, signature and manifest checks, passive authentication of the chip
 * files in its verification threads, group commit in its own SQLite, synchronous=FULL) in this same
 * process on this machine's cores; the product's sync worker with its default backoff. The upstream
 * is down while the first attempts fail (the outage), then started again on its data folder and
 * ports; the clock runs from its restart until every dossier is recorded sent.
 */
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { silentLogger } from '../host/log';
import { startUpstream, type Upstream } from '../host/sim/upstream/server';
import { upstreamFixture } from '../host/sim/upstream/test-client';
import { defaultVerifyThreads } from '../host/sim/upstream/verify-pool';
import type { Db } from '../host/store/database';
import * as D from '../host/store/dossiers';
import { officer, supervisor } from '../host/store/retention-fixture';
import { sampleDossier } from '../host/store/test-dossier';
import type { ChipFilePart } from '../host/sync/packet/manifest';
import { outboxCounts } from '../host/sync/outbox';
import { SyncService } from '../host/sync/service';
import { syncStore } from '../host/sync/test-fixture';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

const round = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((x) => round(x));

/** A JPEG-framed blob of `n` bytes (its content does not matter to sync). */
const jpeg = (n: number) => {
  const b = Buffer.alloc(n, 7);
  b.set([0xff, 0xd8], 0);
  b.set([0xff, 0xd9], n - 2);
  return new Uint8Array(b);
};

/** `count` dossiers taken from a chip (its raw files and SOD kept), submitted and approved. */
function chipDossiers(db: Db, count: number, chipFiles: Partial<Record<ChipFilePart, Uint8Array>> | null): void {
  for (let i = 0; i < count; i++) {
    const idNumber = `0011900${String(10_000 + i).padStart(5, '0')}`;
    const d = D.createDraft(db, officer, sampleDossier({ idNumber }), { live_portrait: jpeg(60_000), chip_portrait: jpeg(500), ...(chipFiles ?? {}) });
    D.submit(db, officer, d.id, { allowDuplicate: true });
    D.approve(db, supervisor, d.id);
  }
}

interface Run {
  perSecond: number;
  drainMs: number;
  packetKB: number;
  stored: number;
  loadBefore: number[];
  /** CPU time of the whole process (every thread, user + system) per dossier while sending. */
  cpuMsPerDossier: number;
}

async function run(n: number, concurrency: number, verifyThreads: number, chip: boolean): Promise<Run> {
  const loadBefore = load();
  const s = await syncStore('kiosk-bench-sync-');
  const fixture = upstreamFixture('bench-upstream-');
  chipDossiers(s.db, n, chip ? fixture.chipFiles : null);
  const ports = { port: await freePort(), enrolmentPort: await freePort() };
  const start = () => startUpstream({ dataDir: fixture.dataDir, trust: fixture.trust, verifyThreads, ...ports });
  let up: Upstream = await start();
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
  up = await start();
  up.control.mode('hold');
  let firstAt: bigint | null = null;
  let cpuAt: NodeJS.CpuUsage | null = null;
  let doneAt = 0;
  await until(() => {
    const c = outboxCounts(s.db);
    if (c.done > 0 && firstAt === null) {
      firstAt = process.hrtime.bigint();
      cpuAt = process.cpuUsage();
      doneAt = c.done;
    }
    return c.done === n;
  });
  const cpu = process.cpuUsage(cpuAt ?? undefined);
  const t1 = process.hrtime.bigint();
  const drainMs = Number(t1 - t0) / 1e6;
  const sendingMs = Number(t1 - (firstAt ?? t0)) / 1e6;
  const stored = up.control.packetCount();
  const sample = (s.db.prepare('SELECT dossier_id FROM outbox LIMIT 20').pluck().all() as string[]).map((id) => up.control.packet(id)?.jwe.length ?? 0);
  const packetKB = round(sample.reduce((a, b) => a + b, 0) / sample.length / 1024);
  await svc.detach();
  await up.stop();
  s.close();
  const cpuMsPerDossier = round((cpu.user + cpu.system) / 1000 / Math.max(1, n - doneAt));
  return { perSecond: round(n / (sendingMs / 1000)), drainMs: round(drainMs), packetKB, stored, loadBefore, cpuMsPerDossier };
}

async function main() {
  const { values } = parseArgs({
    options: {
      dossiers: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '8' },
      runs: { type: 'string', default: '1' },
      'verify-threads': { type: 'string' },
      'no-chip': { type: 'boolean', default: false },
    },
  });
  const n = Number(values.dossiers);
  const concurrency = Number(values.concurrency);
  const verifyThreads = values['verify-threads'] === undefined ? defaultVerifyThreads() : Number(values['verify-threads']);
  const chip = !values['no-chip'];
  const runs: Run[] = [];
  for (let i = 0; i < Number(values.runs); i++) runs.push(await run(n, concurrency, verifyThreads, chip));
  const setup = { dossiers: n, concurrency, verifyThreads, cores: availableParallelism(), chipFiles: chip, packetKB: runs[0]!.packetKB, runs: runs.length };
  console.log(JSON.stringify({ bench: 'sync.setup', ...setup, loadAverage: runs.map((r) => r.loadBefore), note: 'kiosk (encrypted store, synchronous=FULL) and reference upstream (verification threads, group commit, synchronous=FULL) in one process; load average (1, 5, 15 min) before each run' }));
  const cpuMs = median(runs.map((r) => r.cpuMsPerDossier));
  console.log(JSON.stringify({ bench: 'sync.throughput', dossiers: n, perSecond: median(runs.map((r) => r.perSecond)), each: runs.map((r) => r.perSecond), stored: runs.map((r) => r.stored), aim: 'at least 50 per second', note: 'median; from the first delivery after the upstream came back to the last' }));
  console.log(JSON.stringify({ bench: 'sync.cpu', cpuMsPerDossier: cpuMs, each: runs.map((r) => r.cpuMsPerDossier), ceilingPerSecond: round((availableParallelism() * 1000) / cpuMs), note: 'CPU time of the process (all threads, user + system) per dossier while sending, kiosk and upstream together; the ceiling is what these cores give with nothing else running' }));
  console.log(JSON.stringify({ bench: 'sync.backlog', dossiers: n, drainMs: median(runs.map((r) => r.drainMs)), each: runs.map((r) => r.drainMs), aim: 'under 60000 ms', note: 'median; from the upstream starting again (after an outage with failed attempts) until every dossier is recorded sent: includes noticing the network is back (status poll every 5 s while down)' }));
}

await main();
