/**
 * Review (issue 11): a lease renewal that the store refuses (a full disk, an I/O error) runs in a
 * timer: thrown there it was an uncaught exception (the browser shell's host ended, Electron showed
 * its error box). It is logged, the upload goes on, and its result is recorded as usual.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenStore } from '../store/store';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { digestSource, errorWatch } from './test-worker';
import { SyncWorker } from './worker';

let s: OpenStore;
beforeEach(async () => {
  s = await syncStore('kiosk-sync-renew-');
});
afterEach(() => s.close());

describe('lease renewal refused by the store', () => {
  it('is logged, not thrown from its timer; the upload is recorded once the disk has room again', async () => {
    const [id] = approvedDossiers(s.db, 1);
    const { source, digest } = await digestSource();
    const { log, seen: refused } = errorWatch('sync.lease_renew_failed');
    let recorded: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (recorded = resolve));
    const w = new SyncWorker({
      db: s.db,
      source,
      log,
      leaseMs: 150,
      idleMs: 20,
      sink: {
        putPacket: async (dossierId) => {
          // The disk fills while the upload runs: the lease's renewal is refused; the upstream answers after.
          s.db.exec(`CREATE TEMP TRIGGER no_room BEFORE UPDATE OF lease_until ON outbox WHEN NEW.state = 'sending' AND OLD.state = 'sending' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
          await refused;
          s.db.exec('DROP TRIGGER no_room');
          return { kind: 'stored', status: 201, receipt: { dossierId, digest: digest(), receivedAt: new Date().toISOString() } };
        },
      },
      onChange: (_d, what) => {
        if (what === 'sent') recorded();
      },
    });
    w.start();
    await done;
    await w.stop();
    expect(dossierState(s.db, id!)).toBe('sent');
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'done', attempts: 1 });
  });
});
