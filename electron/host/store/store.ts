/**
 * The encrypted store as the host sees it: created once with a station passphrase (or sealed by
 * the OS keystore), unlocked at each start, migrated to the current schema. A wrong passphrase is
 * refused and counted; it never opens, replaces or empties the database.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openEncrypted, type Db } from './database';
import {
  newDataKey,
  readKeyFile,
  sealWithOs,
  unsealWithOs,
  unwrapWithPassphrase,
  KeyFileError,
  wrapWithPassphrase,
  writeKeyFile,
  type KeySealer,
  DEFAULT_KDF,
} from './key-file';
import { MIGRATIONS, migrate } from './migrations/index';
import { UnlockGuard } from './unlock-guard';

export type Unlocker = { passphrase: string } | { sealer: KeySealer };

export class StoreExistsError extends Error {}
export class StoreMissingError extends Error {}
export class UnlockThrottledError extends Error {
  constructor(readonly waitMs: number) {
    super(`too many wrong passphrases: wait ${Math.ceil(waitMs / 1000)} s`);
  }
}
export class WeakPassphraseError extends Error {}
export class DatabaseMissingError extends Error {}

export const MIN_PASSPHRASE_LENGTH = 12;

export function databasePath(dataDir: string): string {
  return join(dataDir, 'kiosk.db');
}

export function storeExists(dataDir: string): boolean {
  return readKeyFile(dataDir) !== null;
}

export interface OpenStore {
  db: Db;
  close(): void;
}

function opened(db: Db): OpenStore {
  return { db, close: () => db.close() };
}

/**
 * No database, or only the empty file a creation killed before its key file leaves (nothing was
 * ever written to it, and no key to read it exists): creation may go ahead.
 */
function isLeftOfCutCreation(dataDir: string): boolean {
  const db = databasePath(dataDir);
  if (!existsSync(db)) return true;
  const empty = (p: string) => !existsSync(p) || statSync(p).size === 0;
  return empty(db) && empty(`${db}-wal`) && empty(`${db}-journal`);
}

function claimDatabaseFile(dataDir: string): void {
  closeSync(openSync(databasePath(dataDir), 'a', 0o600));
  const dfd = openSync(dataDir, 'r');
  try {
    fsyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
}

/** First run: a new random data key, sealed, and an empty database at the current schema. */
export async function createStore(dataDir: string, how: Unlocker, kdf: { N: number; r: number; p: number } = DEFAULT_KDF): Promise<OpenStore> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (storeExists(dataDir) || !isLeftOfCutCreation(dataDir)) throw new StoreExistsError('a store already exists in this data folder');
  if ('passphrase' in how && how.passphrase.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) {
    throw new WeakPassphraseError(`the station passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  const key = newDataKey();
  const sealed = 'passphrase' in how ? await wrapWithPassphrase(key, how.passphrase, kdf) : sealWithOs(key, how.sealer);
  // The (empty) database file exists before its key file: a key file without a database is then
  // never a creation cut short, always a lost database (unlockStore refuses it).
  claimDatabaseFile(dataDir);
  writeKeyFile(dataDir, sealed);
  const db = openEncrypted(databasePath(dataDir), key);
  key.fill(0);
  migrate(db, MIGRATIONS);
  return opened(db);
}

export async function unlockStore(dataDir: string, how: Unlocker, guard = new UnlockGuard(dataDir)): Promise<OpenStore> {
  const file = readKeyFile(dataDir);
  if (!file) throw new StoreMissingError('no store in this data folder yet: run the first-time set-up');
  let key: Buffer;
  if (!existsSync(databasePath(dataDir))) {
    // The key is here and the database is not: a new empty one now would hide the loss and bury
    // the real one under new dossiers if it is restored later.
    throw new DatabaseMissingError(`${databasePath(dataDir)} is missing while store.key is here: restore the database from the backup`);
  }
  if ('passphrase' in how) {
    if (file.kind !== 'passphrase') throw new KeyFileError('this store is sealed by the OS keystore, not a passphrase');
    const wait = guard.waitMs();
    if (wait > 0) throw new UnlockThrottledError(wait);
    // Counted before the (slow) check, synchronously with the wait check: attempts started at once
    // each see the others, and a process killed mid-check has still spent the attempt.
    guard.recordFailure();
    key = await unwrapWithPassphrase(file, how.passphrase);
    guard.recordSuccess();
  } else {
    key = unsealWithOs(file, how.sealer);
  }
  const db = openEncrypted(databasePath(dataDir), key);
  key.fill(0);
  migrate(db, MIGRATIONS);
  return opened(db);
}
