/**
 * Resumable uploads of large packets (issue 11, "large packets restartable without waste"): the
 * packet kept in `outbox_packets` (the exact JWE bytes, encrypted with the store) also remembers the
 * upstream's upload it is being sent through and the offset the upstream last confirmed, so the
 * next attempt (after a dropped connection, a timeout or a restarted host) asks the upstream for its
 * offset and sends only the rest of the same bytes. Deleting the kept packet (delivered, returned
 * for re-capture, re-enrolment) forgets its upload with it.
 */
import type { Migration } from './runner';

export const m0050: Migration = {
  version: 50,
  name: '0050-resumable-uploads',
  up(db) {
    db.exec(`
      ALTER TABLE outbox_packets ADD COLUMN upload_id TEXT;
      ALTER TABLE outbox_packets ADD COLUMN upload_offset INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE outbox_packets ADD COLUMN upload_at TEXT;
    `);
  },
};
