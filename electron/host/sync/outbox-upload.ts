/**
 * Where a large packet's resumable upload stands, kept beside its JWE in `outbox_packets`
 * (migration 0050): the upstream's upload id and the offset the upstream last confirmed. Starting
 * or resuming an upload is one transaction with its audit entry; each confirmed offset is one
 * UPDATE (transport bookkeeping, not a change of the dossier: the upstream is asked again before
 * it is trusted). The officer's progress line reads it (`uploadProgress`).
 */
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';

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
export function rememberUpload(db: Db, dossierId: string, uploadId: string, offset: number, now: number, why: 'new' | 'resumed' | 'gone'): void {
  db.transaction(() => {
    const at = new Date(now).toISOString();
    const r = db.prepare('UPDATE outbox_packets SET upload_id = ?, upload_offset = ?, upload_at = ? WHERE dossier_id = ?').run(uploadId, offset, at, dossierId);
    if (r.changes !== 1) throw new Error('no kept packet for this upload');
    const size = (db.prepare('SELECT size FROM outbox_packets WHERE dossier_id = ?').get(dossierId) as { size: number }).size;
    if (why === 'resumed') appendAudit(db, { actor: 'system', action: 'sync.upload_resumed', dossierId, at, detail: { offset, size } });
    else appendAudit(db, { actor: 'system', action: 'sync.upload_started', dossierId, at, detail: { offset, size, ...(why === 'gone' ? { replaces: 'upload_unknown' } : {}) } });
  }).immediate();
}

/** The upstream confirmed holding `offset` bytes of this upload. */
export function confirmOffset(db: Db, dossierId: string, uploadId: string, offset: number): void {
  db.prepare('UPDATE outbox_packets SET upload_offset = ? WHERE dossier_id = ? AND upload_id = ?').run(offset, dossierId, uploadId);
}

/** Bytes the upstream holds of a dossier's upload under way (or stopped part-way), for the screens. */
export function uploadProgress(db: Db, dossierId: string): { sent: number; total: number } | null {
  const r = db.prepare('SELECT upload_offset AS sent, size AS total FROM outbox_packets WHERE dossier_id = ? AND upload_id IS NOT NULL').get(dossierId) as { sent: number; total: number } | undefined;
  return r ?? null;
}
