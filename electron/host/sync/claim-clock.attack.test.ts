/**
 * Review (issue 11): the clock set back after a claim (a kiosk killed mid-upload and restarted with
 * its clock behind, or an RTC reset before NTP). The lease and the backoff were written under the
 * old clock; the row must not stay 'sending' (or waiting) for as long as the clock jumped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenStore } from '../store/store';
import { claimNext, recordOutcome } from './outbox';
import { approvedDossiers, outboxRow, syncStore } from './test-fixture';

let s: OpenStore;
beforeEach(async () => {
  s = await syncStore();
});
afterEach(() => s.close());

const HOUR = 3_600_000;

describe('claims across a clock set back', () => {
  it('a row left sending by a killed host is claimed again at once when the clock is now behind its claim', () => {
    const [id] = approvedDossiers(s.db, 1);
    const t = Date.now() + 1_000;
    const first = claimNext(s.db, 'killed', t, 60_000)!;
    expect(first.dossierId).toBe(id);
    // The lease holds under the same clock...
    expect(claimNext(s.db, 'restarted', t + 30_000, 60_000)).toBeNull();
    // ...but after a restart with the clock an hour behind, the row is not held for an hour.
    const again = claimNext(s.db, 'restarted', t - HOUR, 60_000)!;
    expect(again).toMatchObject({ dossierId: id, reclaimed: true, attempt: 2 });
    expect(again.claim).not.toBe(first.claim);
    // Claimed under the new clock: an ordinary lease again, not claimable by a third.
    expect(claimNext(s.db, 'third', t - HOUR + 1_000, 60_000)).toBeNull();
    expect(outboxRow(s.db, id!).lease_owner).toBe('restarted');
  });

  it('a retry scheduled under the old clock is due at once after the clock went back, once', () => {
    const [id] = approvedDossiers(s.db, 1);
    const t = Date.now() + 1_000;
    const c = claimNext(s.db, 'w', t, 60_000)!;
    expect(recordOutcome(s.db, c, { kind: 'retry', status: 503, code: 'unavailable', retryAfterMs: null }, t + 1_000, t + 61_000)).toBe('retry');
    expect(claimNext(s.db, 'w', t + 2_000, 60_000)).toBeNull();
    expect(claimNext(s.db, 'w', t - 2 * HOUR, 60_000)?.dossierId).toBe(id);
  });
});
