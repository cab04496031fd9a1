/**
 * The store's data key sealed by the OS keystore through Electron's safeStorage: DPAPI on Windows,
 * the Keychain on macOS, and on Linux only a real secret service (GNOME Keyring / libsecret,
 * KWallet). safeStorage's `basic_text` backend (a key hard-coded in Chromium) is obfuscation, not
 * protection, and `unknown` means it cannot say: both are refused, and so is a safeStorage that
 * reports no encryption. Then this returns null and the host uses the station passphrase.
 *
 * Takes the safeStorage object rather than importing electron, so the selection is unit-tested
 * with a stand-in. Call it after the app is ready (before, Linux reports `unknown`).
 */
import type { KeySealer } from '../host/store/key-file';

/** The part of Electron's safeStorage this uses (the synchronous API, as KeySealer is synchronous). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only. */
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const REAL_LINUX_BACKENDS: readonly string[] = ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'];

/** Which OS keystore would hold the key, or why none may. */
export function keystoreBackend(ss: SafeStorageLike, platform: NodeJS.Platform): { ok: true; backend: string } | { ok: false; reason: string } {
  if (!ss.isEncryptionAvailable()) return { ok: false, reason: 'unavailable' };
  if (platform === 'win32') return { ok: true, backend: 'dpapi' };
  if (platform === 'darwin') return { ok: true, backend: 'keychain' };
  if (platform !== 'linux') return { ok: false, reason: `platform:${platform}` };
  const backend = ss.getSelectedStorageBackend();
  return REAL_LINUX_BACKENDS.includes(backend) ? { ok: true, backend } : { ok: false, reason: `backend:${backend}` };
}

/** A KeySealer over safeStorage when the keystore is real; null otherwise (the passphrase is used). */
export function safeStorageSealer(ss: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeySealer | null {
  const found = keystoreBackend(ss, platform);
  if (!found.ok) return null;
  return {
    name: `electron-safeStorage:${found.backend}`,
    // safeStorage seals strings: the key travels as base64 and the copies are the caller's to drop.
    seal: (plain) => ss.encryptString(plain.toString('base64')),
    unseal: (sealed) => Buffer.from(ss.decryptString(sealed), 'base64'),
  };
}
