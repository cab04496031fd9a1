/**
 * The reference upstream's own SQLite (plain: it holds the packets still encrypted as received,
 * manifests and hashes, never a citizen's data in clear). Enrolment tokens (hashed), devices,
 * packets by dossier id, and the status changes the feed serves by sequence number.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

export type UpstreamDb = Database.Database;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY, created_at TEXT NOT NULL, used_at TEXT, device_id TEXT
  ) STRICT;
  CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY, station TEXT NOT NULL, station_code TEXT, app_version TEXT NOT NULL,
    signing_jwk TEXT NOT NULL, cert_sha256 TEXT NOT NULL, enrolled_at TEXT NOT NULL, revoked_at TEXT,
    predecessor TEXT
  ) STRICT;
  CREATE TABLE IF NOT EXISTS packets (
    dossier_id TEXT PRIMARY KEY, digest TEXT NOT NULL, signer TEXT NOT NULL, uploader TEXT NOT NULL,
    manifest TEXT NOT NULL, jwe TEXT NOT NULL, chip_chain TEXT NOT NULL, received_at TEXT NOT NULL,
    submission INTEGER NOT NULL DEFAULT 1
  ) STRICT;
  CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY, device_id TEXT NOT NULL, dossier_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'accepted', 'rejected')), reason_code TEXT, message TEXT, at TEXT NOT NULL,
    digest TEXT
  ) STRICT;
  CREATE INDEX IF NOT EXISTS changes_by_device ON changes(device_id, seq);
  CREATE INDEX IF NOT EXISTS changes_by_dossier ON changes(dossier_id, seq);
`;

export function openUpstreamDb(dir: string): UpstreamDb {
  const db = new Database(join(dir, 'upstream.db'));
  db.pragma('journal_mode = WAL');
  // A 201 is an acknowledgement: the packet must survive a power cut once it is given.
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  // A data directory from before re-submissions and digests in the feed gets the columns added.
  const has = (table: string, column: string) => (db.pragma(`table_info(${table})`) as Array<{ name: string }>).some((c) => c.name === column);
  if (!has('packets', 'submission')) db.exec('ALTER TABLE packets ADD COLUMN submission INTEGER NOT NULL DEFAULT 1');
  if (!has('changes', 'digest')) db.exec('ALTER TABLE changes ADD COLUMN digest TEXT');
  if (!has('devices', 'predecessor')) db.exec('ALTER TABLE devices ADD COLUMN predecessor TEXT');
  return db;
}

/** Statements prepared once per connection (preparing one costs more than running it, on every packet). */
const prepared = new WeakMap<UpstreamDb, Map<string, Database.Statement>>();

function stmt(db: UpstreamDb, sql: string): Database.Statement {
  let m = prepared.get(db);
  if (!m) prepared.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface DeviceRow {
  id: string;
  station: string;
  signingJwk: string;
  certSha256: string;
  revokedAt: string | null;
}

export function deviceRow(db: UpstreamDb, id: string): DeviceRow | undefined {
  return stmt(db, 'SELECT id, station, signing_jwk AS signingJwk, cert_sha256 AS certSha256, revoked_at AS revokedAt FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
}

export interface PacketRow {
  dossierId: string;
  digest: string;
  signer: string;
  uploader: string;
  manifest: string;
  jwe: string;
  chipChain: string;
  receivedAt: string;
  /** 1 for a first packet; higher for a re-submission after a rejection that asked for one. */
  submission: number;
}

export function packetRow(db: UpstreamDb, dossierId: string): PacketRow | undefined {
  return stmt(db, 'SELECT dossier_id AS dossierId, digest, signer, uploader, manifest, jwe, chip_chain AS chipChain, received_at AS receivedAt, submission FROM packets WHERE dossier_id = ?')
    .get(dossierId) as PacketRow | undefined;
}

export type ReasonCode = 'data_mismatch' | 'portrait_quality' | 'chip_verification' | 'duplicate_person' | 'other';

export interface StatusChange {
  seq: number;
  dossierId: string;
  status: 'received' | 'accepted' | 'rejected';
  reason?: { code: ReasonCode; message?: string };
  at: string;
  /** The SHA-256 of the packet (its JWS) the change is about: the kiosk's evidence it is its own delivery. */
  digest?: string;
}

interface ChangeRow {
  seq: number;
  dossierId: string;
  status: StatusChange['status'];
  reasonCode: ReasonCode | null;
  message: string | null;
  at: string;
  digest: string | null;
}

const CHANGE_COLUMNS = 'seq, dossier_id AS dossierId, status, reason_code AS reasonCode, message, at, digest';

function asChange(r: ChangeRow): StatusChange {
  return {
    seq: r.seq,
    dossierId: r.dossierId,
    status: r.status,
    ...(r.reasonCode ? { reason: { code: r.reasonCode, ...(r.message ? { message: r.message } : {}) } } : {}),
    at: r.at,
    ...(r.digest ? { digest: r.digest } : {}),
  };
}

export function addChange(db: UpstreamDb, deviceId: string, dossierId: string, digest: string, status: StatusChange['status'], reason?: StatusChange['reason'], at = new Date()): void {
  stmt(db, 'INSERT INTO changes (device_id, dossier_id, status, reason_code, message, at, digest) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    deviceId, dossierId, status, reason?.code ?? null, reason?.message ?? null, at.toISOString(), digest,
  );
}

/**
 * A device and the devices it re-enrolled from (a re-enrolment proven with the old signing key
 * links them, service.ts): its feed and packet look-ups cover them all, so decisions on dossiers
 * delivered before a re-enrolment still reach the kiosk.
 */
export function lineage(db: UpstreamDb, deviceId: string): string[] {
  const rows = db
    .prepare('WITH RECURSIVE l(id, n) AS (SELECT ?, 0 UNION SELECT d.predecessor, l.n + 1 FROM devices d JOIN l ON d.id = l.id WHERE d.predecessor IS NOT NULL AND l.n < 50) SELECT id FROM l')
    .all(deviceId) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

export function changesSince(db: UpstreamDb, deviceId: string, since: number, limit: number): { changes: StatusChange[]; cursor: string; more: boolean } {
  const ids = lineage(db, deviceId);
  const rows = db
    .prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE device_id IN (${ids.map(() => '?').join(', ')}) AND seq > ? ORDER BY seq LIMIT ?`)
    .all(...ids, since, limit + 1) as ChangeRow[];
  const page = rows.slice(0, limit);
  return { changes: page.map(asChange), cursor: String(page.at(-1)?.seq ?? since), more: rows.length > limit };
}

export function latestChange(db: UpstreamDb, dossierId: string): (StatusChange & { deviceId: string }) | undefined {
  const r = stmt(db, `SELECT ${CHANGE_COLUMNS}, device_id AS deviceId FROM changes WHERE dossier_id = ? ORDER BY seq DESC LIMIT 1`).get(dossierId) as (ChangeRow & { deviceId: string }) | undefined;
  return r ? { ...asChange(r), deviceId: r.deviceId } : undefined;
}
