import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { generateSigningKey } from '../../sync/packet/keys';
import { chipFilesOf, sampleInput } from '../../sync/packet/test-packets';
import { createTestPki } from '../test-pki/pki';
import { loadOrCreatePki, issueClientCertificate } from './pki';
import { call, enrolKiosk, makeCsr, putPacket, type TestKiosk } from './test-client';
import { useUpstream } from './test-upstream';

const env = useUpstream('upstream-');
const { chipFiles } = env;

const packetFor = (k: TestKiosk, id = newDossierId(), over: Partial<ReturnType<typeof sampleInput>> = {}) => buildPacket({ ...sampleInput(id, chipFiles), ...over }, k.keys);
const put = (k: TestKiosk, id: string, jwe: string) => putPacket(env.up.url, k.tls, id, jwe);
const feed = (k: TestKiosk, since = '0') => call(env.up.url, k.tls, 'GET', `/v1/status?since=${since}`);

describe('reference upstream', () => {
  it('enrols a kiosk once per token: a device id, its client certificate, the CA and the encryption key', async () => {
    expect(env.kiosk.deviceId).toMatch(/^KIOSK-[A-Z0-9]{12}$/);
    expect(env.kiosk.keys.upstreamKey).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ECDH-ES+A256KW' });
    expect(env.kiosk.keys.upstreamKey.d).toBeUndefined();
    const token = env.up.control.issueToken();
    await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, token);
    await expect(enrolKiosk(env.up.enrolmentUrl, env.up.caPem, token)).rejects.toThrow('409 enrolment.token_used');
    await expect(enrolKiosk(env.up.enrolmentUrl, env.up.caPem, 'x'.repeat(32))).rejects.toThrow('401 enrolment.token_invalid');
    const { csrPem } = await makeCsr();
    const offCurve = JSON.stringify({ token: env.up.control.issueToken(), csrPem, signingKey: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }, station: { name: 'x' }, appVersion: '1' });
    expect((await call(env.up.enrolmentUrl, { ca: env.up.caPem }, 'POST', '/v1/devices/enrolment', offCurve, { 'content-type': 'application/json' })).json.code).toBe('enrolment.csr_invalid');
    const notCsr = JSON.stringify({ token: env.up.control.issueToken(), csrPem: 'not a CSR', signingKey: env.kiosk.signing.publicJwk, station: { name: 'x' }, appVersion: '1' });
    expect((await call(env.up.enrolmentUrl, { ca: env.up.caPem }, 'POST', '/v1/devices/enrolment', notCsr, { 'content-type': 'application/json' })).json.code).toBe('enrolment.csr_invalid');
  });

  it('a real packet: 201; the same dossier rebuilt (new JWE, same digest): 200; another packet under the same id: 409', async () => {
    const id = newDossierId();
    const first = await packetFor(env.kiosk, id);
    const a = await put(env.kiosk, id, first.jwe);
    expect([a.status, a.json.digest, a.json.dossierId]).toEqual([201, first.digest, id]);
    const again = await packetFor(env.kiosk, id);
    expect(again.jwe).not.toBe(first.jwe);
    const b = await put(env.kiosk, id, again.jwe);
    expect([b.status, b.json.receivedAt]).toEqual([200, a.json.receivedAt]);
    const other = await packetFor(env.kiosk, id, { approvedAt: '2026-11-30T02:00:00.000Z' });
    expect(await put(env.kiosk, id, other.jwe)).toMatchObject({ status: 409, json: { code: 'packet.conflict' } });
    expect(env.up.control.packet(id)?.digest).toBe(first.digest);
    // A packet PUT under another dossier's id.
    expect((await put(env.kiosk, newDossierId(), first.jwe)).json.code).toBe('packet.manifest_mismatch');
  });

  it('refuses a bad signature, a changed body (Content-Digest) and a tampered chip file inside a correctly signed packet', async () => {
    const intruder = await generateSigningKey();
    const id = newDossierId();
    const forged = await buildPacket(sampleInput(id, chipFiles), { ...env.kiosk.keys, signingKey: intruder.privateJwk });
    expect(await put(env.kiosk, id, forged.jwe)).toMatchObject({ status: 422, json: { code: 'packet.signature_invalid' } });
    const good = await packetFor(env.kiosk, id);
    expect(await putPacket(env.up.url, env.kiosk.tls, id, good.jwe, 'sha-256=:' + 'A'.repeat(43) + '=:')).toMatchObject({ status: 400, json: { code: 'packet.digest_mismatch' } });
    const dg13 = new Uint8Array(chipFiles.dg13!);
    dg13[dg13.length - 3]! ^= 0x01;
    const tampered = await packetFor(env.kiosk, id, { chipFiles: { ...chipFiles, dg13 } });
    expect(await put(env.kiosk, id, tampered.jwe)).toMatchObject({ status: 422, json: { code: 'packet.chip_unverified', detail: 'DG13 does not match the SOD' } });
    expect(env.up.control.packet(id)).toBeUndefined();
  });

  it('a client without a certificate is refused at TLS; a certificate of this CA for a device never enrolled is device.unknown', async () => {
    await expect(call(env.up.url, { ca: env.up.caPem }, 'GET', '/v1/status?since=0')).rejects.toThrow();
    const { csrPem, keyPem } = await makeCsr();
    const stray = await issueClientCertificate(await loadOrCreatePki(env.dataDir), csrPem, 'KIOSK-NEVERENROLLED');
    expect(await call(env.up.url, { ca: env.up.caPem, cert: stray.pem, key: keyPem }, 'GET', '/v1/status?since=0')).toMatchObject({ status: 403, json: { code: 'device.unknown' } });
  });

  it('a revoked device is refused, and so is a packet it signed that another kiosk relays', async () => {
    const victim = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    const relay = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    const id = newDossierId();
    const p = await packetFor(victim, id);
    expect(env.up.control.revoke(victim.deviceId)).toBe(true);
    expect(await put(victim, id, p.jwe)).toMatchObject({ status: 403, json: { code: 'device.revoked' } });
    expect(await put(relay, id, p.jwe)).toMatchObject({ status: 403, json: { code: 'device.revoked' } });
  });

  it('an exported packet relayed by another enrolled kiosk is stored once and reported to its signer; refused when relaying is off', async () => {
    const relay = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    const id = newDossierId();
    const p = await packetFor(env.kiosk, id);
    env.up.control.relay(false);
    expect(await put(relay, id, p.jwe)).toMatchObject({ status: 403, json: { code: 'packet.wrong_device' } });
    env.up.control.relay(true);
    expect((await put(relay, id, p.jwe)).status).toBe(201);
    expect((await put(env.kiosk, id, p.jwe)).status).toBe(200);
    expect((await call(env.up.url, env.kiosk.tls, 'GET', `/v1/packets/${id}`)).json).toMatchObject({ dossierId: id, status: 'accepted' });
  });

  it('an exported packet imported at the upstream directly is stored once: the kiosk\'s later upload is a 200; a changed one is refused', async () => {
    const id = newDossierId();
    const p = await packetFor(env.kiosk, id);
    expect(await env.up.control.importPacket(p.jwe)).toMatchObject({ status: 201, receipt: { dossierId: id, digest: p.digest } });
    expect((await put(env.kiosk, id, p.jwe)).status).toBe(200);
    expect(await env.up.control.importPacket(p.jwe)).toMatchObject({ status: 200 });
    const parts = p.jwe.split('.');
    parts[3] = parts[3]!.slice(0, 20) + (parts[3]![20] === 'A' ? 'B' : 'A') + parts[3]!.slice(21);
    await expect(env.up.control.importPacket(parts.join('.'))).rejects.toMatchObject({ code: 'packet.decrypt_failed' });
  });

  it('nothing of a citizen is readable in any file of its data folder (packets stay encrypted as received)', async () => {
    const id = newDossierId();
    expect((await put(env.kiosk, id, (await packetFor(env.kiosk, id)).jwe)).status).toBe(201);
    const input = sampleInput(id, chipFiles);
    const needles = ['Nguyễn Thị Nhung', 'Nguyễn Thị Nhung'.normalize('NFD'), 'NHUNG', '001190012345', '0912345678', 'Hàng Bạc'].map((t) => Buffer.from(t));
    needles.push(Buffer.from(input.livePortrait.subarray(1000, 1032)), Buffer.from(chipFiles.dg13!.subarray(10, 40)));
    for (const file of readdirSync(env.dataDir, { recursive: true, encoding: 'utf8' })) {
      const path = join(env.dataDir, file);
      if (!statSync(path).isFile()) continue;
      const bytes = readFileSync(path);
      for (const n of needles) expect(bytes.includes(n), `${file}`).toBe(false);
    }
  });

  it('the status feed: received, then the decision with its reason, after a cursor, only to the kiosk it concerns', async () => {
    const start = String((await feed(env.kiosk)).json.cursor);
    env.up.control.mode('hold');
    const [held, mismatch] = [newDossierId(), newDossierId()];
    env.up.control.reject(mismatch, 'data_mismatch', 'khác CSDL quốc gia về dân cư');
    await put(env.kiosk, held, (await packetFor(env.kiosk, held)).jwe);
    await put(env.kiosk, mismatch, (await packetFor(env.kiosk, mismatch)).jwe);
    expect(env.up.control.reject(held, 'portrait_quality')).toBe(true);
    env.up.control.mode('accept');
    const page = await feed(env.kiosk, start);
    expect((page.json.changes as Array<Record<string, unknown>>).map((c) => [c.dossierId, c.status, (c.reason as { code?: string } | undefined)?.code])).toEqual([
      [held, 'received', undefined],
      [mismatch, 'received', undefined],
      [mismatch, 'rejected', 'data_mismatch'],
      [held, 'rejected', 'portrait_quality'],
    ]);
    expect(page.json.more).toBe(false);
    expect((await feed(env.kiosk, String(page.json.cursor))).json).toMatchObject({ changes: [], cursor: page.json.cursor, more: false });
    const stranger = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    expect((await feed(stranger)).json.changes).toEqual([]);
    expect((await call(env.up.url, stranger.tls, 'GET', `/v1/packets/${held}`)).status).toBe(404);
    expect((await call(env.up.url, env.kiosk.tls, 'GET', '/v1/status?since=abc')).json.code).toBe('request.invalid');
    // A citizen the population database disagrees with: every dossier of theirs, whatever its id.
    env.up.control.rejectCitizen('001190012345', 'data_mismatch');
    const citizen = newDossierId();
    await put(env.kiosk, citizen, (await packetFor(env.kiosk, citizen)).jwe);
    env.up.control.rejectCitizen('001190012345', null);
    expect((await call(env.up.url, env.kiosk.tls, 'GET', `/v1/packets/${citizen}`)).json).toMatchObject({ status: 'rejected', reason: { code: 'data_mismatch' } });
  });

  it('a chip whose document signer does not chain to a trusted CSCA: stored, then rejected as chip_verification', async () => {
    const id = newDossierId();
    const a = await put(env.kiosk, id, (await buildPacket(sampleInput(id, chipFilesOf(createTestPki())), env.kiosk.keys)).jwe);
    expect(a.status).toBe(201);
    expect((await call(env.up.url, env.kiosk.tls, 'GET', `/v1/packets/${id}`)).json).toMatchObject({ status: 'rejected', reason: { code: 'chip_verification' } });
  });
});
