/**
 * Security review (issue 11): an upload's result and the claim of the next row share one
 * transaction (recordAndClaimNext). A claim that fails half-way (here its audit entry refused by a
 * temporary trigger, as a full disk or a damaged row would) must leave no lease, no attempt, no
 * dossier move and no audit entry of its own, while the result stays recorded with its entry; a
 * failure that undoes the whole transaction (SQLite rolls back on its own after some I/O errors)
 * must not be reported as a recorded result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../store/audit';
import type { OpenStore } from '../store/store';
import { claimNext, recordAndClaimNext } from './outbox';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';

let s: OpenStore;
beforeEach(async () => {
  s = await syncStore();
});
afterEach(() => s.close());

const receipt = (id: string) => ({ dossierId: id, digest: 'ab'.repeat(32), receivedAt: new Date().toISOString() });
const refuseClaims = (how: 'ABORT' | 'ROLLBACK') => s.db.exec(`CREATE TEMP TRIGGER refuse_claim BEFORE INSERT ON audit WHEN NEW.action = 'sync.sending' BEGIN SELECT RAISE(${how}, 'no room'); END`);
const lastSeq = () => s.db.prepare('SELECT max(seq) FROM audit').pluck().get() as number;

describe('result and next claim in one transaction', () => {
  it('a claim failing half-way is undone alone: the next row keeps no lease, attempt or move; the result and its entry stay', () => {
    const [a, b] = approvedDossiers(s.db, 2);
    const now = Date.now();
    const c = claimNext(s.db, 'w', now, 60_000)!;
    const other = c.dossierId === a ? b! : a!;
    const before = lastSeq();
    refuseClaims('ABORT');
    const r = recordAndClaimNext(s.db, c, 'w', { kind: 'stored', status: 201, receipt: receipt(c.dossierId) }, now + 1, now + 1, 'ab'.repeat(32), { leaseMs: 60_000 });
    expect(r.recorded).toBe('sent');
    expect(r.next).toBeNull();
    expect(String(r.claimError)).toContain('no room');
    expect([outboxRow(s.db, c.dossierId).state, dossierState(s.db, c.dossierId)]).toEqual(['done', 'sent']);
    expect(outboxRow(s.db, other)).toEqual({ state: 'pending', attempts: 0, last_error: null, lease_owner: null });
    expect(dossierState(s.db, other)).toBe('queued');
    expect(s.db.prepare('SELECT action FROM audit WHERE seq > ? ORDER BY seq').pluck().all(before)).toEqual(['sync.sent']);
    expect(verifyAudit(s.db).ok).toBe(true);
    s.db.exec('DROP TRIGGER refuse_claim');
    expect(claimNext(s.db, 'w', now + 2, 60_000)).toMatchObject({ dossierId: other, attempt: 1 });
  });

  it('a failure that undoes the whole transaction throws (nothing said recorded): the row stays leased as it was, to be reclaimed', () => {
    approvedDossiers(s.db, 2);
    const now = Date.now();
    const c = claimNext(s.db, 'w', now, 60_000)!;
    const before = lastSeq();
    refuseClaims('ROLLBACK');
    expect(() => recordAndClaimNext(s.db, c, 'w', { kind: 'stored', status: 201, receipt: receipt(c.dossierId) }, now + 1, now + 1, 'ab'.repeat(32), { leaseMs: 60_000 })).toThrow();
    expect(s.db.inTransaction).toBe(false);
    expect(outboxRow(s.db, c.dossierId)).toMatchObject({ state: 'sending', lease_owner: 'w' });
    expect(dossierState(s.db, c.dossierId)).toBe('sending');
    expect(lastSeq()).toBe(before);
    expect(verifyAudit(s.db).ok).toBe(true);
  });
});
