/**
 * Sync upstream (issue 11): the kiosk's identity with the upstream (device id, TLS key and client
 * certificate, packet-signing key, the pinned upstream CA and its encryption key), the sync
 * worker's own state (status cursor, pause), the packet built once per dossier (a retry re-sends
 * the same signed bytes, so the upstream sees the same digest), and the outbox rebuilt with a
 * final 'failed' state, a lease (owner and expiry) and the result of the last attempt.
 */
import type { Migration } from './runner';

export const m0030: Migration = {
  version: 30,
  name: '0030-sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        upstream_url TEXT NOT NULL,
        tls_key_pem TEXT NOT NULL,
        client_cert_pem TEXT NOT NULL,
        signing_jwk TEXT NOT NULL,
        upstream_ca_pem TEXT NOT NULL,
        upstream_enc_jwk TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        enrolled_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE outbox_new (
        id INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL UNIQUE REFERENCES dossiers(id),
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_until TEXT,
        last_attempt_at TEXT,
        done_at TEXT,
        http_status INTEGER
      ) STRICT;
      INSERT INTO outbox_new (id, dossier_id, idempotency_key, state, attempts, next_attempt_at, last_error, created_at)
        SELECT id, dossier_id, idempotency_key, state, attempts, next_attempt_at, last_error, created_at FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_new RENAME TO outbox;
      CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

      CREATE TABLE outbox_packets (
        dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id) ON DELETE CASCADE,
        jwe TEXT NOT NULL,
        digest TEXT NOT NULL,
        size INTEGER NOT NULL,
        built_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
