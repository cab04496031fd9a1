/**
 * Opens the kiosk's SQLite database encrypted whole (SQLite3 Multiple Ciphers, SQLCipher v4 scheme:
 * AES-256-CBC pages with HMAC-SHA512), so names, ID numbers and images are unreadable in the main
 * file, its WAL and its journal alike. Column encryption would leak through indexes and the WAL;
 * whole-file encryption does not. Temporary tables stay in memory (temp_store), and freed pages
 * are zeroed (secure_delete) before the encryption even matters.
 */
import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DATA_KEY_BYTES } from './key-file';

export type Db = Database.Database;

export class WrongKeyError extends Error {
  constructor() {
    super('the database cannot be decrypted with this key');
  }
}

export function openEncrypted(path: string, key: Buffer): Db {
  if (key.length !== DATA_KEY_BYTES) throw new Error('data key must be 32 bytes');
  // Created 0600 before SQLite opens it: its WAL and shared-memory files take the same mode.
  closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path);
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma(`legacy = 4`);
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    // A wrong key shows on the first read of the schema (SQLITE_NOTADB), never as an empty database.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongKeyError();
    throw e;
  }
  db.pragma('journal_mode = WAL');
  // FULL: a committed dossier survives a power cut too, not just a killed process.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
