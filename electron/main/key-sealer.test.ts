/**
 * The safeStorage sealer's selection. The Electron binary cannot run here, so safeStorage is a
 * stand-in of the same shape (AES-GCM under a key only it holds, like the OS keystore would);
 * the store it seals is real.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFilePath } from '../host/store/key-file';
import { createStore, unlockStore } from '../host/store/store';
import { keystoreBackend, safeStorageSealer, type SafeStorageLike } from './key-sealer';

function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { calls: string[] } {
  const osKey = randomBytes(32);
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(sealed) {
      calls.push('decrypt');
      const d = createDecipheriv('aes-256-gcm', osKey, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('the safeStorage sealer', () => {
  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('is used on Linux with a real secret service (%s)', (backend) => {
    expect(safeStorageSealer(fakeSafeStorage(backend), 'linux')?.name).toBe(`electron-safeStorage:${backend}`);
  });

  it('refuses basic_text and unknown on Linux: the host then uses the station passphrase', () => {
    expect(safeStorageSealer(fakeSafeStorage('basic_text'), 'linux')).toBeNull();
    expect(keystoreBackend(fakeSafeStorage('basic_text'), 'linux')).toEqual({ ok: false, reason: 'backend:basic_text' });
    expect(safeStorageSealer(fakeSafeStorage('unknown'), 'linux')).toBeNull();
  });

  it('refuses a safeStorage that reports no encryption, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(safeStorageSealer(fakeSafeStorage('gnome_libsecret', false), platform)).toBeNull();
    }
  });

  it('uses DPAPI on Windows and the Keychain on macOS, and nothing elsewhere', () => {
    expect(safeStorageSealer(fakeSafeStorage('unknown'), 'win32')?.name).toBe('electron-safeStorage:dpapi');
    expect(safeStorageSealer(fakeSafeStorage('unknown'), 'darwin')?.name).toBe('electron-safeStorage:keychain');
    expect(safeStorageSealer(fakeSafeStorage('gnome_libsecret'), 'freebsd')).toBeNull();
  });

  it('seals and unseals a data key (round trip), and the sealed form does not hold the key', () => {
    const sealer = safeStorageSealer(fakeSafeStorage('gnome_libsecret'), 'linux')!;
    const key = randomBytes(32);
    const sealed = sealer.seal(key);
    expect(sealed.includes(key)).toBe(false);
    expect(sealed.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(sealer.unseal(sealed).equals(key)).toBe(true);
  });

  it('a store created with the sealer unlocks with it, and not with another keystore', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-sealer-'));
    const ss = fakeSafeStorage('kwallet6');
    const sealer = safeStorageSealer(ss, 'linux')!;
    const created = await createStore(dir, { sealer });
    created.db.exec(`INSERT INTO settings (key, value) VALUES ('probe', '1')`);
    created.close();
    expect(JSON.parse(readFileSync(keyFilePath(dir), 'utf8'))).toMatchObject({ kind: 'os-keystore', sealer: 'electron-safeStorage:kwallet6' });

    const opened = await unlockStore(dir, { sealer });
    expect(opened.db.prepare(`SELECT value FROM settings WHERE key = 'probe'`).get()).toEqual({ value: '1' });
    opened.close();
    expect(ss.calls).toEqual(['encrypt', 'decrypt']);

    const otherMachine = safeStorageSealer(fakeSafeStorage('kwallet6'), 'linux')!;
    await expect(unlockStore(dir, { sealer: otherMachine })).rejects.toThrow();
  });
});
