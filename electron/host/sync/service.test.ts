/**
 * Sync end to end inside the host process against the reference upstream (real mTLS, real
 * packets, its own SQLite): enrolment, delivery exactly once through 5xx, slow answers and lost
 * acknowledgements, final refusals, pause, a dead host's lease, status pull-back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Upstream } from '../sim/upstream/server';
import { enrolKiosk, putPacket } from '../sim/upstream/test-client';
import { verifyAudit } from '../store/audit';
import * as D from '../store/dossiers';
import { officer, supervisor } from '../store/retention-fixture';
import type { OpenStore } from '../store/store';
import { claimNext } from './outbox';
import { buildPacketFromStore } from './packet/index';
import { PORTRAIT_RETURN_REASON } from './status-pull';
import type { SyncService } from './service';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { ChangeWaits, enrolledService, heldUpstream, upstreamService } from './test-service';

let s: OpenStore;
let up: Upstream;
let svc: SyncService | null = null;
let waits: ChangeWaits;
const until = (cond: () => boolean) => waits.until(cond);
const service = () => upstreamService(up, { onChange: waits.notify });
const enrolled = async () => (svc = await enrolledService(s.db, up, { onChange: waits.notify }));

const allIn = (ids: string[], state: string) => () => ids.every((id) => dossierState(s.db, id) === state);

beforeEach(async () => {
  [s, up] = await Promise.all([syncStore(), heldUpstream('kiosk-sync-upstream-')]);
  waits = new ChangeWaits();
});
afterEach(async () => {
  await svc?.detach();
  svc = null;
  await up.stop();
  s.close();
});

describe('SyncService with the reference upstream', () => {
  it('enrols with the one-time token (once), then delivers every approved dossier exactly once', async () => {
    const ids = approvedDossiers(s.db, 5);
    svc = service();
    svc.attach(s.db);
    expect(svc.workerState.running).toBe(false);
    const token = up.control.issueToken();
    const id = await svc.enrol(s.db, 'admin-1', token);
    expect(id.deviceId).toMatch(/^KIOSK-/);
    expect(id.upstreamUrl).toBe(up.url);
    await until(allIn(ids, 'sent'));
    expect(up.control.packetCount()).toBe(5);
    expect(s.db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'done'`).get()).toEqual({ n: 5 });
    expect(s.db.prepare('SELECT count(*) AS n FROM outbox_packets').get()).toEqual({ n: 0 });
    await expect(service().enrol(s.db, 'admin-1', token)).rejects.toMatchObject({ code: 'sync.enrolment_refused', detail: 'enrolment.token_used' });
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('retries 503 with Retry-After, a read timeout and lost acknowledgements; each dossier stored once', async () => {
    await enrolled();
    up.control.failNext(2, 503, 0);
    up.control.dropAcks(2);
    const ids = approvedDossiers(s.db, 4);
    svc!.poke();
    await until(allIn(ids, 'sent'));
    expect(up.control.packetCount()).toBe(4);
    up.control.slow(2_000);
    const [late] = approvedDossiers(s.db, 1);
    svc!.poke();
    await until(() => outboxRow(s.db, late!).last_error === 'net.timeout');
    up.control.slow(0);
    await until(allIn([late!], 'sent'));
    expect(up.control.packetCount()).toBe(5);
    const statuses = (s.db.prepare(`SELECT json_extract(detail, '$.status') AS st FROM audit WHERE action = 'sync.sent'`).all() as Array<{ st: number }>).map((r) => r.st);
    expect(statuses).toContain(200);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('a conflict (another packet under the same id) and a revoked device are final, never retried, kept for the screen', async () => {
    const [a] = approvedDossiers(s.db, 1);
    // Another kiosk stored a different packet for this dossier id first.
    const other = await enrolKiosk(up.enrolmentUrl, up.caPem, up.control.issueToken());
    const theirs = await buildPacketFromStore(s.db, a!, other.keys);
    expect((await putPacket(up.url, other.tls, a!, theirs.jwe)).status).toBe(201);
    const k = await enrolled();
    await until(() => outboxRow(s.db, a!).state === 'failed');
    expect(outboxRow(s.db, a!)).toMatchObject({ state: 'failed', last_error: 'packet.conflict', attempts: 1 });
    expect(dossierState(s.db, a!)).toBe('queued');
    up.control.revoke(k.enrolled!.deviceId);
    const [b] = approvedDossiers(s.db, 1);
    k.poke();
    await until(() => outboxRow(s.db, b!).state === 'failed');
    expect(outboxRow(s.db, b!)).toMatchObject({ last_error: 'device.revoked', attempts: 1 });
  });

  it('re-enrolment drops packets kept under the old identity and retries refusals of it', async () => {
    const k = await enrolled();
    const first = k.enrolled!.deviceId;
    up.control.revoke(first);
    const [id] = approvedDossiers(s.db, 1);
    k.poke();
    await until(() => outboxRow(s.db, id!).state === 'failed');
    expect(outboxRow(s.db, id!).last_error).toBe('device.revoked');
    await k.enrol(s.db, 'admin-1', up.control.issueToken());
    await until(allIn([id!], 'sent'));
    expect(up.control.packet(id!)?.signer).toBe(k.enrolled!.deviceId);
    expect(k.enrolled!.deviceId).not.toBe(first);
  });

  it('pause holds the queue until resume; both audited', async () => {
    await enrolled();
    expect(svc!.setPaused(true, 's-1')).toBe(true);
    const ids = approvedDossiers(s.db, 2);
    svc!.poke();
    expect(outboxRow(s.db, ids[0]!).state).toBe('pending');
    svc!.setPaused(false, 's-1');
    await until(allIn(ids, 'sent'));
    const acts = (s.db.prepare(`SELECT action FROM audit WHERE action IN ('sync.paused', 'sync.resumed') ORDER BY seq`).all() as Array<{ action: string }>).map((r) => r.action);
    expect(acts).toEqual(['sync.paused', 'sync.resumed']);
  });

  it('a row left "sending" by a killed host is reclaimed once its lease runs out, and stored once', async () => {
    const [id] = approvedDossiers(s.db, 1);
    claimNext(s.db, 'dead-host', Date.now(), 300);
    expect(dossierState(s.db, id!)).toBe('sending');
    await enrolled();
    await until(allIn([id!], 'sent'));
    expect(up.control.packetCount()).toBe(1);
    expect(outboxRow(s.db, id!).attempts).toBe(2);
  });

  it('pulls status back: accepted starts retention, a refused portrait returns to its officer, a data mismatch ends', async () => {
    await enrolled();
    up.control.duplicateChanges(true);
    const [ok, portrait, mismatch] = approvedDossiers(s.db, 3);
    svc!.poke();
    await until(allIn([ok!, portrait!, mismatch!], 'sent'));
    up.control.accept(ok!);
    up.control.reject(portrait!, 'portrait_quality');
    up.control.reject(mismatch!, 'data_mismatch');
    expect((await svc!.pollNow()).ok).toBe(true);
    expect(dossierState(s.db, ok!)).toBe('accepted');
    expect(dossierState(s.db, mismatch!)).toBe('rejected_upstream');
    expect(D.get(s.db, portrait!)).toMatchObject({ state: 'returned', returnReason: PORTRAIT_RETURN_REASON });
    expect(outboxRow(s.db, portrait!)).toBeUndefined();
    // The officer re-captures and submits again; the supervisor's approval queues it anew.
    D.submit(s.db, officer, portrait!, { allowDuplicate: true });
    D.approve(s.db, supervisor, portrait!);
    expect(outboxRow(s.db, portrait!).state).toBe('pending');
    // The feed again (duplicates included) changes nothing: the cursor was kept and a replay is idempotent.
    const before = s.db.prepare(`SELECT count(*) AS n FROM audit WHERE action LIKE 'sync.accepted' OR action LIKE 'sync.rejected'`).get();
    await svc!.pollNow();
    expect(s.db.prepare(`SELECT count(*) AS n FROM audit WHERE action LIKE 'sync.accepted' OR action LIKE 'sync.rejected'`).get()).toEqual(before);
    expect(verifyAudit(s.db).ok).toBe(true);
  });
});
