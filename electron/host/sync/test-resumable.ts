/** Tests of resumable uploads against the reference upstream: its own SQLite read or changed, and an upload cut after its first piece. */
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Upstream } from '../sim/upstream/server';
import type { Db } from '../store/database';
import type { SyncService } from './service';
import { outboxRow } from './test-fixture';

/** A second connection to the reference upstream's own SQLite, as its operator (or a bug) would change it. */
export function upstreamSql(dataDir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(join(dataDir, 'upstream.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** The ids of the uploads the reference upstream holds open. */
export function openUploads(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'upstream.db'), { readonly: true });
  try {
    return db.prepare('SELECT id FROM uploads').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/**
 * The dossier's upload cut after its first piece (the next request answered 503, with this
 * Retry-After), then the worker paused.
 */
export async function interruptedAfterFirstPiece(t: { db: Db; up: Upstream; svc: SyncService; until: (cond: () => boolean) => Promise<void> }, id: string, retryAfterSeconds = 0): Promise<void> {
  t.up.events.once('upload-appended', () => t.up.control.failNext(1, 503, retryAfterSeconds));
  t.svc.setPaused(false, 's-1');
  await t.until(() => outboxRow(t.db, id).last_error === 'unavailable');
  t.svc.setPaused(true, 's-1');
}
