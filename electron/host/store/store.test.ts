import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from './audit';
import { openEncrypted } from './database';
import { keyFilePath, WrongPassphraseError, type KeySealer } from './key-file';
import { FutureDatabaseError, MIGRATIONS, migrate } from './migrations/index';
import { createStore, databasePath, StoreExistsError, UnlockThrottledError, unlockStore, WeakPassphraseError } from './store';
import { UnlockGuard } from './unlock-guard';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'trạm công an phường 7';
const dir = () => mkdtempSync(join(tmpdir(), 'kiosk-store-'));

describe('encrypted store', () => {
  it('is created once with a passphrase and unlocks with the same one', async () => {
    const d = dir();
    const s = await createStore(d, { passphrase: PASS }, FAST);
    s.db.transaction(() => appendAudit(s.db, { actor: 'system', action: 'store.created' }))();
    s.close();
    await expect(createStore(d, { passphrase: PASS }, FAST)).rejects.toThrow(StoreExistsError);
    const again = await unlockStore(d, { passphrase: PASS });
    expect(verifyAudit(again.db)).toMatchObject({ ok: true, entries: 1 });
    again.close();
    expect(statSync(keyFilePath(d)).mode & 0o777).toBe(0o600);
  });

  it('refuses a short passphrase at creation', async () => {
    await expect(createStore(dir(), { passphrase: 'short' }, FAST)).rejects.toThrow(WeakPassphraseError);
  });

  it('a wrong passphrase is refused and counted; the database file is left exactly as it was', async () => {
    const d = dir();
    (await createStore(d, { passphrase: PASS }, FAST)).close();
    const before = readFileSync(databasePath(d));
    await expect(unlockStore(d, { passphrase: 'trạm công an phường 8' })).rejects.toThrow(WrongPassphraseError);
    expect(new UnlockGuard(d).failures()).toBe(1);
    expect(readFileSync(databasePath(d)).equals(before)).toBe(true);
    // the right one still works and resets the count
    (await unlockStore(d, { passphrase: PASS })).close();
    expect(new UnlockGuard(d).failures()).toBe(0);
  });

  it('after five wrong passphrases the next attempt must wait, even after a restart', async () => {
    const d = dir();
    (await createStore(d, { passphrase: PASS }, FAST)).close();
    for (let i = 0; i < 5; i++) await expect(unlockStore(d, { passphrase: `wrong passphrase ${i}` })).rejects.toThrow(WrongPassphraseError);
    // a new guard object = a restarted host reading the same count
    await expect(unlockStore(d, { passphrase: PASS }, new UnlockGuard(d))).rejects.toThrow(UnlockThrottledError);
    let t = Date.now();
    const later = new UnlockGuard(d, () => t);
    t += 31_000;
    (await unlockStore(d, { passphrase: PASS }, later)).close();
  });

  it('NFC and NFD spellings of the same passphrase open the same store', async () => {
    const d = dir();
    (await createStore(d, { passphrase: PASS.normalize('NFD') }, FAST)).close();
    (await unlockStore(d, { passphrase: PASS.normalize('NFC') })).close();
  });

  it('a store sealed by the OS keystore opens with the same sealer only', async () => {
    const d = dir();
    const key = Buffer.alloc(32, 7);
    const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ key[i % 32]!));
    const sealer: KeySealer = { name: 'test-keystore', seal: xor, unseal: xor };
    (await createStore(d, { sealer }, FAST)).close();
    (await unlockStore(d, { sealer })).close();
    await expect(unlockStore(d, { passphrase: PASS })).rejects.toThrow(/OS keystore/);
  });

  it('refuses a database from the future, and migrations out of order', async () => {
    const d = dir();
    const s = await createStore(d, { passphrase: PASS }, FAST);
    s.db.pragma('user_version = 999');
    s.close();
    await expect(unlockStore(d, { passphrase: PASS })).rejects.toThrow(FutureDatabaseError);
    const db = openEncrypted(join(dir(), 'x.db'), Buffer.alloc(32, 1));
    expect(() => migrate(db, [MIGRATIONS[0]!, { ...MIGRATIONS[0]!, name: 'again' }])).toThrow(/out of order/);
    db.close();
  });

  it('a damaged key file is reported as such, not as a wrong passphrase', async () => {
    const d = dir();
    (await createStore(d, { passphrase: PASS }, FAST)).close();
    writeFileSync(keyFilePath(d), '{"version":1,');
    await expect(unlockStore(d, { passphrase: PASS })).rejects.toThrow(/damaged/);
  });

  it('no personal data or image byte is readable in any file of the data folder (database, WAL, journal)', async () => {
    const d = dir();
    const s = await createStore(d, { passphrase: PASS }, FAST);
    const name = 'Nguyễn Thị Nhung';
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0'), Buffer.alloc(2000, 0x5a), Buffer.from([0xff, 0xd9])]);
    s.db.exec(`INSERT INTO officers VALUES ('o1', 'cb01', 'Cán bộ', 'officer', 'x', 0, NULL, 1, '2026-01-01')`);
    s.db.prepare(`INSERT INTO dossiers (id, state, officer_id, id_number, search_key, schema_version, body, created_at, updated_at) VALUES ('d1', 'draft', 'o1', ?, ?, 1, ?, 'now', 'now')`).run(
      '001190012345', 'nguyen thi nhung', JSON.stringify({ fullName: name, phone: '0912345678' }),
    );
    s.db.prepare(`INSERT INTO dossier_images VALUES ('d1', 'live', ?)`).run(jpeg);
    // leave the data in the WAL (no checkpoint) and also search after closing
    const needles = [name.normalize('NFC'), name.normalize('NFD'), '001190012345', '0912345678', 'nguyen thi nhung', 'JFIF', 'SQLite format 3'];
    const scan = () => {
      for (const f of readdirSync(d)) {
        const bytes = readFileSync(join(d, f));
        for (const n of needles) expect(bytes.includes(Buffer.from(n)), `${n} in ${f}`).toBe(false);
        expect(bytes.includes(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), `JPEG marker in ${f}`).toBe(false);
      }
    };
    expect(readdirSync(d)).toContain('kiosk.db-wal');
    scan();
    s.close();
    scan();
  });
});

