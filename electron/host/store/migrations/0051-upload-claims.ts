/**
 * Sync review fixes (issue 11): every claim of an outbox row gets its own token (`claim_id`), so a
 * result, a lease renewal or an upload offset is written only by the very attempt that holds the
 * row (an attempt whose lease ran out while it still ran, even in the same worker, is dropped,
 * audited). And uploads the kiosk stops using before they are complete (delivered another way,
 * refused, sent whole after all) are listed in `upload_cancels` until the upstream has been asked
 * to cancel them (best effort; after a day they have expired upstream anyway).
 */
import type { Migration } from './runner';

export const m0051: Migration = {
  version: 51,
  name: '0051-upload-claims',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN claim_id TEXT;
      CREATE TABLE upload_cancels (
        upload_id TEXT PRIMARY KEY,
        dossier_id TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        tries INTEGER NOT NULL DEFAULT 0,
        next_try_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
