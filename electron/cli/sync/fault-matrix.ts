/**
 * The sync fault matrix (issue 11): for each scenario, a fresh kiosk store with approved dossiers,
 * enrolled with the reference upstream, its sync worker in its own process talking to the upstream
 * through a TCP proxy this code controls; the fault is applied, the run goes on until every
 * dossier is delivered, then both sides are checked: each dossier stored upstream exactly once (one
 * 'stored', no conflict), 'sent' (or accepted) with its outbox row done at the kiosk, the kiosk's
 * audit chain intact.
 */

import { createServer } from 'node:net';


import { silentLogger } from '../../host/log';
import { startUpstream, type Upstream } from '../../host/sim/upstream/server';
import { upstreamFixture } from '../../host/sim/upstream/test-client';
import { verifyAudit } from '../../host/store/audit';
import { unlockStore } from '../../host/store/store';
import { SyncService, type SyncTuning } from '../../host/sync/service';
import { approvedDossiers, syncStore, TEST_PASSPHRASE } from '../../host/sync/test-fixture';
import { KioskProcess, type KioskLine } from './kiosk-process';
import { resumableCut } from './resumable-scenario';
import { TcpProxy } from './tcp-proxy';

export interface ScenarioResult {
  name: string;
  dossiers: number;
  storedOnce: number;
  lost: number;
  duplicated: number;
  note: string;
}

export interface Ctx {
  up: Upstream;
  proxy: TcpProxy;
  kiosk: KioskProcess;
  d: number;
  /** The scenario's dossiers. */
  ids: string[];
  restartUpstream(): Promise<void>;
}

export interface Scenario {
  name: string;
  tuning?: SyncTuning;
  /** The live portrait's size for this scenario's dossiers (else the matrix's). */
  portraitBytes?: number;
  /** Before the kiosk starts. */
  arrange?(c: Ctx): void | Promise<void>;
  /** While it runs; returns a note. */
  during?(c: Ctx): Promise<string | void>;
  /** After delivery, before the checks; may add to the note (throws to fail the scenario). */
  after?(c: Ctx): Promise<string | void>;
  /** Every dossier must end accepted (the status feed was pulled). */
  accepted?: boolean;
}

const WAIT_MS = 90_000;

/**
 * `p`, or a rejection naming `what` after `ms`: every wait of the matrix is bounded, so a step that
 * hangs fails its scenario with its name instead of running out the caller's clock.
 */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
const retrying = (l: KioskLine) => l.counts.retrying > 0;

export const SCENARIOS: Scenario[] = [
  {
    name: 'connection refused',
    arrange: (c) => c.proxy.stop(),
    during: async (c) => {
      await c.kiosk.waitFor(retrying, WAIT_MS, 'a refused attempt');
      await c.proxy.start();
      return 'proxy closed until an attempt was refused';
    },
  },
  {
    name: 'reset mid-body',
    arrange: (c) => void (c.proxy.fault = { kind: 'reset', count: 3, afterBytes: 30_000 }),
    during: async (c) => {
      await c.kiosk.waitFor(retrying, WAIT_MS, 'a reset attempt');
      return `${c.proxy.resets} connections reset after 30 KB`;
    },
  },
  {
    name: 'connect timeout (swallowed)',
    tuning: { connectTimeoutMs: 600 },
    // Every connection swallowed until an upload has timed out: a fixed count could be spent on
    // status polls alone (they start first while the build thread loads), leaving no upload to fail.
    arrange: (c) => void (c.proxy.fault = { kind: 'blackhole', count: Infinity }),
    during: async (c) => {
      await c.kiosk.waitFor(retrying, WAIT_MS, 'a timed-out upload');
      c.proxy.fault = { kind: 'pass' };
      return `${c.proxy.swallowed} connections swallowed until an upload had timed out`;
    },
  },
  {
    name: 'read timeout',
    tuning: { readTimeoutMs: 700 },
    arrange: (c) => c.up.control.slow(3_000),
    during: async (c) => {
      await c.kiosk.waitFor(retrying, WAIT_MS, 'a read timeout');
      c.up.control.slow(0);
      return 'upstream answered after 3 s against a 0.7 s read timeout, then normally';
    },
  },
  {
    name: 'slow responses',
    arrange: (c) => {
      c.proxy.fault = { kind: 'delay', ms: 20 };
      c.up.control.slow(250);
    },
    after: async (c) => c.up.control.slow(0),
  },
  {
    name: '5xx and 429',
    // 503 to every request until an upload has been refused (a fixed count could go to status polls alone).
    arrange: (c) => c.up.control.failNext(Infinity, 503, 0),
    during: async (c) => {
      await c.kiosk.waitFor(retrying, WAIT_MS, 'an upload answered 503');
      c.up.control.failNext(2, 429, 1);
      return '503 until an upload was refused, then 2 × 429 with Retry-After: 1';
    },
  },
  {
    name: 'acknowledgement lost after storing',
    arrange: (c) => c.up.control.dropAcks(Math.max(2, Math.ceil(c.d / 2))),
  },
  {
    name: 'duplicate acknowledgements and status changes',
    accepted: true,
    arrange: (c) => {
      c.up.control.mode('accept');
      c.up.control.duplicateChanges(true);
      c.up.control.dropAcks(2);
    },
    after: async (c) => {
      c.kiosk.send('poll');
      await c.kiosk.waitFor((l) => l.ev === 'polled', WAIT_MS, 'a status poll');
      c.kiosk.send('poll');
      await c.kiosk.waitFor((l) => l.ev === 'polled', WAIT_MS, 'a second status poll');
      c.up.control.mode('hold');
      c.up.control.duplicateChanges(false);
    },
  },
  {
    name: 'kiosk killed mid-upload and restarted',
    tuning: { leaseMs: 1_500 },
    arrange: (c) => c.up.control.slow(1_500),
    during: async (c) => {
      await within(new Promise<void>((resolve) => (c.proxy.onUpload = resolve)), WAIT_MS, 'an upload on the wire');
      c.proxy.onUpload = null;
      await c.kiosk.kill();
      c.up.control.slow(0);
      c.kiosk.start();
      return 'SIGKILL while an upload was on the wire; restarted on the same store';
    },
  },
  {
    name: 'upstream restarted',
    during: async (c) => {
      await c.kiosk.waitFor((l) => l.counts.done >= 1, WAIT_MS, 'a first delivery');
      await c.restartUpstream();
      return 'upstream stopped and started again on its data folder';
    },
  },
  resumableCut(WAIT_MS),
];

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

