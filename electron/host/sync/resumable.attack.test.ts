/**
 * Security review of resumable uploads (issue 11): a large packet sent in pieces, against the
 * reference upstream (real mTLS, real SQLite on both sides), when the kiosk's store or the
 * upstream misbehave.
 *
 * - A full disk while the packet is kept (or its upload remembered) threw out of the worker's
 *   upload: an unhandled rejection, the row left 'sending' with no result and no audit entry until
 *   its lease ran out. Now a failure of the store during the send is a retry like a build failure.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../sim/upstream/server';
import { upstreamFixture } from '../sim/upstream/test-client';
import { verifyAudit } from '../store/audit';
import type { OpenStore } from '../store/store';
import { storedPacket } from './outbox';
import type { SyncService } from './service';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { ChangeWaits, enrolledService, FAST_TUNING } from './test-service';

let s: OpenStore;
let up: Upstream;
let svc: SyncService;
let waits: ChangeWaits;
let unhandled: unknown[];
const until = (cond: () => boolean) => waits.until(cond);
const onUnhandled = (e: unknown) => unhandled.push(e);
const audits = (id: string, action: string) => (s.db.prepare('SELECT detail FROM audit WHERE dossier_id = ? AND action = ? ORDER BY seq').all(id, action) as Array<{ detail: string }>).map((r) => JSON.parse(r.detail) as Record<string, unknown>);

beforeEach(async () => {
  const f = upstreamFixture('kiosk-resumable-attack-upstream-');
  [s, up] = await Promise.all([syncStore('kiosk-resumable-attack-'), startUpstream({ dataDir: f.dataDir, trust: f.trust })]);
  up.control.mode('hold');
  waits = new ChangeWaits();
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
  svc = await enrolledService(s.db, up, { paused: true, tuning: { ...FAST_TUNING, leaseMs: 2_000, concurrency: 1, resumableAboveBytes: 100_000, chunkBytes: 32 * 1024 }, onChange: waits.notify });
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await svc.detach();
  await up.stop();
  s.close();
});

describe('resumable uploads when the store or the upstream misbehave', () => {
  it('a full disk while the packet is kept is a retry with its audit entry (no unhandled rejection, no row left sending); sent once there is room', async () => {
    const [id] = approvedDossiers(s.db, 1, 60_000);
    // The store may grow by a few pages (the claim, the result), not by a ~150 KB packet.
    const pages = (s.db.pragma('page_count', { simple: true }) as number) + (s.db.pragma('freelist_count', { simple: true }) as number);
    s.db.pragma(`max_page_count = ${pages + 12}`);
    svc.setPaused(false, 's-1');
    await until(() => outboxRow(s.db, id!).last_error !== null);
    svc.setPaused(true, 's-1');
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'pending', last_error: 'packet.build_failed', lease_owner: null });
    expect(dossierState(s.db, id!)).toBe('queued');
    expect(audits(id!, 'sync.retry_scheduled').map((d) => d.code)).toEqual(['packet.build_failed']);
    expect(storedPacket(s.db, id!)).toBeNull();
    expect(unhandled).toEqual([]);

    s.db.pragma('max_page_count = 1073741823');
    svc.setPaused(false, 's-1');
    await until(() => dossierState(s.db, id!) === 'sent');
    expect(up.control.packet(id!)?.digest).toBe(audits(id!, 'sync.sent')[0]!.digest);
    expect(verifyAudit(s.db).ok).toBe(true);
  });
});
