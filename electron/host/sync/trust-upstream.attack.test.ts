/**
 * Security review (issue 11): what the kiosk believes from the upstream without checking it.
 * A hostile or buggy upstream (or one answering for another kiosk) must not make the kiosk treat a
 * dossier as delivered that it never delivered: the kept packet is the only copy of the citizen's
 * data outside the dossier, and acceptance starts the retention clock that deletes the dossier.
 *
 * Both were findings of the review, fixed in 172614f; the tests stay as regression tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import type { OpenStore } from '../store/store';
import { buildPacketFromStore } from './packet/index';
import { testKeys } from './packet/test-packets';
import { applyStatusPage } from './status-pull';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { SyncWorker, type PacketSink } from './worker';

let s: OpenStore;
beforeEach(async () => {
  s = await syncStore('kiosk-sync-attack-');
});
afterEach(() => s.close());

describe('the kiosk checks what the upstream claims', () => {
  // Was a finding (sync status feed): a status change for a dossier that was never uploaded (outbox row
  // 'pending', 0 attempts) is taken as "stored upstream though our acknowledgement was lost": the
  // row is marked done, the kept packet deleted and the dossier moved sent → accepted, which starts
  // retention. A feed naming another kiosk's id (or a wrong id) thus loses a dossier undelivered.
  it('a status change for a dossier never uploaded does not mark it delivered (was: status feed trusted for undelivered dossiers, fixed in 172614f)', () => {
    const [id] = approvedDossiers(s.db, 1);
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'pending', attempts: 0 });
    applyStatusPage(s.db, { changes: [{ seq: 1, dossierId: id!, status: 'accepted', at: new Date().toISOString() }], cursor: '1', more: false });
    expect(dossierState(s.db, id!)).toBe('queued');
    expect(outboxRow(s.db, id!).state).toBe('pending');
  });

  // Was a finding (upload receipt): a 200/201 answer's receipt is parsed but never compared with the
  // upload: a receipt naming another dossier and another digest still marks this dossier sent and
  // deletes its kept packet.
  it('a 201 whose receipt names another dossier and digest is not a delivery (was: upload receipt not checked, fixed in 172614f)', async () => {
    const [id] = approvedDossiers(s.db, 1);
    const { keys } = await testKeys();
    const sink: PacketSink = {
      putPacket: () =>
        Promise.resolve({ kind: 'stored', status: 201, receipt: { dossierId: 'HS-ZZZZZZZZZZ', digest: '00'.repeat(32), receivedAt: new Date().toISOString() } }),
    };
    let recorded: (what: string) => void = () => undefined;
    const done = new Promise<string>((resolve) => (recorded = resolve));
    const w = new SyncWorker({ db: s.db, source: { build: (db, d) => buildPacketFromStore(db, d, keys) }, sink, log: silentLogger, onChange: (_d, what) => recorded(what) });
    w.start();
    const what = await done;
    await w.stop();
    expect(what).not.toBe('sent');
    expect(dossierState(s.db, id!)).not.toBe('sent');
    // Packets are no longer kept (891c449: rebuilt per attempt, same digest): the row waits to be sent again.
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'pending', last_error: 'bad_response' });
  });
});
