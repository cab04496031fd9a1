/**
 * The outbox as the sync worker changes it. Each change is one synchronous transaction with its
 * audit entry; nothing here awaits. A row is claimed under a lease (owner and expiry) that the
 * uploading worker renews; a row whose lease ran out (its host was killed mid-upload) is claimed
 * again, so a dossier is never uploaded twice at once and never stuck in 'sending'. Each claim has
 * its own token (`claim`, migration 0051): a result, a renewal or an offset is written only with
 * the token of the claim that holds the row, so an attempt whose lease ran out while it still ran
 * (a stalled host) cannot overwrite the attempt that claimed the row after it.
 */
import { randomBytes } from 'node:crypto';
import { canMove, type DossierState } from '../../../shared/domain/dossier-state';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import type { UploadOutcome } from './outcome';
import { dropKeptPacket } from './outbox-upload';
import { jweText, type Jwe } from './packet/jwe';

export interface Claimed {
  id: number;
  dossierId: string;
  idempotencyKey: string;
  attempt: number;
  reclaimed: boolean;
  /** This claim's own token: the row is this attempt's only while `outbox.claim_id` is it. */
  claim: string;
}

export interface StoredPacket {
  jwe: Jwe;
  digest: string;
  size: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function moveDossier(db: Db, id: string, to: DossierState, at: string, extra: { outcome?: string } = {}): void {
  const cur = db.prepare('SELECT state FROM dossiers WHERE id = ?').get(id) as { state: DossierState } | undefined;
  if (!cur) throw new Error('outbox row without its dossier');
  if (cur.state === to) return;
  if (!canMove(cur.state, to)) throw new Error(`dossier cannot move ${cur.state} → ${to}`);
  if (extra.outcome !== undefined) db.prepare('UPDATE dossiers SET state = ?, upstream_outcome = ?, updated_at = ? WHERE id = ?').run(to, extra.outcome, at, id);
  else db.prepare('UPDATE dossiers SET state = ?, updated_at = ? WHERE id = ?').run(to, at, id);
}

/** `AND dossier_id NOT IN (…)` for the dossiers a worker is uploading now, with its parameters. */
function skipping(busy: readonly string[]): string {
  return busy.length === 0 ? '' : ` AND dossier_id NOT IN (${busy.map(() => '?').join(', ')})`;
}

/**
 * The next due row (pending and due, or sending with an expired lease), claimed for `owner` under
 * a new claim token. `busy`: dossiers this worker is uploading now, never claimed again while
 * their upload runs, even when its lease ran out (an event loop stalled longer than the lease).
 * A row last attempted after `now` is due too: the clock went back since (a kiosk restarted with
 * its clock set back), and its lease or backoff, written under the old clock, would otherwise hold
 * the dossier for as long as the clock jumped.
 */
export function claimNext(db: Db, owner: string, now: number, leaseMs: number, busy: readonly string[] = []): Claimed | null {
  return db.transaction((): Claimed | null => {
    const at = iso(now);
    const r = db
      .prepare(
        `SELECT id, dossier_id AS dossierId, idempotency_key AS idempotencyKey, attempts, state FROM outbox
         WHERE ((state = 'pending' AND next_attempt_at <= ?) OR (state = 'sending' AND lease_until < ?) OR (state IN ('pending', 'sending') AND last_attempt_at > ?))${skipping(busy)}
         ORDER BY next_attempt_at, id LIMIT 1`,
      )
      .get(at, at, at, ...busy) as { id: number; dossierId: string; idempotencyKey: string; attempts: number; state: string } | undefined;
    if (!r) return null;
    const reclaimed = r.state === 'sending';
    const claim = randomBytes(12).toString('base64url');
    db.prepare(`UPDATE outbox SET state = 'sending', lease_owner = ?, claim_id = ?, lease_until = ?, attempts = attempts + 1, last_attempt_at = ? WHERE id = ?`).run(owner, claim, iso(now + leaseMs), at, r.id);
    moveDossier(db, r.dossierId, 'sending', at);
    appendAudit(db, { actor: 'system', action: 'sync.sending', dossierId: r.dossierId, at, detail: { attempt: r.attempts + 1, reclaimed } });
    return { id: r.id, dossierId: r.dossierId, idempotencyKey: r.idempotencyKey, attempt: r.attempts + 1, reclaimed, claim };
  }).immediate();
}

/** The claim still holds the row: push its lease on. False when the row was claimed again (or settled) since. */
export function renewLease(db: Db, c: Pick<Claimed, 'id' | 'claim'>, until: number): boolean {
  return db.prepare(`UPDATE outbox SET lease_until = ? WHERE id = ? AND claim_id = ? AND state = 'sending'`).run(iso(until), c.id, c.claim).changes === 1;
}

/** True while this claim holds its row (for writes beside the row, in the caller's transaction). */
export function holdsClaim(db: Db, dossierId: string, claim: string): boolean {
  return db.prepare(`SELECT 1 FROM outbox WHERE dossier_id = ? AND claim_id = ? AND state = 'sending'`).get(dossierId, claim) !== undefined;
}

/** A kept packet: its JWE as the TEXT column holds it. */
export type KeptPacket = StoredPacket & { jwe: string };

export function storedPacket(db: Db, dossierId: string): KeptPacket | null {
  return (db.prepare('SELECT jwe, digest, size FROM outbox_packets WHERE dossier_id = ?').get(dossierId) as KeptPacket | undefined) ?? null;
}

/**
 * The packet is built once and kept (encrypted with the store): every retry sends the same signed
 * bytes, so a packet whose acknowledgement was lost is "the same packet" (200), never a conflict.
 * When one is already kept (a second builder raced), that one wins and is returned.
 */
export function keepPacket(db: Db, dossierId: string, p: StoredPacket, now: number): StoredPacket {
  return db.transaction((): StoredPacket => {
    const had = storedPacket(db, dossierId);
    if (had) return had;
    db.prepare('INSERT INTO outbox_packets (dossier_id, jwe, digest, size, built_at) VALUES (?, ?, ?, ?, ?)').run(dossierId, jweText(p.jwe), p.digest, p.size, iso(now));
    appendAudit(db, { actor: 'system', action: 'sync.packet_built', dossierId, at: iso(now), detail: { digest: p.digest, size: p.size } });
    return p;
  }).immediate();
}

export type Recorded = 'sent' | 'refused' | 'retry' | 'lease_lost';

/**
 * The upload's result, in one transaction with its audit entry. A claim that no longer holds its
 * row (its lease ran out and the row was claimed again, or settled another way) writes nothing but
 * `sync.result_dropped`: the attempt holding the row now records its own result.
 * The entry keeps the digest of the packet put on the wire: the status feed's evidence of delivery.
 */
export function recordOutcome(db: Db, c: Claimed, o: UploadOutcome, now: number, nextAttemptAt: number, digest: string | null = null): Recorded {
  return db.transaction((): Recorded => {
    const at = iso(now);
    if (!holdsClaim(db, c.dossierId, c.claim)) {
      appendAudit(db, { actor: 'system', action: 'sync.result_dropped', dossierId: c.dossierId, at, detail: { attempt: c.attempt, outcome: o.kind, code: 'code' in o ? o.code : null, digest } });
      return 'lease_lost';
    }
    if (o.kind === 'stored' || o.kind === 'already_stored') {
      db.prepare(`UPDATE outbox SET state = 'done', done_at = ?, http_status = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL, claim_id = NULL WHERE id = ?`).run(at, o.status, c.id);
      moveDossier(db, c.dossierId, 'sent', at, { outcome: JSON.stringify({ status: 'received', receivedAt: o.receipt.receivedAt }) });
      // Delivered: the kept packet (the dossier's personal data, sealed) is not kept past its use.
      dropKeptPacket(db, c.dossierId, now);
      appendAudit(db, { actor: 'system', action: 'sync.sent', dossierId: c.dossierId, at, detail: { status: o.status, attempt: c.attempt, digest } });
      return 'sent';
    }
    if (o.kind === 'conflict' || o.kind === 'final') {
      db.prepare(`UPDATE outbox SET state = 'failed', http_status = ?, last_error = ?, lease_owner = NULL, lease_until = NULL, claim_id = NULL WHERE id = ?`).run(o.status, o.code, c.id);
      moveDossier(db, c.dossierId, 'queued', at);
      // Refused for good: its sealed copy of the citizen's data is not kept either (a re-enrolment's retry builds it again).
      dropKeptPacket(db, c.dossierId, now);
      appendAudit(db, { actor: 'system', action: 'sync.refused', dossierId: c.dossierId, at, detail: { status: o.status, code: o.code, attempt: c.attempt, digest } });
      return 'refused';
    }
    db.prepare(`UPDATE outbox SET state = 'pending', http_status = ?, last_error = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, claim_id = NULL WHERE id = ?`).run(o.status, o.code, iso(nextAttemptAt), c.id);
    moveDossier(db, c.dossierId, 'queued', at);
    appendAudit(db, { actor: 'system', action: 'sync.retry_scheduled', dossierId: c.dossierId, at, detail: { status: o.status, code: o.code, attempt: c.attempt, delayMs: Math.max(0, nextAttemptAt - now), digest } });
    return 'retry';
  }).immediate();
}

/**
 * An upload's result and the claim of the next due row, in one transaction (one commit, one
 * fsync, instead of two): the result and its audit entry first, then the claim and its own entry,
 * exactly as recordOutcome then claimNext would write them. The result is durable before the
 * claimed row is uploaded, since both commit together. A claim that fails is undone alone (a
 * savepoint): the result is still recorded, `next` is null and `claimError` says why.
 */
export function recordAndClaimNext(
  db: Db,
  c: Claimed,
  owner: string,
  o: UploadOutcome,
  now: number,
  nextAttemptAt: number,
  digest: string | null,
  claim: { leaseMs: number; busy?: readonly string[] } | null,
): { recorded: Recorded; next: Claimed | null; claimError?: unknown } {
  return db.transaction(() => {
    const recorded = recordOutcome(db, c, o, now, nextAttemptAt, digest);
    if (!claim) return { recorded, next: null };
    try {
      return { recorded, next: claimNext(db, owner, now, claim.leaseMs, claim.busy) };
    } catch (claimError) {
      return { recorded, next: null, claimError };
    }
  }).immediate();
}

/** The network is back: every row waiting out a backoff is due now. Returns how many. */
export function retryAllNow(db: Db, now: number, why: string): number {
  return db.transaction((): number => {
    const at = iso(now);
    const n = db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`).run(at, at).changes;
    if (n > 0) appendAudit(db, { actor: 'system', action: 'sync.retry_now', at, detail: { rows: n, why } });
    return n;
  }).immediate();
}

/** When the worker should look again: the earliest due row or expiring lease (not of the `busy` dossiers it uploads), or null. */
export function nextDue(db: Db, busy: readonly string[] = []): number | null {
  const r = db
    .prepare(`SELECT min(t) AS t FROM (SELECT min(next_attempt_at) AS t FROM outbox WHERE state = 'pending' UNION ALL SELECT min(lease_until) FROM outbox WHERE state = 'sending'${skipping(busy)})`)
    .get(...busy) as { t: string | null };
  return r.t ? Date.parse(r.t) : null;
}

export interface OutboxCounts {
  pending: number;
  sending: number;
  done: number;
  failed: number;
  retrying: number;
}

export function outboxCounts(db: Db): OutboxCounts {
  const out: OutboxCounts = { pending: 0, sending: 0, done: 0, failed: 0, retrying: 0 };
  for (const r of db.prepare('SELECT state, count(*) AS n, sum(last_error IS NOT NULL) AS e FROM outbox GROUP BY state').all() as Array<{ state: keyof OutboxCounts; n: number; e: number }>) {
    out[r.state] = r.n;
    if (r.state === 'pending') out.retrying = r.e;
  }
  return out;
}
