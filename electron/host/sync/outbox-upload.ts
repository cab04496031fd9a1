/**
 * Where a large packet's resumable upload stands, kept beside its JWE in `outbox_packets`
 * (migration 0050): the upstream's upload id and the offset the upstream last confirmed. Starting
 * or resuming an upload is one transaction with its audit entry; each confirmed offset is one
 * UPDATE (transport bookkeeping, not a change of the dossier: the upstream is asked again before
 * it is trusted). The officer's progress line reads it (`uploadProgress`). Every write here is
 * the claim's that holds the dossier's outbox row (its token, migration 0051): an attempt whose
 * lease ran out gets `ClaimLostError` and stops. An upload the kiosk stops using before it is
 * complete is listed for cancelling upstream (upload-cancels.ts) in the same transaction.
 */
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import { queueCancel } from './upload-cancels';

/** The attempt no longer holds its outbox row (its lease ran out and the row was claimed again): it writes nothing more. */
export class ClaimLostError extends Error {
  constructor() {
    super('the outbox row is claimed by another attempt');
    this.name = 'ClaimLostError';
  }
}

const HELD = `EXISTS (SELECT 1 FROM outbox WHERE outbox.dossier_id = outbox_packets.dossier_id AND outbox.claim_id = ? AND outbox.state = 'sending')`;

export interface KeptUpload {
  uploadId: string | null;
  offset: number;
  size: number;
}

/** The kept packet's upload (id null before one was started), or null when no packet is kept. */
export function keptUpload(db: Db, dossierId: string): KeptUpload | null {
  return (db.prepare('SELECT upload_id AS uploadId, upload_offset AS offset, size FROM outbox_packets WHERE dossier_id = ?').get(dossierId) as KeptUpload | undefined) ?? null;
}

/**
 * The upstream named an upload for the kept bytes and holds `offset` of them: a new upload
 * (`sync.upload_started`, with why when it replaces one the upstream no longer knows) or the same
 * one picked up again (`sync.upload_resumed`, from that offset).
 */
export function rememberUpload(db: Db, dossierId: string, claim: string, uploadId: string, offset: number, now: number, why: 'new' | 'resumed' | 'gone'): void {
  db.transaction(() => {
    const at = new Date(now).toISOString();
    const r = db.prepare(`UPDATE outbox_packets SET upload_id = ?, upload_offset = ?, upload_at = ? WHERE dossier_id = ? AND ${HELD}`).run(uploadId, offset, at, dossierId, claim);
    if (r.changes !== 1) throw new ClaimLostError();
    // Named again by the upstream (the same bytes give the same upload): in use, not to be cancelled.
    db.prepare('DELETE FROM upload_cancels WHERE upload_id = ?').run(uploadId);
    const size = (db.prepare('SELECT size FROM outbox_packets WHERE dossier_id = ?').get(dossierId) as { size: number }).size;
    if (why === 'resumed') appendAudit(db, { actor: 'system', action: 'sync.upload_resumed', dossierId, at, detail: { offset, size } });
    else appendAudit(db, { actor: 'system', action: 'sync.upload_started', dossierId, at, detail: { offset, size, ...(why === 'gone' ? { replaces: 'upload_unknown' } : {}) } });
  }).immediate();
}

/** The upstream confirmed holding `offset` bytes of this upload. */
export function confirmOffset(db: Db, dossierId: string, claim: string, uploadId: string, offset: number): void {
  const r = db.prepare(`UPDATE outbox_packets SET upload_offset = ? WHERE dossier_id = ? AND upload_id = ? AND ${HELD}`).run(offset, dossierId, uploadId, claim);
  if (r.changes !== 1) throw new ClaimLostError();
}

/** The upload's completion was answered for good (stored or refused): the upstream dropped it; nothing to cancel. */
export function uploadEnded(db: Db, dossierId: string, claim: string, uploadId: string): void {
  db.prepare(`UPDATE outbox_packets SET upload_id = NULL, upload_offset = 0, upload_at = NULL WHERE dossier_id = ? AND upload_id = ? AND ${HELD}`).run(dossierId, uploadId, claim);
}

/** The kept packet goes out whole after all (upstream.resumableAboveBytes raised): its upload is listed for cancelling and forgotten. */
export function abandonUpload(db: Db, dossierId: string, claim: string, now: number): void {
  db.transaction(() => {
    const r = db.prepare(`SELECT upload_id AS uploadId FROM outbox_packets WHERE dossier_id = ? AND upload_id IS NOT NULL AND ${HELD}`).get(dossierId, claim) as { uploadId: string } | undefined;
    if (!r) return;
    db.prepare('UPDATE outbox_packets SET upload_id = NULL, upload_offset = 0, upload_at = NULL WHERE dossier_id = ?').run(dossierId);
    queueCancel(db, dossierId, r.uploadId, now);
  }).immediate();
}

/**
 * The kept packet (the dossier's data, sealed) deleted: delivered, refused for good, delivered
 * another way, returned for re-capture. Its upload, if one is open, is listed for cancelling.
 * Runs inside the caller's transaction.
 */
export function dropKeptPacket(db: Db, dossierId: string, now: number): void {
  const r = db.prepare('SELECT upload_id AS uploadId FROM outbox_packets WHERE dossier_id = ?').get(dossierId) as { uploadId: string | null } | undefined;
  if (r?.uploadId) queueCancel(db, dossierId, r.uploadId, now);
  db.prepare('DELETE FROM outbox_packets WHERE dossier_id = ?').run(dossierId);
}

/** Bytes the upstream holds of a dossier's upload under way (or stopped part-way), for the screens. */
export function uploadProgress(db: Db, dossierId: string): { sent: number; total: number } | null {
  const r = db.prepare('SELECT upload_offset AS sent, size AS total FROM outbox_packets WHERE dossier_id = ? AND upload_id IS NOT NULL').get(dossierId) as { sent: number; total: number } | undefined;
  return r ?? null;
}
