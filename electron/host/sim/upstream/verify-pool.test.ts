import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestPki } from '../test-pki/pki';
import { buildPacket } from '../../sync/packet/build';
import { chipFilesOf, sampleInput, testKeys } from '../../sync/packet/test-packets';
import { openUpstreamDb } from './db';
import { VerifyPool } from './verify-pool';

const dir = mkdtempSync(join(tmpdir(), 'upstream-verify-'));
const db = openUpstreamDb(dir);
const pki = createTestPki();
const pools: VerifyPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  db.close();
});

describe('verification threads', () => {
  it('verify as the event loop does, in parallel; a revocation committed since applies to the next packet; a chip file altered is reported, not thrown', async () => {
    const t = await testKeys('KIOSK-VERIFYTHREAD01');
    db.prepare('INSERT INTO devices (id, station, app_version, signing_jwk, cert_sha256, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      t.keys.deviceId, 'test', '0', JSON.stringify({ ...t.signing.publicJwk, kid: t.keys.deviceId }), 'x', new Date().toISOString(),
    );
    const options = { dataDir: dir, db, decryptionJwk: t.encryption.privateJwk, trustDers: [pki.csca.der] };
    const threads = new VerifyPool({ ...options, threads: 2 });
    const inline = new VerifyPool({ ...options, threads: 0 });
    pools.push(threads, inline);
    const chip = chipFilesOf(pki);
    const ids = ['HS-ABCDEFGH23', 'HS-ABCDEFGH24', 'HS-ABCDEFGH25'];
    const packets = await Promise.all(ids.map((id) => buildPacket(sampleInput(id, chip), t.keys)));
    const now = new Date();
    const verified = await Promise.all(packets.map((p) => threads.verify(p.jwe, now)));
    expect(verified.map((v) => [v.manifest.dossierId, v.digest, v.signer, v.chip])).toEqual(packets.map((p, i) => [ids[i], p.digest, t.keys.deviceId, { finding: 'trusted' }]));
    const one = await inline.verify(packets[0]!.jwe, now);
    expect({ ...one, dossierJson: Buffer.from(one.dossierJson) }).toEqual({ ...verified[0], dossierJson: Buffer.from(verified[0]!.dossierJson) });

    const altered = await buildPacket(sampleInput('HS-ABCDEFGH26', { ...chip, dg1: new Uint8Array([...chip.dg1!.slice(0, -1), 0]) }), t.keys);
    expect((await threads.verify(altered.jwe, now)).chip).toMatchObject({ refused: { code: 'packet.chip_unverified' } });

    db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(now.toISOString(), t.keys.deviceId);
    await expect(threads.verify(packets[1]!.jwe, now)).rejects.toMatchObject({ code: 'device.revoked', status: 403 });
    await expect(threads.verify('a.b.c.d.e', now)).rejects.toMatchObject({ code: 'packet.decrypt_failed' });
  });

  it('a thread that never finishes loading is ended after the load timeout; start() returns and packets are verified on the event loop', async () => {
    const t = await testKeys('KIOSK-VERIFYSTUCK01');
    db.prepare('INSERT INTO devices (id, station, app_version, signing_jwk, cert_sha256, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      t.keys.deviceId, 'test', '0', JSON.stringify({ ...t.signing.publicJwk, kid: t.keys.deviceId }), 'x', new Date().toISOString(),
    );
    const pool = new VerifyPool({ dataDir: dir, db, decryptionJwk: t.encryption.privateJwk, trustDers: [pki.csca.der], threads: 1, loadTimeoutMs: 300, module: '../../sync/packet/test-stuck-load-thread' });
    pools.push(pool);
    await pool.start();
    const packet = await buildPacket(sampleInput('HS-ABCDEFGH27', chipFilesOf(pki)), t.keys);
    const v = await pool.verify(packet.jwe, new Date());
    expect([v.manifest.dossierId, v.digest, v.chip]).toEqual(['HS-ABCDEFGH27', packet.digest, { finding: 'trusted' }]);
  });
});

