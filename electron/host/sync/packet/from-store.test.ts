import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAssets, seedOne } from '../../../cli/store/seed-dossiers';
import type { Officer } from '../../auth/accounts';
import * as D from '../../store/dossiers';
import { createStore, type OpenStore } from '../../store/store';
import { sampleDossier } from '../../store/test-dossier';
import { openPacket } from './open';
import { buildPacketFromStore, packetInputFromStore } from './from-store';
import { testKeys } from './test-packets';

const officer: Officer = { id: 'o-1', username: 'cb01', displayName: 'Cán bộ Một', role: 'officer', active: true };
const supervisor: Officer = { id: 's-1', username: 'ld01', displayName: 'Lãnh đạo', role: 'supervisor', active: true };
let s: OpenStore;
const t = await testKeys();

beforeAll(async () => {
  s = await createStore(mkdtempSync(join(tmpdir(), 'kiosk-packet-')), { passphrase: 'trạm công an phường 7' }, { N: 2 ** 14, r: 8, p: 1 });
  const add = s.db.prepare(`INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 'now')`);
  for (const o of [officer, supervisor]) add.run(o.id, o.username, o.displayName, o.role);
});
afterAll(() => s?.close());

describe('packets from the store', () => {
  it('a seeded approved dossier: its row, body, portraits and every raw chip file travel, and come back whole', async () => {
    const assets = seedAssets();
    const id = seedOne(s.db, 7, officer, supervisor, assets);
    const built = await buildPacketFromStore(s.db, id, t.keys);
    expect(built.size).toBeGreaterThan(100_000);
    // Three base64 layers (parts, JWS payload, JWE ciphertext): about 2.4 times the raw bytes.
    expect(built.size).toBeLessThan(600_000);
    const { packet, digest } = await openPacket(built.jwe, { decryptionKey: t.encryption.privateJwk, deviceKey: () => t.signing.publicJwk });
    expect(digest).toBe(built.digest);
    const row = D.get(s.db, id);
    expect(packet.manifest).toMatchObject({ dossierId: id, officerId: 'o-1', supervisorId: 's-1', approvedAt: row.decidedAt, createdAt: row.createdAt, submittedAt: row.submittedAt, station: 'Công an phường Hoàn Kiếm' });
    for (const kind of ['ef_com', 'ef_sod', 'dg1', 'dg2', 'dg13', 'dg14', 'dg15', 'chip_portrait'] as const) {
      expect(Buffer.from(packet.parts.get(kind)!)).toEqual(Buffer.from(assets.images[kind]!));
    }
    expect(Buffer.from(packet.parts.get('live_portrait.jpg')!)).toEqual(D.image(s.db, id, 'live_portrait'));
    const dossier = JSON.parse(Buffer.from(packet.parts.get('dossier.json')!).toString());
    expect(dossier.identity.identity.idNumber).toBe(row.idNumber);
    expect(dossier.portrait.evidence).toBeUndefined();
    expect(JSON.parse(Buffer.from(packet.parts.get('liveness.json')!).toString())).toMatchObject({ liveness: 'passed', qualityPassed: 9, qualityTotal: 9, evidence: [] });
    // Nothing of this citizen readable in the packet.
    for (const s of [row.fullName!, row.idNumber!]) expect(Buffer.from(built.jwe).includes(Buffer.from(s))).toBe(false);
    // Built again (a restart, an export): the same digest.
    expect((await buildPacketFromStore(s.db, id, t.keys)).digest).toBe(built.digest);
  });

  it('a dossier not yet approved has no packet', () => {
    const d = D.createDraft(s.db, officer, sampleDossier({ idNumber: '001190099999' }), { live_portrait: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) });
    expect(() => packetInputFromStore(s.db, d.id)).toThrow(expect.objectContaining({ code: 'wrong_state' }));
    D.submit(s.db, officer, d.id);
    expect(() => packetInputFromStore(s.db, d.id)).toThrow(expect.objectContaining({ code: 'wrong_state' }));
    D.approve(s.db, supervisor, d.id);
    const input = packetInputFromStore(s.db, d.id);
    expect(input.chipFiles).toEqual({});
    expect(input.chipPortrait).toBeUndefined();
  });
});
