/**
 * Sync end to end inside the host process: a real encrypted store, enrolment over real mTLS, the
 * outbox worker with real packets, misbehaving answers, pause, status pull-back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import { verifyAudit } from '../store/audit';
import * as D from '../store/dossiers';
import { officer } from '../store/retention-fixture';
import type { OpenStore } from '../store/store';
import { claimNext } from './outbox';
import { PORTRAIT_RETURN_REASON } from './status-pull';
import { SyncService, type SyncTuning } from './service';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { startTestUpstream, type TestUpstream } from './test-server';
import { supervisor } from '../store/retention-fixture';

let s: OpenStore;
let up: TestUpstream;
let svc: SyncService;
let changed: Array<() => void> = [];

const FAST: SyncTuning = { backoff: { baseMs: 5, capMs: 40 }, leaseMs: 400, pollMs: 60_000, idleMs: 200, readTimeoutMs: 1_000, concurrency: 3 };

function service(tuning = FAST): SyncService {
  return new SyncService({
    config: { upstream: { url: up.url, caFile: '/ca.pem' }, stationName: 'Công an phường 7' },
    appVersion: '0.0.0-test',
    log: silentLogger,
    tuning,
    readCa: () => up.tls.caPem,
    onChange: () => changed.forEach((f) => f()),
  });
}

/** Resolves when `cond` holds, checked after every change the service reports. */
function until(cond: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!cond()) return;
      changed = changed.filter((f) => f !== check);
      resolve();
    };
    changed.push(check);
    check();
  });
}

const allIn = (ids: string[], state: string) => () => ids.every((id) => dossierState(s.db, id) === state);

beforeEach(async () => {
  [s, up] = await Promise.all([syncStore(), startTestUpstream()]);
  changed = [];
});
afterEach(async () => {
  await svc?.detach();
  await up.close();
  s.close();
});

describe('SyncService', () => {
  it('enrols with the one-time token (once), then delivers every approved dossier exactly once', async () => {
    const ids = approvedDossiers(s.db, 5);
    svc = service();
    svc.attach(s.db);
    expect(svc.workerState.running).toBe(false);
    const id = await svc.enrol(s.db, 'admin-1', up.token);
    expect(id.deviceId).toMatch(/^KIOSK-/);
    await until(allIn(ids, 'sent'));
    expect([...up.stores.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(s.db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'done'`).get()).toEqual({ n: 5 });
    expect(s.db.prepare('SELECT count(*) AS n FROM outbox_packets').get()).toEqual({ n: 0 });
    await expect(service().enrol(s.db, 'admin-1', up.token)).rejects.toMatchObject({ code: 'sync.enrolment_refused', detail: 'enrolment.token_used' });
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('retries 503, a reset, a hung answer and a lost acknowledgement, and stores each dossier once', async () => {
    svc = service();
    svc.attach(s.db);
    await svc.enrol(s.db, 'admin-1', up.token);
    up.script.push({ status: 503, code: 'unavailable', retryAfter: '0' }, 'reset_before_store', 'hang', 'drop_after_store', 'drop_after_store');
    const ids = approvedDossiers(s.db, 4);
    svc.poke();
    await until(allIn(ids, 'sent'));
    expect(up.script).toEqual([]);
    expect(ids.map((i) => up.stores.get(i))).toEqual([1, 1, 1, 1]);
    const statuses = s.db.prepare(`SELECT json_extract(detail, '$.status') AS st FROM audit WHERE action = 'sync.sent'`).all() as Array<{ st: number }>;
    expect(statuses.map((r) => r.st)).toContain(200);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('a conflict or a final refusal is never retried and is kept for the screen', async () => {
    svc = service();
    svc.attach(s.db);
    await svc.enrol(s.db, 'admin-1', up.token);
    up.script.push({ status: 409, code: 'packet.conflict' });
    const [a] = approvedDossiers(s.db, 1);
    svc.poke();
    await until(() => outboxRow(s.db, a!).state === 'failed');
    up.script.push({ status: 422, code: 'packet.chip_unverified' });
    const [b] = approvedDossiers(s.db, 1);
    svc.poke();
    await until(() => outboxRow(s.db, b!).state === 'failed');
    expect(outboxRow(s.db, a!)).toMatchObject({ state: 'failed', last_error: 'packet.conflict', attempts: 1 });
    expect(outboxRow(s.db, b!)).toMatchObject({ state: 'failed', last_error: 'packet.chip_unverified', attempts: 1 });
    expect(dossierState(s.db, a!)).toBe('queued');
    expect(up.puts).toBe(2);
  });

  it('pause holds the queue until resume; both audited', async () => {
    svc = service();
    svc.attach(s.db);
    await svc.enrol(s.db, 'admin-1', up.token);
    expect(svc.setPaused(true, 's-1')).toBe(true);
    const ids = approvedDossiers(s.db, 2);
    svc.poke();
    expect(up.puts).toBe(0);
    expect(outboxRow(s.db, ids[0]!).state).toBe('pending');
    svc.setPaused(false, 's-1');
    await until(allIn(ids, 'sent'));
    const acts = (s.db.prepare(`SELECT action FROM audit WHERE action IN ('sync.paused', 'sync.resumed') ORDER BY seq`).all() as Array<{ action: string }>).map((r) => r.action);
    expect(acts).toEqual(['sync.paused', 'sync.resumed']);
  });

  it('a row left "sending" by a killed host is reclaimed once its lease runs out, and sent once', async () => {
    const [id] = approvedDossiers(s.db, 1);
    claimNext(s.db, 'dead-host', Date.now(), 300);
    expect(dossierState(s.db, id!)).toBe('sending');
    svc = service();
    svc.attach(s.db);
    await svc.enrol(s.db, 'admin-1', up.token);
    await until(allIn([id!], 'sent'));
    expect(up.stores.get(id!)).toBe(1);
    expect(outboxRow(s.db, id!).attempts).toBe(2);
  });

  it('pulls status back: accepted starts retention, a refused portrait returns to its officer, a data mismatch ends', async () => {
    svc = service();
    svc.attach(s.db);
    await svc.enrol(s.db, 'admin-1', up.token);
    const [ok, portrait, mismatch] = approvedDossiers(s.db, 3);
    svc.poke();
    await until(allIn([ok!, portrait!, mismatch!], 'sent'));
    up.decide(ok!, 'accepted');
    up.decide(portrait!, 'rejected', 'portrait_quality');
    up.decide(mismatch!, 'rejected', 'data_mismatch');
    expect((await svc.pollNow()).ok).toBe(true);
    expect(dossierState(s.db, ok!)).toBe('accepted');
    expect(dossierState(s.db, mismatch!)).toBe('rejected_upstream');
    expect(D.get(s.db, portrait!)).toMatchObject({ state: 'returned', returnReason: PORTRAIT_RETURN_REASON });
    expect(outboxRow(s.db, portrait!)).toBeUndefined();
    // The officer re-captures and submits again; the supervisor's approval queues it anew.
    D.submit(s.db, officer, portrait!, { allowDuplicate: true });
    D.approve(s.db, supervisor, portrait!);
    expect(outboxRow(s.db, portrait!).state).toBe('pending');
    // The same feed again changes nothing (the cursor was kept; a replay is idempotent).
    const before = s.db.prepare('SELECT count(*) AS n FROM audit').get();
    await svc.pollNow();
    expect(s.db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual(before);
    expect(verifyAudit(s.db).ok).toBe(true);
  });
});