const BASE_TUNING: SyncTuning = { concurrency: 3, leaseMs: 5_000, pollMs: 2_000, idleMs: 300, backoff: { baseMs: 50, capMs: 800 }, connectTimeoutMs: 3_000, readTimeoutMs: 2_500 };

export interface MatrixOptions {
  dossiers: number;
  portraitBytes?: number;
  only?: (name: string) => boolean;
  report?: (r: ScenarioResult) => void;
}

export async function runMatrix(o: MatrixOptions): Promise<ScenarioResult[]> {
  const fixture = upstreamFixture('faults-upstream-');
  const ports = { port: await freePort(), enrolmentPort: await freePort() };
  let up = await startUpstream({ dataDir: fixture.dataDir, trust: fixture.trust, ...ports });
  up.control.mode('hold');
  const stored = new Map<string, number>();
  const conflicts = new Map<string, number>();
  const listen = (u: Upstream) => {
    u.events.on('stored', (e: { dossierId: string }) => stored.set(e.dossierId, (stored.get(e.dossierId) ?? 0) + 1));
    u.events.on('refused', (e: { path?: string; code: string }) => {
      const id = /HS-[2-9A-HJ-NP-Z]{10}/.exec(e.path ?? '')?.[0];
      if (id && e.code === 'packet.conflict') conflicts.set(id, (conflicts.get(id) ?? 0) + 1);
    });
  };
  listen(up);
  const results: ScenarioResult[] = [];
  try {
    for (const sc of SCENARIOS) {
      if (o.only && !o.only(sc.name)) continue;
      const r = await runScenario(sc, o, () => up, async () => {
        await within(up.stop(), WAIT_MS, 'the upstream stopping');
        up = await within(startUpstream({ dataDir: fixture.dataDir, trust: fixture.trust, ...ports }), WAIT_MS, 'the upstream starting again');
        up.control.mode('hold');
        listen(up);
      }, stored, conflicts);
      results.push(r);
      o.report?.(r);
    }
  } finally {
    await within(up.stop(), WAIT_MS, 'the upstream stopping');
  }
  return results;
}

/**
 * A fresh kiosk store with `count` approved dossiers, enrolled with `up`, its sync process (not yet
 * started) reaching the upstream's API through a started TCP proxy (TLS still end to end: the
 * proxy's address is the upstream's IP).
 */
export async function kioskBehindProxy(up: Upstream, count: number, portraitBytes: number, tuning: SyncTuning): Promise<{ dataDir: string; ids: string[]; proxy: TcpProxy; kiosk: KioskProcess }> {
  const s = await syncStore('faults-kiosk-');
  const ids = approvedDossiers(s.db, count, portraitBytes);
  const enrol = new SyncService({ config: { upstream: { url: up.enrolmentUrl, caFile: 'ca' }, stationName: 'Trạm thử lỗi' }, appVersion: 'faults', log: silentLogger, readCa: () => up.caPem });
  enrol.attach(s.db);
  enrol.setPaused(true, 'faults');
  await enrol.enrol(s.db, 'faults', up.control.issueToken());
  await enrol.detach();
  const proxy = new TcpProxy({ host: '127.0.0.1', port: new URL(up.url).port ? Number(new URL(up.url).port) : 443 }, await freePort());
  s.db.transaction(() => {
    s.db.prepare('UPDATE sync_identity SET upstream_url = ?').run(`https://127.0.0.1:${proxy.port}`);
    s.db.prepare(`DELETE FROM sync_state WHERE key = 'paused'`).run();
  })();
  s.close();
  await proxy.start();
  return { dataDir: s.dataDir, ids, proxy, kiosk: new KioskProcess(s.dataDir, TEST_PASSPHRASE, { ...BASE_TUNING, ...tuning }) };
}

