/**
 * Security review (issue 11): what the kiosk believes from the upstream without checking it.
 * A hostile or buggy upstream (or one answering for another kiosk) must not make the kiosk treat a
 * dossier as delivered that it never delivered: the kept packet is the only copy of the citizen's
 * data outside the dossier, and acceptance starts the retention clock that deletes the dossier.
 *
 * The first two were findings of the review, fixed in 172614f; the tests stay as regression tests.
 * The third (a feed entry taken as delivery evidence without the packet's digest) was fixed with
 * digests in the feed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import type { OpenStore } from '../store/store';
import { buildPacketFromStore } from './packet/index';
import { testKeys } from './packet/test-packets';
import { applyStatusPage } from './status-pull';
import { approvedDossiers, dossierState, outboxRow, recapture, syncStore } from './test-fixture';
import type { UploadOutcome } from './outcome';
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

  /** One attempt through a worker whose upstream answers `outcome`; the digest of the packet it built. */
  async function attemptOnce(outcome: (digest: string) => UploadOutcome): Promise<string> {
    const { keys } = await testKeys();
    let digest = '';
    let recorded: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (recorded = resolve));
    const build = async (db: typeof s.db, d: string) => {
      const p = await buildPacketFromStore(db, d, keys);
      digest = p.digest;
      return p;
    };
    const w = new SyncWorker({
      db: s.db,
      source: { build },
      sink: { putPacket: () => Promise.resolve(outcome(digest)) },
      log: silentLogger,
      backoff: { baseMs: 60_000, capMs: 60_000 },
      onChange: () => recorded(),
    });
    w.start();
    await done;
    await w.stop();
    return digest;
  }
  const change = (id: string, status: 'accepted' | 'rejected', digest?: string, seq = 1, code: 'other' | 'portrait_quality' = 'other') =>
    ({ changes: [{ seq, dossierId: id, status, at: new Date().toISOString(), ...(status === 'rejected' ? { reason: { code } } : {}), ...(digest ? { digest } : {}) }], cursor: String(seq), more: false });

  // Was a finding (status-pull only ignored rows with 0 attempts): a row that failed at the network,
  // or was refused for good, was marked delivered by any feed entry naming its dossier id.
  it('a feed entry marks an attempted dossier delivered only with the digest of the packet it sent (was: any entry naming the id did)', async () => {
    const [id] = approvedDossiers(s.db, 1);
    const digest = await attemptOnce(() => ({ kind: 'retry', status: null, code: 'net.refused', retryAfterMs: null }));
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'pending', attempts: 1 });
    for (const d of [undefined, 'ab'.repeat(32)]) {
      expect(applyStatusPage(s.db, change(id!, 'accepted', d))).toEqual({ applied: 0, deferred: 0 });
      expect([dossierState(s.db, id!), outboxRow(s.db, id!).state]).toEqual(['queued', 'pending']);
    }
    expect(applyStatusPage(s.db, change(id!, 'accepted', digest))).toEqual({ applied: 1, deferred: 0 });
    expect([dossierState(s.db, id!), outboxRow(s.db, id!).state]).toEqual(['accepted', 'done']);
  });

  it('a dossier refused for good (4xx) is not made delivered by a feed entry with another digest (was: it was)', async () => {
    const [id] = approvedDossiers(s.db, 1);
    await attemptOnce(() => ({ kind: 'final', status: 400, code: 'packet.malformed' }));
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'failed' });
    applyStatusPage(s.db, change(id!, 'accepted', 'cd'.repeat(32)));
    expect([dossierState(s.db, id!), outboxRow(s.db, id!).state]).toEqual(['queued', 'failed']);
  });

  it('after a re-capture, a late change about the first submission is no evidence the second arrived', async () => {
    const [id] = approvedDossiers(s.db, 1);
    const first = await attemptOnce((d) => ({ kind: 'stored', status: 201, receipt: { dossierId: id!, digest: d, receivedAt: new Date().toISOString() } }));
    applyStatusPage(s.db, change(id!, 'rejected', first, 1, 'portrait_quality'));
    expect(dossierState(s.db, id!)).toBe('returned');
    recapture(s.db, id!);
    const second = await attemptOnce(() => ({ kind: 'retry', status: null, code: 'net.refused', retryAfterMs: null }));
    expect(second).not.toBe(first);
    expect(applyStatusPage(s.db, change(id!, 'accepted', first, 2))).toEqual({ applied: 0, deferred: 0 });
    expect([dossierState(s.db, id!), outboxRow(s.db, id!).state]).toEqual(['queued', 'pending']);
    expect(applyStatusPage(s.db, change(id!, 'accepted', second, 3))).toEqual({ applied: 1, deferred: 0 });
    expect(dossierState(s.db, id!)).toBe('accepted');
  });

  it('a decision about another packet than the one delivered (an older submission) does not move a sent dossier', async () => {
    const [id] = approvedDossiers(s.db, 1);
    const digest = await attemptOnce((d) => ({ kind: 'stored', status: 201, receipt: { dossierId: id!, digest: d, receivedAt: new Date().toISOString() } }));
    expect(dossierState(s.db, id!)).toBe('sent');
    expect(applyStatusPage(s.db, change(id!, 'rejected', 'ef'.repeat(32)))).toEqual({ applied: 0, deferred: 0 });
    expect(dossierState(s.db, id!)).toBe('sent');
    expect(applyStatusPage(s.db, change(id!, 'accepted', digest, 2))).toEqual({ applied: 1, deferred: 0 });
    expect(dossierState(s.db, id!)).toBe('accepted');
  });
});
