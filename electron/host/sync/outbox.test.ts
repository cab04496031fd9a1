/** The outbox's transactions on a real encrypted store: claim, lease, record, reclaim, retry-now. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../store/audit';
import type { OpenStore } from '../store/store';
import { claimNext, keepPacket, nextDue, recordAndClaimNext, recordOutcome, renewLease, retryAllNow, storedPacket } from './outbox';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { applyStatusPage } from './status-pull';
import { receiptChecked } from './worker';

let s: OpenStore;
beforeEach(async () => {
  s = await syncStore();
});
afterEach(() => s.close());

const receipt = (id: string) => ({ dossierId: id, digest: 'ab'.repeat(32), receivedAt: new Date().toISOString() });

describe('outbox', () => {
  it('migration 0030 keeps the approval outbox row and adds the lease columns', () => {
    const [id] = approvedDossiers(s.db, 1);
    expect(outboxRow(s.db, id!)).toEqual({ state: 'pending', attempts: 0, last_error: null, lease_owner: null });
  });

  it('a claimed row is not claimed again while its lease holds; an expired lease is reclaimed', () => {
    const [id] = approvedDossiers(s.db, 1);
    const now = Date.now();
    const c = claimNext(s.db, 'a', now, 1_000)!;
    expect(c).toMatchObject({ dossierId: id, attempt: 1, reclaimed: false });
    expect(dossierState(s.db, id!)).toBe('sending');
    expect(claimNext(s.db, 'b', now + 500, 1_000)).toBeNull();
    expect(renewLease(s.db, c, now + 3_000)).toBe(true);
    expect(claimNext(s.db, 'b', now + 2_000, 1_000)).toBeNull();
    const again = claimNext(s.db, 'b', now + 3_001, 1_000)!;
    expect(again).toMatchObject({ dossierId: id, attempt: 2, reclaimed: true });
    // The first owner lost the row: its late result is not recorded and it cannot renew.
    expect(renewLease(s.db, c, now + 9_000)).toBe(false);
    expect(recordOutcome(s.db, c, { kind: 'stored', status: 201, receipt: receipt(id!) }, now + 3_002, now)).toBe('lease_lost');
    expect(recordOutcome(s.db, again, { kind: 'already_stored', status: 200, receipt: receipt(id!) }, now + 3_003, now)).toBe('sent');
    expect(dossierState(s.db, id!)).toBe('sent');
    expect(outboxRow(s.db, id!).state).toBe('done');
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('retry puts the row back with its error and due time; a conflict is final and never claimed again', () => {
    const [a, b] = approvedDossiers(s.db, 2);
    const now = Date.now();
    const ca = claimNext(s.db, 'w', now, 60_000)!;
    const cb = claimNext(s.db, 'w', now, 60_000)!;
    expect(new Set([ca.dossierId, cb.dossierId])).toEqual(new Set([a, b]));
    expect(recordOutcome(s.db, ca, { kind: 'retry', status: 503, code: 'unavailable', retryAfterMs: null }, now, now + 10_000)).toBe('retry');
    expect(recordOutcome(s.db, cb, { kind: 'conflict', status: 409, code: 'packet.conflict' }, now, now)).toBe('refused');
    expect(outboxRow(s.db, ca.dossierId)).toMatchObject({ state: 'pending', last_error: 'unavailable', lease_owner: null });
    expect(outboxRow(s.db, cb.dossierId)).toMatchObject({ state: 'failed', last_error: 'packet.conflict' });
    expect(dossierState(s.db, ca.dossierId)).toBe('queued');
    expect(claimNext(s.db, 'w', now + 5_000, 60_000)).toBeNull();
    expect(nextDue(s.db)).toBe(now + 10_000);
    expect(retryAllNow(s.db, now + 5_000, 'test')).toBe(1);
    expect(claimNext(s.db, 'w', now + 5_000, 60_000)).toMatchObject({ dossierId: ca.dossierId, attempt: 2 });
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('keeps the first packet built and drops it once delivered', () => {
    const [id] = approvedDossiers(s.db, 1);
    const p1 = keepPacket(s.db, id!, { jwe: 'one', digest: 'd1', size: 3 }, Date.now());
    const p2 = keepPacket(s.db, id!, { jwe: 'two', digest: 'd2', size: 3 }, Date.now());
    expect(p2).toEqual(p1);
    const c = claimNext(s.db, 'w', Date.now(), 60_000)!;
    recordOutcome(s.db, c, { kind: 'stored', status: 201, receipt: receipt(id!) }, Date.now(), Date.now());
    expect(storedPacket(s.db, id!)).toBeNull();
  });

  it('records a result and claims the next due row in one transaction, entries in that order', () => {
    const [a, b] = approvedDossiers(s.db, 2);
    const now = Date.now();
    const c = claimNext(s.db, 'w', now, 60_000)!;
    const before = s.db.prepare('SELECT max(seq) FROM audit').pluck().get() as number;
    const r = recordAndClaimNext(s.db, c, 'w', { kind: 'stored', status: 201, receipt: receipt(c.dossierId) }, now + 1, now + 1, 'ab'.repeat(32), { leaseMs: 60_000 });
    expect(r.recorded).toBe('sent');
    expect(r.next).toMatchObject({ dossierId: c.dossierId === a ? b : a, attempt: 1 });
    expect(outboxRow(s.db, c.dossierId).state).toBe('done');
    expect(outboxRow(s.db, r.next!.dossierId)).toMatchObject({ state: 'sending', lease_owner: 'w' });
    const actions = s.db.prepare('SELECT action FROM audit WHERE seq > ? ORDER BY seq').pluck().all(before);
    expect(actions).toEqual(['sync.sent', 'sync.sending']);
    // Nothing due any more, or no claim asked for (paused, stopping): the result alone.
    const last = recordAndClaimNext(s.db, r.next!, 'w', { kind: 'retry', status: 503, code: 'unavailable', retryAfterMs: null }, now + 2, now + 60_000, null, { leaseMs: 60_000 });
    expect(last).toEqual({ recorded: 'retry', next: null });
    expect(recordAndClaimNext(s.db, c, 'w', { kind: 'stored', status: 201, receipt: receipt(c.dossierId) }, now + 3, now + 3, null, null)).toEqual({ recorded: 'lease_lost', next: null });
    expect(verifyAudit(s.db).ok).toBe(true);
  });
});

describe('what the kiosk takes from the upstream', () => {
  it('a status change for a dossier never uploaded from here changes nothing', () => {
    const [id] = approvedDossiers(s.db, 1);
    const r = applyStatusPage(s.db, { changes: [{ seq: 1, dossierId: id!, status: 'accepted', at: new Date().toISOString() }], cursor: '1', more: false });
    expect(r).toEqual({ applied: 0, deferred: 0 });
    expect(dossierState(s.db, id!)).toBe('queued');
    expect(outboxRow(s.db, id!).state).toBe('pending');
  });

  it('a success whose receipt names another dossier or digest is retried, not recorded as sent', () => {
    const ok = { kind: 'stored' as const, status: 201 as const, receipt: { dossierId: 'HS-23456789AB', digest: 'aa', receivedAt: 'now' } };
    expect(receiptChecked(ok, 'HS-23456789AB', 'aa')).toBe(ok);
    expect(receiptChecked(ok, 'HS-23456789AC', 'aa')).toMatchObject({ kind: 'retry', code: 'bad_response' });
    expect(receiptChecked(ok, 'HS-23456789AB', 'bb')).toMatchObject({ kind: 'retry', code: 'bad_response' });
  });
});
