/**
 * Security review of resumable uploads (issue 11): a large packet sent in pieces, against the
 * reference upstream (real mTLS, real SQLite on both sides), when the kiosk's store or the
 * upstream misbehave.
 *
 * - A full disk while the packet is kept (or its upload remembered) threw out of the worker's
 *   upload: an unhandled rejection, the row left 'sending' with no result and no audit entry until
 *   its lease ran out. Now a failure of the store during the send is a retry like a build failure.
 * - An upstream whose upload holds other bytes than the kiosk sent (it acknowledged bytes it did not
 *   keep, its disk changed them) answered the completion with 400 packet.digest_mismatch: final at
 *   the kiosk (the dossier never delivered) and the broken upload kept upstream for 24 hours
 *   (a HEAD said it was complete, so even a retry completed the same broken bytes). Now the
 *   upstream drops such an upload and the kiosk starts a fresh one with the same kept bytes.
 * - An offset beyond the packet's size was written to the store (the officer's progress line said
 *   more than 100 %) before it was found wrong. Now it is refused before it is remembered.
 * - A device revoked while a large upload waited to resume: the HEAD's 403 has no body, so the
 *   refusal was recorded as `http.403`, final, and a re-enrolment (which retries refusals about
 *   the identity) left the dossier failed for good. Now a HEAD refusal is asked again by the start
 *   (a POST), whose answer names the reason.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dossierSync } from '../handlers/sync';
import { startUpstream, type Upstream } from '../sim/upstream/server';
import { upstreamFixture } from '../sim/upstream/test-client';
import { verifyAudit } from '../store/audit';
import * as D from '../store/dossiers';
import { officer, supervisor } from '../store/retention-fixture';
import type { OpenStore } from '../store/store';
import { storedPacket } from './outbox';
import { keptUpload } from './outbox-upload';
import type { SyncService } from './service';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { interruptedAfterFirstPiece as cutAfterFirstPiece, upstreamSql as changeUpstream } from './test-resumable';
import { ChangeWaits, enrolledService, FAST_TUNING } from './test-service';

const CHUNK = 32 * 1024;
const largeJpeg = (n: number) => {
  const b = Buffer.alloc(n, 9);
  b.set([0xff, 0xd8], 0);
  b.set([0xff, 0xd9], n - 2);
  return new Uint8Array(b);
};
let s: OpenStore;
let up: Upstream;
let upDir: string;
let svc: SyncService;
let waits: ChangeWaits;
let unhandled: unknown[];
const until = (cond: () => boolean) => waits.until(cond);
const onUnhandled = (e: unknown) => unhandled.push(e);
const audits = (id: string, action: string) => (s.db.prepare('SELECT detail FROM audit WHERE dossier_id = ? AND action = ? ORDER BY seq').all(id, action) as Array<{ detail: string }>).map((r) => JSON.parse(r.detail) as Record<string, unknown>);

beforeEach(async () => {
  const f = upstreamFixture('kiosk-resumable-attack-upstream-');
  upDir = f.dataDir;
  [s, up] = await Promise.all([syncStore('kiosk-resumable-attack-'), startUpstream({ dataDir: f.dataDir, trust: f.trust })]);
  up.control.mode('hold');
  waits = new ChangeWaits();
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
  svc = await enrolledService(s.db, up, { paused: true, tuning: { ...FAST_TUNING, leaseMs: 2_000, concurrency: 1, resumableAboveBytes: 100_000, chunkBytes: CHUNK }, onChange: waits.notify });
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await svc.detach();
  await up.stop();
  s.close();
});

const interruptedAfterFirstPiece = (id: string) => cutAfterFirstPiece({ db: s.db, up, svc, until }, id);
const upstreamSql = (sql: string, ...params: unknown[]) => changeUpstream(upDir, sql, ...params);

describe('resumable uploads when the store or the upstream misbehave', () => {
  it('a full disk while the packet is kept is a retry with its audit entry (no unhandled rejection, no row left sending); sent once there is room', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    // The store may grow by a few pages (the claim, the result), not by a ~150 KB packet.
    const pages = (s.db.pragma('page_count', { simple: true }) as number) + (s.db.pragma('freelist_count', { simple: true }) as number);
    s.db.pragma(`max_page_count = ${pages + 12}`);
    svc.setPaused(false, 's-1');
    await until(() => outboxRow(s.db, id!).last_error !== null);
    svc.setPaused(true, 's-1');
    // The backoff here is a few ms: on a busy machine the worker may have claimed the row again
    // before the pause; that attempt still runs, and fails the same way.
    await until(() => outboxRow(s.db, id!).state !== 'sending');
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'pending', last_error: 'packet.build_failed', lease_owner: null });
    expect(dossierState(s.db, id!)).toBe('queued');
    const codes = audits(id!, 'sync.retry_scheduled').map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['packet.build_failed']));
    expect(storedPacket(s.db, id!)).toBeNull();
    expect(unhandled).toEqual([]);

    s.db.pragma('max_page_count = 1073741823');
    svc.setPaused(false, 's-1');
    await until(() => dossierState(s.db, id!) === 'sent');
    expect(up.control.packet(id!)?.digest).toBe(audits(id!, 'sync.sent')[0]!.digest);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('an upstream holding other bytes than were sent (offset moved past the bytes it kept): the broken upload is dropped upstream and the kiosk sends the same kept bytes afresh', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    const started: string[] = [];
    up.events.on('upload-started', (e: { uploadId: string }) => started.push(e.uploadId));
    await interruptedAfterFirstPiece(id!);
    const kept = storedPacket(s.db, id!)!;
    const { uploadId } = keptUpload(s.db, id!)!;
    // The upstream acknowledges 1,000 bytes it never received (a HEAD now says more than the kiosk sent).
    upstreamSql('UPDATE uploads SET offset = offset + 1000 WHERE id = ?', uploadId);
    svc.setPaused(false, 's-1');
    await until(() => outboxRow(s.db, id!).state !== 'pending' && outboxRow(s.db, id!).state !== 'sending');
    expect(outboxRow(s.db, id!).state).toBe('done');
    expect(dossierState(s.db, id!)).toBe('sent');
    expect(up.control.packet(id!)?.jwe).toBe(kept.jwe);
    expect(started).toHaveLength(2);
    expect(started[1]).not.toBe(uploadId);
    expect(audits(id!, 'sync.upload_started').map((d) => d.replaces ?? null)).toEqual([null, 'upload_unknown']);
    expect(audits(id!, 'sync.sent')[0]!.digest).toBe(kept.digest);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('an upstream offset beyond the packet\'s size is refused before it is remembered: the progress shown never passes the total', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    await interruptedAfterFirstPiece(id!);
    const { uploadId, size } = keptUpload(s.db, id!)!;
    upstreamSql('UPDATE uploads SET offset = ? WHERE id = ?', size + 5_000, uploadId);
    svc.setPaused(false, 's-1');
    await until(() => outboxRow(s.db, id!).last_error === 'bad_response');
    svc.setPaused(true, 's-1');
    expect(keptUpload(s.db, id!)).toMatchObject({ uploadId, offset: CHUNK });
    expect(dossierSync(s.db, id!).upload).toEqual({ sent: CHUNK, total: size });
    expect(audits(id!, 'sync.upload_resumed')).toEqual([]);
  });
  it('a device revoked mid-upload is told as device.revoked (a HEAD has no body to say why), so re-enrolling sends the dossier again', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    await interruptedAfterFirstPiece(id!);
    expect(up.control.revoke(svc.enrolled!.deviceId)).toBe(true);
    svc.setPaused(false, 's-1');
    await until(() => outboxRow(s.db, id!).state === 'failed');
    expect(outboxRow(s.db, id!).last_error).toBe('device.revoked');
    await svc.enrol(s.db, 'admin-1', up.control.issueToken());
    await until(() => dossierState(s.db, id!) === 'sent');
    expect(up.control.packet(id!)?.digest).toBe(audits(id!, 'sync.sent')[0]!.digest);
    expect(verifyAudit(s.db).ok).toBe(true);
  });
  it('a large packet re-captured after a portrait rejection: the old kept bytes are gone, the new submission is kept, sent in pieces and stored in place of the old', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    const started: string[] = [];
    up.events.on('upload-started', (e: { dossierId: string }) => started.push(e.dossierId));
    svc.setPaused(false, 's-1');
    await until(() => dossierState(s.db, id!) === 'sent');
    const first = up.control.packet(id!)!;
    up.control.reject(id!, 'portrait_quality');
    await svc.pollNow();
    expect(dossierState(s.db, id!)).toBe('returned');
    expect(storedPacket(s.db, id!)).toBeNull();
    svc.setPaused(true, 's-1');
    D.saveDraft(s.db, officer, id!, D.get(s.db, id!).revision, D.body(s.db, id!), { live_portrait: largeJpeg(61_000) });
    D.submit(s.db, officer, id!, { allowDuplicate: true });
    D.approve(s.db, supervisor, id!);
    svc.setPaused(false, 's-1');
    await until(() => dossierState(s.db, id!) === 'sent');
    const second = up.control.packet(id!)!;
    expect(second.submission).toBe(2);
    expect(second.digest).not.toBe(first.digest);
    expect(started).toEqual([id, id]);
    expect(audits(id!, 'sync.packet_built').map((d) => d.digest)).toEqual([first.digest, second.digest]);
    expect(audits(id!, 'sync.sent').map((d) => d.digest)).toEqual([first.digest, second.digest]);
    expect(storedPacket(s.db, id!)).toBeNull();
  });
});
