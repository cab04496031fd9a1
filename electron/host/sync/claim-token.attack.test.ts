/**
 * Security review (issue 11): the lease belonged to the worker, not to the claim. A lease that ran
 * out while its own upload still ran (an event loop stalled longer than the lease) let the same
 * worker claim the row again and upload the same dossier twice at once; the first attempt's late
 * result, offsets and renewals were then written over the second's (same owner). Now every claim
 * has its own token: only the claim holding the row writes, a stale claim's result is dropped
 * (audited `sync.result_dropped`), and a worker never claims a dossier it is still uploading.
 * Real SQLite; the worker test against the reference upstream over mutual TLS.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Upstream } from '../sim/upstream/server';
import { verifyAudit } from '../store/audit';
import type { OpenStore } from '../store/store';
import { claimNext, keepPacket, recordOutcome, renewLease } from './outbox';
import { ClaimLostError, confirmOffset, keptUpload, rememberUpload } from './outbox-upload';
import type { SyncService } from './service';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { ChangeWaits, enrolledService, FAST_TUNING, heldUpstream } from './test-service';

let s: OpenStore | undefined;
let up: Upstream | undefined;
let svc: SyncService | undefined;
afterEach(async () => {
  await svc?.detach();
  await up?.stop();
  s?.close();
  [s, up, svc] = [undefined, undefined, undefined];
});

const receipt = (id: string) => ({ dossierId: id, digest: 'ab'.repeat(32), receivedAt: new Date().toISOString() });
const actions = (db: OpenStore['db'], id: string, action: string) =>
  (db.prepare('SELECT detail FROM audit WHERE dossier_id = ? AND action = ? ORDER BY seq').all(id, action) as Array<{ detail: string }>).map((r) => JSON.parse(r.detail) as Record<string, unknown>);

describe('a claim, not its worker, holds the outbox row', () => {
  it('the same worker claiming a row again after its lease ran out: the first claim can neither renew, move the offset nor record; its result is dropped, audited', async () => {
    s = await syncStore('kiosk-claim-token-');
    const [id] = approvedDossiers(s.db, 1);
    const now = Date.now();
    const first = claimNext(s.db, 'w', now, 1_000)!;
    keepPacket(s.db, id!, { jwe: 'x'.repeat(500), digest: 'cd'.repeat(32), size: 500 }, now);
    rememberUpload(s.db, id!, first.claim, 'u'.repeat(24), 100, now, 'new');
    // The event loop stalled past the lease: the same worker claims the row again.
    const second = claimNext(s.db, 'w', now + 5_000, 1_000)!;
    expect(second).toMatchObject({ dossierId: id, attempt: 2, reclaimed: true });
    expect(second.claim).not.toBe(first.claim);

    expect(renewLease(s.db, first, now + 9_000)).toBe(false);
    expect(() => confirmOffset(s!.db, id!, first.claim, 'u'.repeat(24), 400)).toThrow(ClaimLostError);
    expect(keptUpload(s.db, id!)).toMatchObject({ offset: 100 });
    expect(recordOutcome(s.db, first, { kind: 'final', status: 403, code: 'device.revoked' }, now + 5_001, now)).toBe('lease_lost');
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'sending', attempts: 2, last_error: null, lease_owner: 'w' });
    expect(actions(s.db, id!, 'sync.result_dropped')).toEqual([{ attempt: 1, outcome: 'final', code: 'device.revoked', digest: null }]);
    expect(actions(s.db, id!, 'sync.refused')).toEqual([]);

    confirmOffset(s.db, id!, second.claim, 'u'.repeat(24), 500);
    expect(renewLease(s.db, second, now + 9_000)).toBe(true);
    expect(recordOutcome(s.db, second, { kind: 'stored', status: 201, receipt: receipt(id!) }, now + 5_002, now)).toBe('sent');
    expect(dossierState(s.db, id!)).toBe('sent');
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('a lease running out while its own upload still runs: the worker does not start a second upload of that dossier; the first is recorded once', async () => {
    [s, up] = await Promise.all([syncStore('kiosk-claim-stall-'), heldUpstream('kiosk-claim-stall-upstream-')]);
    const [id] = approvedDossiers(s.db, 1, 60_000);
    let clock = Date.now();
    const waits = new ChangeWaits();
    svc = await enrolledService(s.db, up, {
      paused: true,
      tuning: { ...FAST_TUNING, leaseMs: 2_000, concurrency: 2, resumableAboveBytes: 100_000, chunkBytes: 32 * 1024, now: () => clock },
      onChange: waits.notify,
    });
    const started: string[] = [];
    up.events.on('upload-started', (e: { dossierId: string }) => started.push(e.dossierId));
    // While the first piece is being taken upstream, the kiosk's clock jumps past the lease (as after a
    // stall of the event loop) and the worker looks at the outbox.
    up.events.once('upload-appended', () => {
      clock += 20_000;
      svc!.poke();
    });
    svc.setPaused(false, 's-1');
    await waits.until(() => dossierState(s!.db, id!) === 'sent');
    expect(actions(s.db, id!, 'sync.sending')).toEqual([{ attempt: 1, reclaimed: false }]);
    expect(started).toEqual([id]);
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'done', attempts: 1 });
    expect(actions(s.db, id!, 'sync.result_dropped')).toEqual([]);
    expect(up.control.packet(id!)?.digest).toBe(actions(s.db, id!, 'sync.sent')[0]!.digest);
    expect(verifyAudit(s.db).ok).toBe(true);
  });
});
