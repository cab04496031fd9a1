/**
 * The store against someone guessing the station passphrase, a damaged counter, and a data folder
 * that lost its database: the count holds, and nothing new is made over what was there.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from './audit';
import { keyFilePath, WrongPassphraseError } from './key-file';
import { createStore, databasePath, DatabaseMissingError, StoreExistsError, UnlockThrottledError, unlockStore } from './store';
import { UnlockGuard } from './unlock-guard';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'trạm công an phường 7';
const dir = () => mkdtempSync(join(tmpdir(), 'kiosk-store-hostile-'));
const attempts = (d: string) => join(d, 'unlock-attempts.json');

describe('station passphrase guessing', () => {
  it('ten guesses at once: only the five free ones are tried, the rest must wait', async () => {
    const d = dir();
    (await createStore(d, { passphrase: PASS }, FAST)).close();
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => unlockStore(d, { passphrase: `wrong passphrase ${i}` })));
    const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).constructor.name : 'opened'));
    expect(reasons.filter((r) => r === WrongPassphraseError.name)).toHaveLength(5);
    expect(reasons.filter((r) => r === UnlockThrottledError.name)).toHaveLength(5);
    expect(new UnlockGuard(d).failures()).toBe(5);
  });

  it('a guess whose check never finished (process killed) is still counted', async () => {
    const d = dir();
    (await createStore(d, { passphrase: PASS }, FAST)).close();
    const pending = unlockStore(d, { passphrase: 'wrong passphrase' });
    // What a SIGKILL during scrypt would leave on disk:
    expect(new UnlockGuard(d).failures()).toBe(1);
    await expect(pending).rejects.toThrow(WrongPassphraseError);
    (await unlockStore(d, { passphrase: PASS })).close();
    expect(new UnlockGuard(d).failures()).toBe(0);
  });

  it.each([
    ['a negative count', '{"failures":-1000,"lastFailureAt":0}'],
    ['a count that is not a number', '{"failures":"many","lastFailureAt":0}'],
    ['no count at all', '{}'],
    ['null', 'null'],
    ['a fractional count', '{"failures":0.5,"lastFailureAt":0}'],
  ])('an edited counter with %s is the limit reached, never a reset', async (_label, content) => {
    const d = dir();
    (await createStore(d, { passphrase: PASS }, FAST)).close();
    writeFileSync(attempts(d), content);
    await expect(unlockStore(d, { passphrase: PASS })).rejects.toThrow(UnlockThrottledError);
  });

  it('a failure time in the future (clock set back) never makes the wait longer than due', () => {
    const d = dir();
    const now = 1_000_000_000_000;
    writeFileSync(attempts(d), JSON.stringify({ failures: 5, lastFailureAt: now + 365 * 86_400_000 }));
    expect(new UnlockGuard(d, () => now).waitMs()).toBe(30_000);
  });
});

describe('a data folder that lost its database', () => {
  it('the key file without the database is refused: no new empty database in its place', async () => {
    const d = dir();
    const s = await createStore(d, { passphrase: PASS }, FAST);
    s.db.transaction(() => appendAudit(s.db, { actor: 'system', action: 'store.created' }))();
    s.close();
    for (const f of ['kiosk.db', 'kiosk.db-wal', 'kiosk.db-shm']) rmSync(join(d, f), { force: true });
    await expect(unlockStore(d, { passphrase: PASS })).rejects.toThrow(DatabaseMissingError);
    expect(existsSync(databasePath(d))).toBe(false);
    await expect(createStore(d, { passphrase: PASS }, FAST)).rejects.toThrow(StoreExistsError);
  });

  it('a creation killed before its key file was written (empty database file only) may start again', async () => {
    const d = dir();
    writeFileSync(databasePath(d), '', { mode: 0o600 });
    const s = await createStore(d, { passphrase: PASS }, FAST);
    expect(verifyAudit(s.db).ok).toBe(true);
    s.close();
    expect(statSync(keyFilePath(d)).size).toBeGreaterThan(0);
  });

  it('a creation killed after its key file (empty database file) opens and migrates', async () => {
    const d = dir();
    (await createStore(d, { passphrase: PASS }, FAST)).close();
    for (const f of ['kiosk.db-wal', 'kiosk.db-shm']) rmSync(join(d, f), { force: true });
    writeFileSync(databasePath(d), '');
    const s = await unlockStore(d, { passphrase: PASS });
    expect(s.db.prepare('SELECT count(*) AS n FROM officers').get()).toEqual({ n: 0 });
    s.close();
  });

  it('a database with content and no key file is never replaced', async () => {
    const d = dir();
    (await createStore(d, { passphrase: PASS }, FAST)).close();
    rmSync(keyFilePath(d));
    await expect(createStore(d, { passphrase: PASS }, FAST)).rejects.toThrow(StoreExistsError);
  });
});
