/**
 * Offline export and import against the reference upstream: packets exported at a kiosk with no
 * network are uploaded by another enrolled kiosk, stored once; the exporting kiosk's own later
 * upload is "the same packet" (200). A changed file is refused before anything is sent.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Upstream } from '../sim/upstream/server';
import { verifyAudit } from '../store/audit';
import type { OpenStore } from '../store/store';
import { loadIdentity } from './identity';
import { exportPackets, ImportError, importPackets } from './offline';
import type { SyncService } from './service';
import { approvedDossiers, dossierState, syncStore } from './test-fixture';
import { ChangeWaits, enrolledService, heldUpstream } from './test-service';
import { UpstreamClient } from './upstream-client';

let a: OpenStore;
let b: OpenStore;
let up: Upstream;
const services: SyncService[] = [];
let waits: ChangeWaits;

async function enrolled(s: OpenStore, paused: boolean): Promise<SyncService> {
  const svc = await enrolledService(s.db, up, { tuning: { backoff: { baseMs: 5, capMs: 40 }, idleMs: 200 }, onChange: waits.notify, paused });
  services.push(svc);
  return svc;
}

beforeEach(async () => {
  [a, b, up] = await Promise.all([syncStore('kiosk-offline-a-'), syncStore('kiosk-offline-b-'), heldUpstream('kiosk-offline-upstream-')]);
  waits = new ChangeWaits();
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.detach()));
  await up.stop();
  a.close();
  b.close();
});

describe('offline export and import', () => {
  it('exported packets are stored once through another kiosk; the exporter\'s own upload later is a repeat', async () => {
    const ids = approvedDossiers(a.db, 3, 20_000);
    const svcA = await enrolled(a, true);
    await enrolled(b, true);
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-export-'));
    const m = await exportPackets(a.db, loadIdentity(a.db)!, dir, 'admin');
    expect(m.packets.map((p) => p.dossierId)).toEqual(ids);
    // Nothing readable in the exported files.
    for (const p of m.packets) expect(readFileSync(join(dir, p.file), 'utf8')).not.toContain('Nguyễn');
    const idB = loadIdentity(b.db)!;
    const client = new UpstreamClient({ baseUrl: idB.upstreamUrl, caPem: idB.upstreamCaPem, clientCertPem: idB.clientCertPem, clientKeyPem: idB.tlsKeyPem });
    const first = await importPackets(b.db, client, dir, 'admin-b');
    expect(first.map((r) => r.outcome)).toEqual(['stored', 'stored', 'stored']);
    expect((await importPackets(b.db, client, dir, 'admin-b')).map((r) => r.outcome)).toEqual(['already_stored', 'already_stored', 'already_stored']);
    client.close();
    expect(up.control.packet(ids[0]!)).toMatchObject({ signer: loadIdentity(a.db)!.deviceId, uploader: idB.deviceId });
    svcA.setPaused(false, 'test');
    await waits.until(() => ids.every((id) => dossierState(a.db, id) === 'sent'));
    expect(up.control.packetCount()).toBe(3);
    expect(verifyAudit(a.db).ok && verifyAudit(b.db).ok).toBe(true);
  });

  it('a changed or damaged file is refused before anything is sent', async () => {
    approvedDossiers(a.db, 1, 5_000);
    await enrolled(a, true);
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-export-'));
    const m = await exportPackets(a.db, loadIdentity(a.db)!, dir, 'admin');
    const f = join(dir, m.packets[0]!.file);
    writeFileSync(f, readFileSync(f, 'utf8').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))); // never the same character
    const sink = { putPacket: () => Promise.reject(new Error('must not be called')) };
    await expect(importPackets(b.db, sink, dir, 'admin-b')).rejects.toBeInstanceOf(ImportError);
  });
});
