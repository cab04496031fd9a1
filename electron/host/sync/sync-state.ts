/** The sync worker's own small state in the store: the status cursor and the supervisor's pause. */
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';

export function readState(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

/** Inside the caller's transaction, or alone. */
export function writeState(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function isPaused(db: Db): boolean {
  return readState(db, 'paused') === '1';
}

/** Pause or resume, by whom, in one transaction with its audit entry. False when nothing changed. */
export function setPaused(db: Db, paused: boolean, actor: string, now = new Date()): boolean {
  return db.transaction((): boolean => {
    if (isPaused(db) === paused) return false;
    writeState(db, 'paused', paused ? '1' : '0');
    appendAudit(db, { actor, action: paused ? 'sync.paused' : 'sync.resumed', at: now.toISOString() });
    return true;
  }).immediate();
}

export function statusCursor(db: Db): string {
  return readState(db, 'status.cursor') ?? '0';
}