describe('audit chain', () => {
  it('verifies a whole chain, and names the first entry an edit broke', async () => {
    const s = await createStore(dir(), { passphrase: PASS }, FAST);
    const add = (action: string) => s.db.transaction(() => appendAudit(s.db, { actor: 'o1', action, dossierId: 'd1' }))();
    for (const a of ['draft.created', 'dossier.submitted', 'dossier.approved', 'outbox.queued']) add(a);
    expect(verifyAudit(s.db)).toMatchObject({ ok: true, entries: 4 });
    expect(() => s.db.prepare(`UPDATE audit SET action = 'x' WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => s.db.prepare(`DELETE FROM audit WHERE seq = 4`).run()).toThrow(/append-only/);
    expect(() => appendAudit(s.db, { actor: 'o1', action: 'outside' })).toThrow(/inside the transaction/);
    // someone with the key drops the trigger and edits entry 2
    s.db.exec('DROP TRIGGER audit_append_only_update');
    s.db.prepare(`UPDATE audit SET actor = 'o2' WHERE seq = 2`).run();
    expect(verifyAudit(s.db)).toMatchObject({ ok: false, firstBroken: 2, reason: 'content altered' });
    s.close();
  });

  it('a removed entry shows as a gap', async () => {
    const s = await createStore(dir(), { passphrase: PASS }, FAST);
    for (let i = 0; i < 3; i++) s.db.transaction(() => appendAudit(s.db, { actor: 'o1', action: `a${i}` }))();
    s.db.exec('DROP TRIGGER audit_append_only_delete');
    s.db.prepare('DELETE FROM audit WHERE seq = 2').run();
    expect(verifyAudit(s.db)).toMatchObject({ ok: false, firstBroken: 3, reason: 'entry 2 is missing' });
    s.close();
  });
});
