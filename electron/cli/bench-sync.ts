/**
 * `npm run bench -- sync [--runs 3] [--dossiers 1000] [--concurrency 8] [--verify-threads N] [--no-chip] [--upstream-in-process] [--build-threads N]`:
 * sync throughput over loopback and the drain of a 1,000-dossier backlog after an outage, JSON
 * lines, the median of `runs`. Setup: a fresh encrypted store (synchronous=FULL) with N approved
 * dossiers, each with a ~60 KB live portrait, the chip portrait and the raw chip files and SOD of a
 * genuine read signed by a test CSCA (~165 KB packets); the reference upstream trusting that CSCA
 * (real mutual TLS, decryption, signature and manifest checks, passive authentication of the chip
 * files in its verification threads, group commit in its own SQLite, synchronous=FULL) in a child
 * process of its own (bench-upstream.ts; another machine in production; `--upstream-in-process`:
 * in this process, as the bench ran before) on this machine's cores; the product's sync worker with its default backoff. The upstream
 * is down while the first attempts fail (the outage), then started again on its data folder and
 * ports; the clock runs from its restart until every dossier is recorded sent.
 */
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { silentLogger } from '../host/log';
import { startUpstream, type Upstream } from '../host/sim/upstream/server';
import type { StartArgs } from './sync/bench-upstream';
import { UpstreamProcess } from './sync/upstream-process';
import { upstreamFixture } from '../host/sim/upstream/test-client';
import { defaultVerifyThreads } from '../host/sim/upstream/verify-pool';
import type { Db } from '../host/store/database';
import * as D from '../host/store/dossiers';
import { officer, supervisor } from '../host/store/retention-fixture';
import { sampleDossier } from '../host/store/test-dossier';
import type { ChipFilePart } from '../host/sync/packet/manifest';
import { outboxCounts } from '../host/sync/outbox';
import { defaultBuildThreads } from '../host/sync/packet/build-pool';
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
  /** CPU time (every thread, user + system) per dossier while sending, kiosk and upstream together. */
  cpuMsPerDossier: number;
  /** The kiosk's and the upstream's shares, when the upstream runs in a process of its own. */
  kioskCpuMsPerDossier: number | null;
  upstreamCpuMsPerDossier: number | null;
}

/** The bench's reference upstream, in this process or in a child process of its own. */
interface BenchUpstream {
  start(): Promise<{ enrolmentUrl: string; caPem: string }>;
  stop(): Promise<void>;
  hold(): Promise<void>;
  issueToken(): Promise<string>;
  packetCount(): Promise<number>;
  packetSize(dossierId: string): Promise<number | null>;
  /** CPU time of the upstream's process when it is a child of its own (else null: it is counted in this process). */
  cpu(): Promise<NodeJS.CpuUsage | null>;
  close(): Promise<void>;
}

function inProcessUpstream(args: Parameters<typeof startUpstream>[0]): BenchUpstream {
  let up: Upstream | null = null;
  const running = () => up ?? (() => { throw new Error('upstream not running'); })();
  return {
    start: async () => (up = await startUpstream(args)),
    stop: async () => void (await up?.stop()),
    hold: async () => running().control.mode('hold'),
    issueToken: async () => running().control.issueToken(),
    packetCount: async () => running().control.packetCount(),
    packetSize: async (id) => running().control.packet(id)?.jwe.length ?? null,
    cpu: async () => null,
    close: async () => undefined,
  };
}

function childUpstream(args: StartArgs): BenchUpstream {
  const p = new UpstreamProcess();
  return {
    start: () => p.start(args),
    stop: () => p.stop(),
    hold: () => p.mode('hold'),
    issueToken: () => p.issueToken(),
    packetCount: () => p.packetCount(),
    packetSize: (id) => p.packetSize(id),
    cpu: () => p.cpu(),
    close: () => p.close(),
  };
}

const msOf = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

