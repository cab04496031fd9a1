/**
 * Review (issue 11): the worker reads when the next row is due from a timer. A store that cannot
 * be read at that moment (an I/O error; here the outbox table briefly renamed away) threw out of the
 * timer: an uncaught exception that ends the browser shell's host. It is logged, looked at again
 * after the idle wait, and the dossier is sent once the store reads again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenStore } from '../store/store';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { digestSource, errorWatch } from './test-worker';
import { SyncWorker } from './worker';

let s: OpenStore;
beforeEach(async () => {
  s = await syncStore('kiosk-sync-due-read-');
});
afterEach(() => s.close());

describe('the outbox unreadable when the worker looks for the next due row', () => {
  it('is logged, not thrown; the dossier is sent once the store reads again', async () => {
    const [id] = approvedDossiers(s.db, 1);
    const { source, digest } = await digestSource();
    const { log, seen, errors } = errorWatch('sync.due_read_failed');
    let recorded: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (recorded = resolve));
    const w = new SyncWorker({
      db: s.db,
      source,
      log,
      idleMs: 20,
      sink: { putPacket: async (dossierId) => ({ kind: 'stored', status: 201, receipt: { dossierId, digest: digest(), receivedAt: new Date().toISOString() } }) },
      onChange: (_d, what) => {
        if (what === 'sent') recorded();
      },
    });
    s.db.exec('ALTER TABLE outbox RENAME TO outbox_away');
    w.start();
    await seen;
    s.db.exec('ALTER TABLE outbox_away RENAME TO outbox');
    await done;
    await w.stop();
    expect(errors.map((e) => e.event)).toContain('sync.claim_failed');
    // Class and code only: not the message, which names the table.
    expect(JSON.stringify(errors)).not.toContain('outbox');
    expect(dossierState(s.db, id!)).toBe('sent');
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'done', attempts: 1 });
  });
});
