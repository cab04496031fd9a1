/**
 * Security review (issue 11): resumable uploads the kiosk stopped using were left open upstream
 * (their pieces of the sealed packet kept for 24 h), and a refused dossier kept its sealed packet
 * at the kiosk for good. Now an upload the kiosk forgets before completing it is cancelled
 * (`DELETE /v1/uploads/{id}`, best effort, audited `sync.upload_cancelled`), whether the dossier
 * was delivered another way (an offline import seen through the status pull), its packet is sent
 * whole after `resumableAboveBytes` was raised, or a piece was refused for good; a refusal deletes
 * the kept packet with its result. A HEAD answered 5xx is `unavailable` as on the other requests.
 * Real SQLite on both sides, the reference upstream over mutual TLS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../sim/upstream/server';
import { upstreamFixture } from '../sim/upstream/test-client';
import { verifyAudit } from '../store/audit';
import type { OpenStore } from '../store/store';
import { retryAllNow, storedPacket } from './outbox';
import { keptUpload } from './outbox-upload';
import type { SyncService } from './service';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { interruptedAfterFirstPiece as cutAfterFirstPiece, openUploads as upstreamOpenUploads, upstreamSql as changeUpstream } from './test-resumable';
import { ChangeWaits, enrolledService, FAST_TUNING, upstreamService } from './test-service';

const CHUNK = 32 * 1024;
const TUNING = { ...FAST_TUNING, leaseMs: 2_000, concurrency: 1, resumableAboveBytes: 100_000, chunkBytes: CHUNK };
let s: OpenStore;
let up: Upstream;
let upDir: string;
let svc: SyncService;
let waits: ChangeWaits;
const until = (cond: () => boolean) => waits.until(cond);
const audits = (id: string, action: string) => (s.db.prepare('SELECT detail FROM audit WHERE dossier_id = ? AND action = ? ORDER BY seq').all(id, action) as Array<{ detail: string }>).map((r) => JSON.parse(r.detail) as Record<string, unknown>);
const openUploads = () => upstreamOpenUploads(upDir);
const upstreamSql = (sql: string, ...params: unknown[]) => changeUpstream(upDir, sql, ...params);
const cancelsQueued = () => s.db.prepare('SELECT upload_id FROM upload_cancels').pluck().all() as string[];

beforeEach(async () => {
  const f = upstreamFixture('kiosk-upload-cancel-upstream-');
  upDir = f.dataDir;
  [s, up] = await Promise.all([syncStore('kiosk-upload-cancel-'), startUpstream({ dataDir: f.dataDir, trust: f.trust })]);
  up.control.mode('hold');
  waits = new ChangeWaits();
  svc = await enrolledService(s.db, up, { paused: true, tuning: TUNING, onChange: waits.notify });
});
afterEach(async () => {
  await svc.detach();
  await up.stop();
  s.close();
});

/** The dossier's upload cut after its first piece (a Retry-After of a minute: not tried again on its own): one upload open upstream. */
async function interruptedAfterFirstPiece(id: string): Promise<string> {
  await cutAfterFirstPiece({ db: s.db, up, svc, until }, id, 60);
  const { uploadId } = keptUpload(s.db, id)!;
  expect(openUploads()).toEqual([uploadId]);
  return uploadId!;
}

/** Sending again, every waiting dossier due now. */
function resume(): void {
  svc.setPaused(false, 's-1');
  retryAllNow(s.db, Date.now(), 'test');
  svc.poke();
}

