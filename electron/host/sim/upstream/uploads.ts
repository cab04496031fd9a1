/**
 * Resumable uploads (yaml: /v1/uploads): a large packet sent in pieces that survive a dropped
 * connection or a restarted kiosk. The same device, dossier id and digest always name the same
 * upload; bytes are appended to a file in the data folder and fsynced before the offset in SQLite
 * moves, so the recorded offset never claims bytes that are not on disk (any excess is cut off).
 * An upload not completed within UPLOAD_TTL_MS is gone (row and file), and a device holds at most
 * MAX_OPEN_UPLOADS open at once, so no kiosk can fill the upstream's disk with pieces.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MAX_JWE_CHARS } from '../../sync/packet/manifest';
import { packetRow, type DeviceRow, type UpstreamDb } from './db';
import { Problem } from './problem';

export const UPLOAD_SCHEMA = `
  CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL, dossier_id TEXT NOT NULL, size INTEGER NOT NULL,
    digest TEXT NOT NULL, offset INTEGER NOT NULL, created_at TEXT NOT NULL, UNIQUE (device_id, dossier_id, digest)
  ) STRICT;
`;

/** How long an upload may stay incomplete. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
/** Open (incomplete, unexpired) uploads per device. */
export const MAX_OPEN_UPLOADS = 8;

const startSchema = z.object({
  dossierId: z.string().regex(/^HS-[2-9A-HJ-NP-Z]{10}$/),
  size: z.number().int().min(1).max(MAX_JWE_CHARS),
  digest: z.string().regex(/^sha-256=:[A-Za-z0-9+/]{43}=:$/),
}).strict();

interface UploadRow {
  id: string;
  deviceId: string;
  dossierId: string;
  size: number;
  digest: string;
  offset: number;
  createdAt: string;
}

const COLUMNS = 'id, device_id AS deviceId, dossier_id AS dossierId, size, digest, offset, created_at AS createdAt';
const sha = (b: Uint8Array | string) => `sha-256=:${createHash('sha256').update(b).digest('base64')}:`;

export class Uploads {
  private readonly dir: string;

  constructor(private readonly db: UpstreamDb, dataDir: string) {
    this.dir = join(dataDir, 'uploads');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    db.exec(UPLOAD_SCHEMA);
  }

  private file(id: string): string {
    return join(this.dir, `${id}.part`);
  }

  /** Uploads past their time: rows and files removed. */
  expire(now = new Date()): number {
    const cutoff = new Date(now.getTime() - UPLOAD_TTL_MS).toISOString();
    const old = this.db.prepare('SELECT id FROM uploads WHERE created_at < ?').all(cutoff) as Array<{ id: string }>;
    for (const { id } of old) this.forget(id);
    return old.length;
  }

  /** The upload, only for the device that started it and only while it has not expired. */
  get(device: DeviceRow, id: string, now = new Date()): UploadRow {
    const row = /^[A-Za-z0-9_-]{22,64}$/.test(id) ? (this.db.prepare(`SELECT ${COLUMNS} FROM uploads WHERE id = ?`).get(id) as UploadRow | undefined) : undefined;
    if (!row || row.deviceId !== device.id) throw new Problem(404, 'upload.unknown');
    if (Date.parse(row.createdAt) + UPLOAD_TTL_MS < now.getTime()) {
      this.forget(id);
      throw new Problem(404, 'upload.unknown', 'expired');
    }
    return row;
  }

  /** 200 with the receipt when this very JWE, signed by this device, is already stored; otherwise the upload (new or found again). */
  start(device: DeviceRow, body: unknown, now = new Date()): { stored: { dossierId: string; digest: string; receivedAt: string } } | { upload: { uploadId: string; offset: number } } {
    const parsed = startSchema.safeParse(body);
    if (!parsed.success) throw new Problem(400, 'request.invalid', 'dossierId, size, digest');
    const { dossierId, size, digest } = parsed.data;
    const stored = packetRow(this.db, dossierId);
    // Only to its signer: another device's upload is judged at completion as its PUT would be (relaying, revocation).
    if (stored && stored.signer === device.id && sha(stored.jwe) === digest) return { stored: { dossierId, digest: stored.digest, receivedAt: stored.receivedAt } };
    this.expire(now);
    const same = this.db.prepare('SELECT 1 FROM uploads WHERE device_id = ? AND dossier_id = ? AND digest = ?').get(device.id, dossierId, digest);
    const open = (this.db.prepare('SELECT count(*) AS n FROM uploads WHERE device_id = ?').get(device.id) as { n: number }).n;
    if (!same && open >= MAX_OPEN_UPLOADS) throw new Problem(429, 'rate_limited', `at most ${MAX_OPEN_UPLOADS} uploads open at once`, 60);
    const id = randomBytes(18).toString('base64url');
    this.db.prepare('INSERT INTO uploads (id, device_id, dossier_id, size, digest, offset, created_at) VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING').run(id, device.id, dossierId, size, digest, now.toISOString());
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM uploads WHERE device_id = ? AND dossier_id = ? AND digest = ?`).get(device.id, dossierId, digest) as UploadRow;
    if (row.size !== size) throw new Problem(409, 'upload.offset_mismatch', 'this upload was started with another size');
    return { upload: { uploadId: row.id, offset: row.offset } };
  }

  append(device: DeviceRow, id: string, offset: number, bytes: Buffer): number {
    const row = this.get(device, id);
    if (offset !== row.offset) throw Object.assign(new Problem(409, 'upload.offset_mismatch', `the upstream holds ${row.offset} bytes`), { offset: row.offset });
    if (offset + bytes.length > row.size) throw new Problem(413, 'packet.too_large', 'past the announced size');
    // Bytes past the recorded offset (a crash between fsync and the update) are cut off first.
    const fd = openSync(this.file(id), 'a', 0o600);
    try {
      truncateSync(this.file(id), row.offset);
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.db.prepare('UPDATE uploads SET offset = ? WHERE id = ? AND offset = ?').run(row.offset + bytes.length, id, row.offset);
    return row.offset + bytes.length;
  }

  /** The whole JWE of a complete upload whose bytes match its digest. */
  complete(device: DeviceRow, id: string): { dossierId: string; jwe: string } {
    const row = this.get(device, id);
    if (row.offset !== row.size) throw Object.assign(new Problem(409, 'upload.offset_mismatch', `${row.offset} of ${row.size} bytes held`), { offset: row.offset });
    const bytes = readFileSync(this.file(id)).subarray(0, row.size);
    if (sha(bytes) !== row.digest) {
      // Useless as it stands (completing it again gives the same bytes): the kiosk starts afresh.
      this.forget(id);
      throw new Problem(400, 'packet.digest_mismatch', 'the uploaded bytes are not the announced digest');
    }
    return { dossierId: row.dossierId, jwe: bytes.toString('latin1') };
  }

  /** Open uploads made `ms` older, as if that time had passed (tests of expiry). Returns how many. */
  age(ms: number): number {
    const open = this.db.prepare('SELECT id, created_at AS createdAt FROM uploads').all() as Array<{ id: string; createdAt: string }>;
    for (const u of open) this.db.prepare('UPDATE uploads SET created_at = ? WHERE id = ?').run(new Date(Date.parse(u.createdAt) - ms).toISOString(), u.id);
    return open.length;
  }

  /** After the packet is stored (or refused for good): the pieces go. */
  forget(id: string): void {
    this.db.prepare('DELETE FROM uploads WHERE id = ?').run(id);
    rmSync(this.file(id), { force: true });
  }
}
