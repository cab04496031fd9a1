/**
 * Offline export and import (issue 11): a kiosk with no network writes its queued dossiers'
 * packets to a folder (a USB drive), still signed and encrypted to the upstream's key, with a
 * manifest of their SHA-256 checksums; a connected kiosk uploads them (the upstream stores a packet
 * signed by another enrolled kiosk, still once). The exporting kiosk keeps its dossiers queued:
 * when it is online again its own upload of the same dossier is answered 200 ("the same packet",
 * the signature is deterministic), never stored twice.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import type { DeviceIdentity } from './identity';
import type { UploadOutcome } from './outcome';
import { buildPacketFromStore } from './packet/index';
import { receiptChecked } from './worker';

const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

export const exportManifestSchema = z.object({
  format: z.literal('eid-kiosk-packets'),
  version: z.literal(1),
  deviceId: z.string().max(40),
  createdAt: z.string().max(40),
  packets: z
    .array(
      z.object({
        dossierId: z.string().regex(/^HS-[2-9A-HJ-NP-Z]{10}$/),
        file: z.string().regex(/^packets\/HS-[2-9A-HJ-NP-Z]{10}\.jwe$/),
        size: z.number().int().min(1),
        /** SHA-256 of the file's bytes (the JWE), hex. */
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        /** The packet's digest (SHA-256 of the signed JWS), hex: what the upstream compares. */
        digest: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(100_000),
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;

/** Writes every queued dossier's packet (outbox pending or failed) into `dir`; audited per dossier. */
export async function exportPackets(db: Db, id: DeviceIdentity, dir: string, actor: string, now = new Date()): Promise<ExportManifest> {
  const ids = db.prepare(`SELECT dossier_id FROM outbox WHERE state IN ('pending', 'failed') ORDER BY id`).pluck().all() as string[];
  const keys = { deviceId: id.deviceId, signingKey: { ...id.signingJwk, kid: id.deviceId }, upstreamKey: id.upstreamEncJwk };
  mkdirSync(join(dir, 'packets'), { recursive: true, mode: 0o700 });
  const manifest: ExportManifest = { format: 'eid-kiosk-packets', version: 1, deviceId: id.deviceId, createdAt: now.toISOString(), packets: [] };
  for (const dossierId of ids) {
    const p = await buildPacketFromStore(db, dossierId, keys);
    const file = `packets/${dossierId}.jwe`;
    writeFileSync(join(dir, file), p.jwe, { mode: 0o600, flag: 'w' });
    manifest.packets.push({ dossierId, file, size: Buffer.byteLength(p.jwe), sha256: sha256(p.jwe), digest: p.digest });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  db.transaction(() => {
    for (const p of manifest.packets) appendAudit(db, { actor, action: 'sync.exported', dossierId: p.dossierId, at: now.toISOString(), detail: { digest: p.digest } });
  }).immediate();
  return manifest;
}

export class ImportError extends Error {}

/** Reads and checks an exported folder: the manifest, and every file against its size and checksum. */
export function readExport(dir: string): { manifest: ExportManifest; jwe: Map<string, string> } {
  let manifest: ExportManifest;
  try {
    manifest = exportManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  } catch (e) {
    throw new ImportError(`manifest.json is missing or not an export: ${(e as Error).message.slice(0, 200)}`);
  }
  const jwe = new Map<string, string>();
  for (const p of manifest.packets) {
    const text = readFileSync(join(dir, p.file), 'utf8');
    if (Buffer.byteLength(text) !== p.size || sha256(text) !== p.sha256) throw new ImportError(`${p.file} does not match its checksum: the export is damaged or was changed`);
    jwe.set(p.dossierId, text);
  }
  return { manifest, jwe };
}

export interface ImportResult {
  dossierId: string;
  outcome: UploadOutcome['kind'];
  code: string | null;
}

/** Uploads every packet of a checked export through this kiosk's connection; audited here. */
export async function importPackets(db: Db, sink: { putPacket(id: string, jwe: string): Promise<UploadOutcome> }, dir: string, actor: string): Promise<ImportResult[]> {
  const { manifest, jwe } = readExport(dir);
  const out: ImportResult[] = [];
  for (const p of manifest.packets) {
    const o = receiptChecked(await sink.putPacket(p.dossierId, jwe.get(p.dossierId)!), p.dossierId, p.digest);
    out.push({ dossierId: p.dossierId, outcome: o.kind, code: 'code' in o ? o.code : null });
  }
  db.transaction(() => {
    for (const r of out) appendAudit(db, { actor, action: 'sync.imported', dossierId: r.dossierId, detail: { from: manifest.deviceId, outcome: r.outcome, code: r.code } });
  }).immediate();
  return out;
}
