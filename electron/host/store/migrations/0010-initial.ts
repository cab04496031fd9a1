/** Officers, dossiers and their images, the audit chain, the outbox. */
import type { Migration } from './runner';

export const m0010: Migration = {
  version: 10,
  name: '0010-initial',
  up(db) {
    db.exec(`
      CREATE TABLE officers (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dossiers (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'queued', 'sending', 'sent',
          'accepted', 'rejected_upstream', 'purged')),
        officer_id TEXT NOT NULL REFERENCES officers(id),
        supervisor_id TEXT REFERENCES officers(id),
        id_number TEXT,
        full_name TEXT,
        search_key TEXT NOT NULL DEFAULT '',
        schema_version INTEGER NOT NULL,
        body TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        return_reason TEXT,
        upstream_outcome TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        decided_at TEXT
      ) STRICT;
      CREATE INDEX dossiers_by_state ON dossiers(state, updated_at);
      CREATE INDEX dossiers_by_id_number ON dossiers(id_number);
      CREATE INDEX dossiers_by_officer ON dossiers(officer_id, state);

      CREATE TABLE dossier_images (
        dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (dossier_id, kind)
      ) STRICT;

      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        dossier_id TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL UNIQUE REFERENCES dossiers(id),
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `);
  },
};