async function run(n: number, concurrency: number, verifyThreads: number, chip: boolean, inProcess: boolean, buildThreads: number | undefined): Promise<Run> {
  const loadBefore = load();
  const s = await syncStore('kiosk-bench-sync-');
  const fixture = upstreamFixture('bench-upstream-');
  chipDossiers(s.db, n, chip ? fixture.chipFiles : null);
  const ports = { port: await freePort(), enrolmentPort: await freePort() };
  const up = inProcess
    ? inProcessUpstream({ dataDir: fixture.dataDir, trust: fixture.trust, verifyThreads, ...ports })
    : childUpstream({ dataDir: fixture.dataDir, trustDers: fixture.trust.ders(), verifyThreads, ...ports });
  const { enrolmentUrl, caPem } = await up.start();
  await up.hold();
  let notify = () => undefined as void;
  const svc = new SyncService({
    config: { upstream: { url: enrolmentUrl, caFile: 'ca' }, stationName: 'bench' },
    appVersion: 'bench',
    log: silentLogger,
    tuning: { concurrency, ...(buildThreads === undefined ? {} : { buildThreads }) },
    readCa: () => caPem,
    onChange: () => notify(),
  });
  svc.attach(s.db);
  svc.setPaused(true, 'bench');
  await svc.enrol(s.db, 'bench', await up.issueToken());
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
  await up.start();
  await up.hold();
  let firstAt: bigint | null = null;
  let cpuAt: NodeJS.CpuUsage | null = null;
  let upCpuAt: Promise<NodeJS.CpuUsage | null> = Promise.resolve(null);
  let doneAt = 0;
  await until(() => {
    const c = outboxCounts(s.db);
    if (c.done > 0 && firstAt === null) {
      firstAt = process.hrtime.bigint();
      cpuAt = process.cpuUsage();
      upCpuAt = up.cpu();
      doneAt = c.done;
    }
    return c.done === n;
  });
  const cpu = process.cpuUsage(cpuAt ?? undefined);
  const t1 = process.hrtime.bigint();
  const [upCpu0, upCpu1] = await Promise.all([upCpuAt, up.cpu()]);
  const drainMs = Number(t1 - t0) / 1e6;
  const sendingMs = Number(t1 - (firstAt ?? t0)) / 1e6;
  const stored = await up.packetCount();
  const sample = await Promise.all((s.db.prepare('SELECT dossier_id FROM outbox LIMIT 20').pluck().all() as string[]).map(async (id) => (await up.packetSize(id)) ?? 0));
  const packetKB = round(sample.reduce((a, b) => a + b, 0) / sample.length / 1024);
  await svc.detach();
  await up.stop();
  await up.close();
  s.close();
  const sent = Math.max(1, n - doneAt);
  const kioskMs = msOf(cpu) / sent;
  const upstreamMs = upCpu0 && upCpu1 ? (msOf(upCpu1) - msOf(upCpu0)) / sent : null;
  return {
    perSecond: round(n / (sendingMs / 1000)),
    drainMs: round(drainMs),
    packetKB,
    stored,
    loadBefore,
    cpuMsPerDossier: round(kioskMs + (upstreamMs ?? 0)),
    kioskCpuMsPerDossier: upstreamMs === null ? null : round(kioskMs),
    upstreamCpuMsPerDossier: upstreamMs === null ? null : round(upstreamMs),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      dossiers: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '8' },
      runs: { type: 'string', default: '1' },
      'verify-threads': { type: 'string' },
      'no-chip': { type: 'boolean', default: false },
      'upstream-in-process': { type: 'boolean', default: false },
      'build-threads': { type: 'string' },
    },
  });
  const n = Number(values.dossiers);
  const concurrency = Number(values.concurrency);
  const verifyThreads = values['verify-threads'] === undefined ? defaultVerifyThreads() : Number(values['verify-threads']);
  const chip = !values['no-chip'];
  const inProcess = values['upstream-in-process'];
  const buildThreads = values['build-threads'] === undefined ? undefined : Number(values['build-threads']);
  const runs: Run[] = [];
  for (let i = 0; i < Number(values.runs); i++) runs.push(await run(n, concurrency, verifyThreads, chip, inProcess, buildThreads));
  const setup = { dossiers: n, concurrency, verifyThreads, buildThreads: buildThreads ?? defaultBuildThreads(), cores: availableParallelism(), chipFiles: chip, packetKB: runs[0]!.packetKB, runs: runs.length };
  const where = inProcess
    ? 'kiosk (encrypted store, synchronous=FULL) and reference upstream (verification threads, group commit, synchronous=FULL) in one process'
    : 'kiosk (encrypted store, synchronous=FULL) in this process; reference upstream (verification threads, group commit, synchronous=FULL) in a child process of its own (another machine in production), both on these cores';
  console.log(JSON.stringify({ bench: 'sync.setup', ...setup, upstream: inProcess ? 'in-process' : 'child-process', loadAverage: runs.map((r) => r.loadBefore), note: `${where}; load average (1, 5, 15 min) before each run` }));
  console.log(JSON.stringify({ bench: 'sync.throughput', dossiers: n, perSecond: median(runs.map((r) => r.perSecond)), each: runs.map((r) => r.perSecond), stored: runs.map((r) => r.stored), aim: 'at least 50 per second', note: 'median; from the first delivery after the upstream came back to the last' }));
  const cpuMs = median(runs.map((r) => r.cpuMsPerDossier));
  const split = inProcess
    ? {}
    : {
        kioskMs: median(runs.map((r) => r.kioskCpuMsPerDossier ?? 0)),
        kioskEach: runs.map((r) => r.kioskCpuMsPerDossier),
        upstreamMs: median(runs.map((r) => r.upstreamCpuMsPerDossier ?? 0)),
        upstreamEach: runs.map((r) => r.upstreamCpuMsPerDossier),
      };
  console.log(
    JSON.stringify({
      bench: 'sync.cpu',
      cpuMsPerDossier: cpuMs,
      each: runs.map((r) => r.cpuMsPerDossier),
      ...split,
      ceilingPerSecond: round((availableParallelism() * 1000) / cpuMs),
      note: 'CPU time (all threads, user + system) per dossier while sending, kiosk and upstream together (and each process apart when the upstream has its own); the ceiling is what these cores give with nothing else running',
    }),
  );
  console.log(JSON.stringify({ bench: 'sync.backlog', dossiers: n, drainMs: median(runs.map((r) => r.drainMs)), each: runs.map((r) => r.drainMs), aim: 'under 60000 ms', note: 'median; from the upstream starting again (after an outage with failed attempts) until every dossier is recorded sent: includes noticing the network is back (status poll every 5 s while down)' }));
}

await main();
