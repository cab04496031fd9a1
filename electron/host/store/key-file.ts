/**
 * The store's data key and how it is held. The database is encrypted whole with a random 256-bit
 * data key; the key itself is kept in `store.key` only in sealed form:
 *
 * - `passphrase`: wrapped with AES-256-GCM under a key derived by scrypt from the station
 *   passphrase a supervisor enters at start-up (the browser shell, and Linux without a real keyring);
 * - `os-keystore`: sealed by the OS (Electron safeStorage on Windows/macOS, or Linux with a real
 *   secret service), passed in by the shell as a `KeySealer`; the host never imports electron.
 *
 * There is no plaintext form and no fallback to one. The file is written atomically (temp + rename
 * + fsync), so a crash leaves the old key or the new one, never half of either.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const DATA_KEY_BYTES = 32;

/** scrypt cost: N = 2^17 (128 MiB with r = 8), about half a second on a kiosk PC; see the bench. */
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;

export interface KeySealer {
  /** e.g. 'electron-safeStorage:gnome_libsecret'; never a plaintext backend. */
  readonly name: string;
  seal(plain: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const passphraseSchema = z.object({
  version: z.literal(1),
  kind: z.literal('passphrase'),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 14).max(2 ** 22), r: z.number().int().min(8).max(32), p: z.number().int().min(1).max(4), salt: b64 }),
  iv: b64,
  tag: b64,
  sealed: b64,
});
const osSchema = z.object({ version: z.literal(1), kind: z.literal('os-keystore'), sealer: z.string().max(100), sealed: b64 });
export const keyFileSchema = z.discriminatedUnion('kind', [passphraseSchema, osSchema]);
export type KeyFile = z.infer<typeof keyFileSchema>;

export class WrongPassphraseError extends Error {}
export class KeyFileError extends Error {}

export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'store.key');
}

function scrypt(pass: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
  return new Promise((ok, fail) => scryptCb(pass.normalize('NFC'), salt, 32, opts, (e, k) => (e ? fail(e) : ok(k))));
}

const AAD = Buffer.from('eid-kiosk store data key v1');

export async function wrapWithPassphrase(dataKey: Buffer, passphrase: string, kdf: { N: number; r: number; p: number } = DEFAULT_KDF): Promise<KeyFile> {
  const salt = randomBytes(16);
  const kek = await scrypt(passphrase, salt, kdf);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv).setAAD(AAD);
  const sealed = Buffer.concat([c.update(dataKey), c.final()]);
  return { version: 1, kind: 'passphrase', kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') }, iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), sealed: sealed.toString('base64') };
}

export async function unwrapWithPassphrase(file: KeyFile, passphrase: string): Promise<Buffer> {
  if (file.kind !== 'passphrase') throw new KeyFileError('this store is sealed by the OS keystore, not a passphrase');
  const kek = await scrypt(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(file.iv, 'base64')).setAAD(AAD);
    d.setAuthTag(Buffer.from(file.tag, 'base64'));
    const key = Buffer.concat([d.update(Buffer.from(file.sealed, 'base64')), d.final()]);
    if (key.length !== DATA_KEY_BYTES) throw new KeyFileError('sealed key has the wrong length');
    return key;
  } catch (e) {
    if (e instanceof KeyFileError) throw e;
    throw new WrongPassphraseError('wrong passphrase');
  }
}

export function sealWithOs(dataKey: Buffer, sealer: KeySealer): KeyFile {
  return { version: 1, kind: 'os-keystore', sealer: sealer.name, sealed: sealer.seal(dataKey).toString('base64') };
}

export function unsealWithOs(file: KeyFile, sealer: KeySealer): Buffer {
  if (file.kind !== 'os-keystore') throw new KeyFileError('this store is sealed by a passphrase');
  const key = sealer.unseal(Buffer.from(file.sealed, 'base64'));
  if (key.length !== DATA_KEY_BYTES) throw new KeyFileError('the OS keystore returned a key of the wrong length');
  return key;
}

export function readKeyFile(dataDir: string): KeyFile | null {
  const p = keyFilePath(dataDir);
  if (!existsSync(p)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(p, 'utf8'));
  } catch {
    throw new KeyFileError(`${p} is damaged (not JSON): restore it from the backup; the data cannot be opened without it`);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new KeyFileError(`${p} is damaged (unexpected content): restore it from the backup`);
  return parsed.data;
}

/** Atomic write: a crash leaves the previous file or the new one. */
export function writeKeyFile(dataDir: string, file: KeyFile): void {
  const p = keyFilePath(dataDir);
  const tmp = `${p}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(file));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, p);
  const dfd = openSync(dirname(p), 'r');
  try {
    fsyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}
