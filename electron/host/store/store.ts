/**
 * The encrypted store as the host sees it: created once with a station passphrase (or sealed by
 * the OS keystore), unlocked at each start, migrated to the current schema. A wrong passphrase is
 * refused and counted; it never opens, replaces or empties the database.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openEncrypted, type Db } from './database';
import {
  newDataKey,
  readKeyFile,
  sealWithOs,
  unsealWithOs,
  unwrapWithPassphrase,
  WrongPassphraseError,
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

/** First run: a new random data key, sealed, and an empty database at the current schema. */
export async function createStore(dataDir: string, how: Unlocker, kdf: { N: number; r: number; p: number } = DEFAULT_KDF): Promise<OpenStore> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (storeExists(dataDir) || existsSync(databasePath(dataDir))) throw new StoreExistsError('a store already exists in this data folder');
  if ('passphrase' in how && how.passphrase.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) {
    throw new WeakPassphraseError(`the station passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  const key = newDataKey();
  writeKeyFile(dataDir, 'passphrase' in how ? await wrapWithPassphrase(key, how.passphrase, kdf) : sealWithOs(key, how.sealer));
  const db = openEncrypted(databasePath(dataDir), key);
  key.fill(0);
  migrate(db, MIGRATIONS);
  return opened(db);
}

export async function unlockStore(dataDir: string, how: Unlocker, guard = new UnlockGuard(dataDir)): Promise<OpenStore> {
  const file = readKeyFile(dataDir);
  if (!file) throw new StoreMissingError('no store in this data folder yet: run the first-time set-up');
  let key: Buffer;
  if ('passphrase' in how) {
    const wait = guard.waitMs();
    if (wait > 0) throw new UnlockThrottledError(wait);
    try {
      key = await unwrapWithPassphrase(file, how.passphrase);
    } catch (e) {
      if (e instanceof WrongPassphraseError) guard.recordFailure();
      throw e;
    }
    guard.recordSuccess();
  } else {
    key = unsealWithOs(file, how.sealer);
  }
  const db = openEncrypted(databasePath(dataDir), key);
  key.fill(0);
  migrate(db, MIGRATIONS);
  return opened(db);
}