describe('uploads the kiosk stops using are cancelled upstream', () => {
  it('a dossier delivered another way (imported at the upstream, seen in the status feed): its open upload is cancelled and forgotten', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    const uploadId = await interruptedAfterFirstPiece(id!);
    const kept = storedPacket(s.db, id!)!;
    await up.control.importPacket(kept.jwe);
    up.control.accept(id!);
    await svc.pollNow();
    expect(dossierState(s.db, id!)).toBe('accepted');
    expect(storedPacket(s.db, id!)).toBeNull();
    expect(cancelsQueued()).toEqual([uploadId]);
    svc.setPaused(false, 's-1');
    await until(() => audits(id!, 'sync.upload_cancelled').length > 0);
    expect(audits(id!, 'sync.upload_cancelled')).toEqual([{ result: 'cancelled', tries: 1 }]);
    expect(openUploads()).toEqual([]);
    expect(cancelsQueued()).toEqual([]);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('upstream.resumableAboveBytes raised after a cut: the kept packet goes whole in one PUT and its upload is cancelled', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    await interruptedAfterFirstPiece(id!);
    const kept = storedPacket(s.db, id!)!;
    await svc.detach();
    svc = upstreamService(up, { tuning: { ...TUNING, resumableAboveBytes: 10_000_000 }, onChange: waits.notify });
    svc.attach(s.db);
    resume();
    await until(() => dossierState(s.db, id!) === 'sent' && audits(id!, 'sync.upload_cancelled').length > 0);
    expect(up.control.packet(id!)?.jwe).toBe(kept.jwe);
    expect(audits(id!, 'sync.upload_cancelled')).toEqual([{ result: 'cancelled', tries: 1 }]);
    expect(openUploads()).toEqual([]);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('a piece refused for good (413): the dossier is refused, its sealed kept packet deleted with the result, its upload cancelled', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    const uploadId = await interruptedAfterFirstPiece(id!);
    // The upstream now holds the upload as nearly complete: the next piece passes its size.
    upstreamSql('UPDATE uploads SET size = offset + 10 WHERE id = ?', uploadId);
    resume();
    await until(() => outboxRow(s.db, id!).state === 'failed' && audits(id!, 'sync.upload_cancelled').length > 0);
    expect(outboxRow(s.db, id!).last_error).toBe('packet.too_large');
    expect(storedPacket(s.db, id!)).toBeNull();
    expect(s.db.prepare('SELECT count(*) FROM outbox_packets').pluck().get()).toBe(0);
    expect(audits(id!, 'sync.upload_cancelled')).toEqual([{ result: 'cancelled', tries: 1 }]);
    expect(openUploads()).toEqual([]);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('a cancel the upstream cannot take now (503) is kept and tried again after a backoff', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    const uploadId = await interruptedAfterFirstPiece(id!);
    await up.control.importPacket(storedPacket(s.db, id!)!.jwe);
    up.control.accept(id!);
    await svc.pollNow();
    expect(cancelsQueued()).toEqual([uploadId]);
    const cancelled: string[] = [];
    up.events.on('upload-cancelled', (e: { uploadId: string }) => cancelled.push(e.uploadId));
    up.control.failNext(1, 503, 0);
    svc.setPaused(false, 's-1');
    const tries = () => s.db.prepare('SELECT tries FROM upload_cancels').pluck().get() as number | undefined;
    await until(() => tries() === 1);
    expect(cancelled).toEqual([]);
    expect(openUploads()).toEqual([uploadId]);
    expect(Date.parse(s.db.prepare('SELECT next_try_at FROM upload_cancels').pluck().get() as string)).toBeGreaterThan(Date.now());
    // Its next try made due now: it is sent.
    s.db.prepare('UPDATE upload_cancels SET next_try_at = ?').run(new Date(0).toISOString());
    svc.poke();
    await until(() => audits(id!, 'sync.upload_cancelled').length > 0);
    expect(audits(id!, 'sync.upload_cancelled')).toEqual([{ result: 'cancelled', tries: 2 }]);
    expect(cancelled).toEqual([uploadId]);
    expect(openUploads()).toEqual([]);
  });
});

describe('a resumed upload whose HEAD the upstream answers 5xx', () => {
  it('is recorded as unavailable (as a PUT or a piece would be), not http.503, and retried', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    await interruptedAfterFirstPiece(id!);
    up.control.failNext(1, 503, 0);
    resume();
    await until(() => audits(id!, 'sync.retry_scheduled').length >= 2);
    expect(audits(id!, 'sync.retry_scheduled').map((d) => d.code)).toEqual(['unavailable', 'unavailable']);
    await until(() => dossierState(s.db, id!) === 'sent');
  });
});
