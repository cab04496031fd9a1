/**
 * Status pull-back: the upstream's changes since the kept cursor move dossiers on. Accepted starts
 * the retention clock (updated_at is the acceptance: retention.ts counts from it); rejected keeps
 * the reason; a rejected portrait goes back to its officer for re-capture (state 'returned', the
 * intake's own path for returned dossiers), its old outbox row and packet dropped so the
 * re-approval queues it again. Each change is one transaction with its audit entry, and applying
 * one twice changes nothing, so the cursor is saved after a whole page.
 *
 * A feed entry is evidence only with the digest of a packet this kiosk built for that dossier (the
 * digest is of the signed JWS, which only this kiosk can make and only the upstream can read out of
 * the JWE): a dossier still queued is marked delivered only by such an entry, and a decision moves
 * a sent dossier only when it is about the packet last delivered (not an older submission's).
 */
import { UPSTREAM_PORTRAIT_RETURN } from '../../../shared/domain/return-reason';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import { canMove, type DossierState } from '../../../shared/domain/dossier-state';
import { dropKeptPacket } from './outbox-upload';
import { RETURNED_FOR_RECAPTURE } from './packet/from-store';
import { statusCursor, writeState } from './sync-state';
import type { StatusChange, StatusPage } from './upstream-client';

export type Applied = 'applied' | 'ignored' | 'deferred';

/** The reason a returned dossier shows its officer (the queue shows a returned dossier's reason first). */
/** The return reason a portrait rejection leaves: a code each screen words in its language. */
export const PORTRAIT_RETURN_REASON = UPSTREAM_PORTRAIT_RETURN;

function setState(db: Db, id: string, from: DossierState, to: DossierState, at: string, sets = '', args: unknown[] = []): void {
  if (!canMove(from, to)) throw new Error(`dossier cannot move ${from} → ${to}`);
  db.prepare(`UPDATE dossiers SET state = ?, updated_at = ?${sets} WHERE id = ?`).run(to, at, ...args, id);
}

/**
 * Digests this kiosk recorded for the dossier's current submission (attempts, deliveries, exports
 * since it was last returned for re-capture): a late change about an older submission is no
 * evidence that the new one arrived.
 */
function ownDigests(db: Db, id: string): string[] {
  const rows = db
    .prepare(`SELECT json_extract(detail, '$.digest') AS digest FROM audit WHERE dossier_id = ? AND seq > coalesce((SELECT max(seq) FROM audit WHERE dossier_id = ? AND action = ?), 0) ORDER BY seq`)
    .all(id, id, RETURNED_FOR_RECAPTURE) as Array<{ digest: unknown }>;
  return rows.flatMap((r) => (typeof r.digest === 'string' ? [r.digest] : []));
}

/** The digest of the packet last delivered (the latest sync.sent's); null when sent before digests were kept. */
function deliveredDigest(db: Db, id: string): string | null {
  const r = db.prepare(`SELECT json_extract(detail, '$.digest') AS digest FROM audit WHERE dossier_id = ? AND action = 'sync.sent' ORDER BY seq DESC LIMIT 1`).get(id) as { digest: unknown } | undefined;
  return typeof r?.digest === 'string' ? r.digest : null;
}

export function applyStatusChange(db: Db, c: StatusChange, now = new Date()): Applied {
  if (c.status === 'received') return 'ignored';
  return db.transaction((): Applied => {
    const d = db.prepare('SELECT state FROM dossiers WHERE id = ?').get(c.dossierId) as { state: DossierState } | undefined;
    if (!d) return 'ignored';
    const ob = db.prepare('SELECT state, attempts FROM outbox WHERE dossier_id = ?').get(c.dossierId) as { state: string; attempts: number } | undefined;
    const at = now.toISOString();
    let state = d.state;
    if (state === 'queued' || state === 'sending') {
      // Stored upstream though our acknowledgement was lost; an upload under way records its own result first.
      if (!ob || ob.state === 'sending') return 'deferred';
      // Only a packet this kiosk made is evidence of delivery; a row that tried without recording
      // a digest (its host killed mid-upload) waits for its next attempt to settle it.
      const own = ownDigests(db, c.dossierId);
      if (!c.digest || !own.includes(c.digest)) return own.length === 0 && ob.attempts > 0 && ob.state === 'pending' ? 'deferred' : 'ignored';
      db.prepare(`UPDATE outbox SET state = 'done', done_at = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL, claim_id = NULL WHERE dossier_id = ?`).run(at, c.dossierId);
      // Delivered another way (an offline import, an attempt whose answer was lost): its own upload, if one is open, is cancelled.
      dropKeptPacket(db, c.dossierId, now.getTime());
      if (state === 'queued') setState(db, c.dossierId, 'queued', 'sending', at);
      setState(db, c.dossierId, 'sending', 'sent', at);
      appendAudit(db, { actor: 'system', action: 'sync.sent', dossierId: c.dossierId, at, detail: { via: 'status', digest: c.digest } });
      state = 'sent';
    }
    if (state !== 'sent') return 'ignored';
    const delivered = deliveredDigest(db, c.dossierId);
    if (delivered !== null && c.digest !== delivered) return 'ignored';
    const outcome = JSON.stringify({ status: c.status, code: c.reason?.code ?? null, message: c.reason?.message ?? null, at: c.at });
    if (c.status === 'accepted') {
      setState(db, c.dossierId, 'sent', 'accepted', at, ', upstream_outcome = ?', [outcome]);
      appendAudit(db, { actor: 'upstream', action: 'sync.accepted', dossierId: c.dossierId, at, detail: { seq: c.seq } });
      return 'applied';
    }
    const code = c.reason?.code ?? 'other';
    setState(db, c.dossierId, 'sent', 'rejected_upstream', at, ', upstream_outcome = ?', [outcome]);
    appendAudit(db, { actor: 'upstream', action: 'sync.rejected', dossierId: c.dossierId, at, detail: { seq: c.seq, code } });
    if (code === 'portrait_quality') {
      dropKeptPacket(db, c.dossierId, now.getTime());
      db.prepare('DELETE FROM outbox WHERE dossier_id = ?').run(c.dossierId);
      setState(db, c.dossierId, 'rejected_upstream', 'returned', at, ', return_reason = ?, revision = revision + 1', [PORTRAIT_RETURN_REASON]);
      appendAudit(db, { actor: 'system', action: RETURNED_FOR_RECAPTURE, dossierId: c.dossierId, at, detail: { code } });
    }
    return 'applied';
  }).immediate();
}

/** Applies one page; saves its cursor when nothing had to wait. Returns what happened. */
export function applyStatusPage(db: Db, page: StatusPage, now = new Date()): { applied: number; deferred: number } {
  let applied = 0;
  let deferred = 0;
  for (const c of page.changes) {
    const r = applyStatusChange(db, c, now);
    if (r === 'applied') applied++;
    if (r === 'deferred') deferred++;
  }
  if (deferred === 0) db.transaction(() => writeState(db, 'status.cursor', page.cursor)).immediate();
  return { applied, deferred };
}

export { statusCursor };
