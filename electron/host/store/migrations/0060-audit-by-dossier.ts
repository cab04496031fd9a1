/**
 * The audit trail looked up by dossier: a packet build counts the dossier's returns for
 * re-capture (packet/from-store.ts submissionOf) and the dossier's history lists its entries.
 * Without an index each was a scan of the whole append-only trail, which only grows (about ten
 * entries a dossier): 0.16 ms a packet at 3,000 entries, some 30 ms at half a million.
 */
import type { Migration } from './runner';

export const m0060: Migration = {
  version: 60,
  name: '0060-audit-by-dossier',
  up(db) {
    db.exec('CREATE INDEX audit_by_dossier ON audit(dossier_id, action)');
  },
};
