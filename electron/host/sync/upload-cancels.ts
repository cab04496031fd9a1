/**
 * Uploads the kiosk stopped using before they were complete (the dossier delivered another way,
 * refused for good, or its packet sent whole after all) are cancelled upstream
 * (`DELETE /v1/uploads/{id}`), so their pieces do not lie there until the upload expires (24 h).
 * Best effort: the list (`upload_cancels`, migration 0051) is filled in the transaction that
 * forgets the upload, and the worker asks the upstream between uploads; a failed cancel is tried
 * again later with backoff, a refused one (or one older than a day) is left to the upstream's
 * expiry. Nothing waits for a cancel. An upload still (or again) in use is never cancelled.
 */
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';

/** After this long the upload has expired upstream anyway. */
export const CANCEL_WITHIN_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/** What the upstream said to a cancel: done, it did not know the upload (done too), try later, or refused (left to expiry). */
export type CancelAnswer = 'cancelled' | 'unknown' | 'failed' | 'refused';

export interface CancelSink {
  cancelUpload(uploadId: string): Promise<CancelAnswer>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Lists an upload for cancelling (inside the caller's transaction). */
export function queueCancel(db: Db, dossierId: string, uploadId: string, now: number): void {
  db.prepare('INSERT OR IGNORE INTO upload_cancels (upload_id, dossier_id, queued_at, next_try_at) VALUES (?, ?, ?, ?)').run(uploadId, dossierId, iso(now), iso(now));
}

export interface PendingCancel {
  uploadId: string;
  dossierId: string;
  queuedAt: string;
  tries: number;
}

/** Cancels due now, except of a dossier being uploaded or an upload a kept packet uses again. */
export function dueCancels(db: Db, now: number, limit = 8): PendingCancel[] {
  return db
    .prepare(
      `SELECT upload_id AS uploadId, dossier_id AS dossierId, queued_at AS queuedAt, tries FROM upload_cancels c
       WHERE next_try_at <= ?
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dossier_id = c.dossier_id AND o.state = 'sending')
         AND NOT EXISTS (SELECT 1 FROM outbox_packets p WHERE p.upload_id = c.upload_id)
       ORDER BY next_try_at LIMIT ?`,
    )
    .all(iso(now), limit) as PendingCancel[];
}

/** The upstream's answer recorded: the row gone with its audit entry, or kept for a later try. */
export function settleCancel(db: Db, c: PendingCancel, answer: CancelAnswer, now: number): void {
  db.transaction(() => {
    const expired = Date.parse(c.queuedAt) + CANCEL_WITHIN_MS <= now;
    if (answer === 'failed' && !expired) {
      const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(c.tries, 10));
      db.prepare('UPDATE upload_cancels SET tries = tries + 1, next_try_at = ? WHERE upload_id = ?').run(iso(now + wait), c.uploadId);
      return;
    }
    if (db.prepare('DELETE FROM upload_cancels WHERE upload_id = ?').run(c.uploadId).changes !== 1) return;
    const result = answer === 'failed' ? 'left_to_expire' : answer === 'refused' ? 'refused_left_to_expire' : answer;
    appendAudit(db, { actor: 'system', action: 'sync.upload_cancelled', dossierId: c.dossierId, at: iso(now), detail: { result, tries: c.tries + 1 } });
  }).immediate();
}

/** One pass over the due cancels, one request at a time. Returns the dossiers whose cancel was tried. */
export async function sendCancels(db: Db, sink: CancelSink, now: () => number): Promise<string[]> {
  const tried: string[] = [];
  for (const c of dueCancels(db, now())) {
    const answer = await sink.cancelUpload(c.uploadId);
    settleCancel(db, c, answer, now());
    tried.push(c.dossierId);
  }
  return tried;
}