async function runScenario(sc: Scenario, o: MatrixOptions, up: () => Upstream, restartUpstream: () => Promise<void>, stored: Map<string, number>, conflicts: Map<string, number>): Promise<ScenarioResult> {
  const { dataDir, ids, proxy, kiosk } = await within(kioskBehindProxy(up(), o.dossiers, sc.portraitBytes ?? o.portraitBytes ?? 60_000, sc.tuning ?? {}), WAIT_MS, 'a kiosk store made and enrolled');
  const ctx: Ctx = { get up() { return up(); }, proxy, kiosk, d: o.dossiers, ids, restartUpstream };
  let note = '';
  let failure: string | null = null;
  try {
    await sc.arrange?.(ctx);
    kiosk.start();
    note = (await sc.during?.(ctx)) ?? '';
    await kiosk.waitFor((l) => l.counts.failed > 0 || (l.counts.done === o.dossiers && l.counts.pending === 0 && l.counts.sending === 0), WAIT_MS, 'every dossier delivered');
    if ((kiosk.last?.counts.failed ?? 0) > 0) failure = `${kiosk.last!.counts.failed} refused`;
    const more = await sc.after?.(ctx);
    if (more) note = note ? `${note}; ${more}` : more;
  } catch (e) {
    failure = (e as Error).message;
  } finally {
    await kiosk.stop().catch((e: Error) => void (failure ??= e.message));
    await within(proxy.stop(), WAIT_MS, 'the proxy stopping').catch((e: Error) => void (failure ??= e.message));
  }
  const check = await unlockStore(dataDir, { passphrase: TEST_PASSPHRASE });
  let storedOnce = 0;
  let lost = 0;
  let duplicated = 0;
  for (const id of ids) {
    const row = check.db.prepare('SELECT d.state, o.state AS outbox FROM dossiers d LEFT JOIN outbox o ON o.dossier_id = d.id WHERE d.id = ?').get(id) as { state: string; outbox: string | null };
    const n = stored.get(id) ?? 0;
    const upstreamHas = up().control.packet(id) !== undefined;
    const delivered = row.outbox === 'done' && (sc.accepted ? row.state === 'accepted' : row.state === 'sent' || row.state === 'accepted');
    if (n > 1 || (conflicts.get(id) ?? 0) > 0) duplicated++;
    else if (n === 1 && upstreamHas && delivered) storedOnce++;
    else lost++;
  }
  const audit = verifyAudit(check.db);
  if (!audit.ok) failure = `audit chain broken at ${audit.firstBroken}`;
  if (sc.accepted) {
    const accepted = (check.db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'sync.accepted'`).get() as { n: number }).n;
    if (accepted !== o.dossiers) failure = `${accepted} acceptances recorded for ${o.dossiers} dossiers`;
  }
  check.close();
  if (failure) note = `FAILED: ${failure}${note ? ` (${note})` : ''}`;
  return { name: sc.name, dossiers: o.dossiers, storedOnce, lost, duplicated, note };
}

export function summary(results: ScenarioResult[]): { line: string; ok: boolean } {
  const d = results.reduce((n, r) => n + r.dossiers, 0);
  const once = results.reduce((n, r) => n + r.storedOnce, 0);
  const lost = results.reduce((n, r) => n + r.lost, 0);
  const dup = results.reduce((n, r) => n + r.duplicated, 0);
  const ok = results.length > 0 && once === d && lost === 0 && dup === 0 && results.every((r) => !r.note.startsWith('FAILED'));
  return { line: `scenarios ${results.length}, dossiers ${d}, stored-once ${once}, lost ${lost}, duplicated ${dup}`, ok };
}

export function scenarioLine(r: ScenarioResult): string {
  const ok = r.storedOnce === r.dossiers && r.lost === 0 && r.duplicated === 0 && !r.note.startsWith('FAILED');
  return `${ok ? 'ok  ' : 'FAIL'} ${r.name}: dossiers ${r.dossiers}, stored-once ${r.storedOnce}, lost ${r.lost}, duplicated ${r.duplicated}${r.note ? ` — ${r.note}` : ''}`;
}

