/**
 * Resumable uploads of large packets, inside the host against the reference upstream (real mTLS,
 * real SQLite on both sides): pieces, a failed piece resumed from the upstream's offset with the
 * same kept bytes, an expired upload started afresh with the same bytes, the progress shown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dossierSync } from '../handlers/sync';
import { silentLogger } from '../log';
import { startUpstream, type Upstream } from '../sim/upstream/server';
import { upstreamFixture } from '../sim/upstream/test-client';
import { UPLOAD_TTL_MS } from '../sim/upstream/uploads';
import { verifyAudit } from '../store/audit';
import type { OpenStore } from '../store/store';
import { storedPacket } from './outbox';
import { SyncService, type SyncTuning } from './service';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';

let s: OpenStore;
let up: Upstream;
let svc: SyncService;
let changed: Array<() => void> = [];
let appended: Array<{ uploadId: string; offset: number; bytes: number }> = [];
let started: Array<{ uploadId: string; offset: number; dossierId: string }> = [];

const TUNING: SyncTuning = { backoff: { baseMs: 5, capMs: 40 }, leaseMs: 2_000, pollMs: 60_000, idleMs: 200, concurrency: 2, resumableAboveBytes: 100_000, chunkBytes: 32 * 1024 };

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

/** The dossier's upload cut after its first piece (the next request answered 503), then the worker paused; returns the kept packet. */
async function interruptedAfterFirstPiece(id: string) {
  up.events.once('upload-appended', () => up.control.failNext(1, 503, 0));
  svc.setPaused(false, 's-1');
  await until(() => outboxRow(s.db, id).last_error === 'unavailable');
  svc.setPaused(true, 's-1');
  return storedPacket(s.db, id)!;
}

const audits = (id: string, action: string) => (s.db.prepare('SELECT detail FROM audit WHERE dossier_id = ? AND action = ? ORDER BY seq').all(id, action) as Array<{ detail: string }>).map((r) => JSON.parse(r.detail) as Record<string, unknown>);
const sum = (a: Array<{ bytes: number }>) => a.reduce((n, e) => n + e.bytes, 0);

beforeEach(async () => {
  const f = upstreamFixture('kiosk-resumable-upstream-');
  [s, up] = await Promise.all([syncStore('kiosk-resumable-'), startUpstream({ dataDir: f.dataDir, trust: f.trust })]);
  up.control.mode('hold');
  changed = [];
  appended = [];
  started = [];
  up.events.on('upload-appended', (e: (typeof appended)[number]) => appended.push(e));
  up.events.on('upload-started', (e: (typeof started)[number]) => started.push(e));
  svc = new SyncService({ config: { upstream: { url: up.enrolmentUrl, caFile: '/ca.pem' }, stationName: 'Công an phường 7' }, appVersion: '0.0.0-test', log: silentLogger, tuning: TUNING, readCa: () => up.caPem, onChange: () => changed.forEach((f) => f()) });
  svc.attach(s.db);
  await svc.enrol(s.db, 'admin-1', up.control.issueToken());
});
afterEach(async () => {
  await svc.detach();
  await up.stop();
  s.close();
});

describe('resumable uploads of large packets', () => {
  it('a packet above the threshold goes in pieces, stored once with its digest; a small one in one PUT', async () => {
    const [big] = approvedDossiers(s.db, 1, 60_000);
    const [small] = approvedDossiers(s.db, 1, 2_000);
    svc.poke();
    await until(() => dossierState(s.db, big!) === 'sent' && dossierState(s.db, small!) === 'sent');
    const sent = audits(big!, 'sync.sent')[0]!;
    expect(up.control.packet(big!)?.digest).toBe(sent.digest);
    const size = up.control.packet(big!)!.jwe.length;
    expect(size).toBeGreaterThan(100_000);
    expect(started.map((e) => e.dossierId)).toEqual([big]);
    expect(appended.length).toBe(Math.ceil(size / (32 * 1024)));
    expect(sum(appended)).toBe(size);
    // Delivered: the kept bytes (personal data, sealed) and their upload are gone; no progress left to show.
    expect(storedPacket(s.db, big!)).toBeNull();
    expect(dossierSync(s.db, big!).upload).toBeNull();
    expect(audits(big!, 'sync.upload_started')).toEqual([{ offset: 0, size }]);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('a piece refused with 503 is resumed from the upstream\'s offset: the same upload, the same bytes, nothing sent twice; progress shown meanwhile', async () => {
    svc.setPaused(true, 's-1');
    const [id] = approvedDossiers(s.db, 1, 60_000);
    const kept = await interruptedAfterFirstPiece(id!);
    const waiting = dossierSync(s.db, id!);
    expect(waiting.upload).toEqual({ sent: 32 * 1024, total: kept.size });
    svc.setPaused(false, 's-1');
    await until(() => dossierState(s.db, id!) === 'sent');
    expect(started).toHaveLength(1);
    expect(new Set(appended.map((e) => e.uploadId)).size).toBe(1);
    expect(sum(appended)).toBe(kept.size);
    expect(up.control.packet(id!)?.jwe).toBe(kept.jwe);
    expect(audits(id!, 'sync.upload_resumed')).toEqual([{ offset: 32 * 1024, size: kept.size }]);
  });

  it('an upload the upstream let expire is started afresh with the same kept bytes and stored once', async () => {
    svc.setPaused(true, 's-1');
    const [id] = approvedDossiers(s.db, 1, 60_000);
    const kept = await interruptedAfterFirstPiece(id!);
    expect(up.control.ageUploads(UPLOAD_TTL_MS + 60_000)).toBe(1);
    svc.setPaused(false, 's-1');
    await until(() => dossierState(s.db, id!) === 'sent');
    expect(started.map((e) => e.offset)).toEqual([0, 0]);
    expect(started[0]!.uploadId).not.toBe(started[1]!.uploadId);
    expect(up.control.packet(id!)?.jwe).toBe(kept.jwe);
    expect(audits(id!, 'sync.upload_started').map((d) => d.replaces ?? null)).toEqual([null, 'upload_unknown']);
    expect(audits(id!, 'sync.sent')[0]!.digest).toBe(kept.digest);
  });
});
