import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { generateSigningKey } from '../../sync/packet/keys';
import { chipFilesOf, sampleInput } from '../../sync/packet/test-packets';
import { createTestPki } from '../test-pki/pki';
import { loadOrCreatePki, issueClientCertificate } from './pki';
import { startUpstream, type Upstream } from './server';
import { call, enrolKiosk, makeCsr, putPacket, upstreamFixture, type TestKiosk } from './test-client';

const { trust, chipFiles, dataDir } = upstreamFixture('upstream-');
let up: Upstream;
let kiosk: TestKiosk;

const packetFor = (k: TestKiosk, id = newDossierId(), over: Partial<ReturnType<typeof sampleInput>> = {}) => buildPacket({ ...sampleInput(id, chipFiles), ...over }, k.keys);
const put = (k: TestKiosk, id: string, jwe: string) => putPacket(up.url, k.tls, id, jwe);
const feed = (k: TestKiosk, since = '0') => call(up.url, k.tls, 'GET', `/v1/status?since=${since}`);

beforeAll(async () => {
  up = await startUpstream({ dataDir, trust });
  kiosk = await enrolKiosk(up.enrolmentUrl, up.caPem, up.control.issueToken());
});
afterAll(() => up?.stop());

describe('reference upstream', () => {
  it('enrols a kiosk once per token: a device id, its client certificate, the CA and the encryption key', async () => {
    expect(kiosk.deviceId).toMatch(/^KIOSK-[A-Z0-9]{12}$/);
    expect(kiosk.keys.upstreamKey).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ECDH-ES+A256KW' });
    expect(kiosk.keys.upstreamKey.d).toBeUndefined();
    const token = up.control.issueToken();
    await enrolKiosk(up.enrolmentUrl, up.caPem, token);
    await expect(enrolKiosk(up.enrolmentUrl, up.caPem, token)).rejects.toThrow('409 enrolment.token_used');
    await expect(enrolKiosk(up.enrolmentUrl, up.caPem, 'x'.repeat(32))).rejects.toThrow('401 enrolment.token_invalid');
  });

  it('a real packet: 201; the same dossier rebuilt (new JWE, same digest): 200; another packet under the same id: 409', async () => {
    const id = newDossierId();
    const first = await packetFor(kiosk, id);
    const a = await put(kiosk, id, first.jwe);
    expect([a.status, a.json.digest, a.json.dossierId]).toEqual([201, first.digest, id]);
    const again = await packetFor(kiosk, id);
    expect(again.jwe).not.toBe(first.jwe);
    const b = await put(kiosk, id, again.jwe);
    expect([b.status, b.json.receivedAt]).toEqual([200, a.json.receivedAt]);
    const other = await packetFor(kiosk, id, { approvedAt: '2026-11-30T02:00:00.000Z' });
    expect(await put(kiosk, id, other.jwe)).toMatchObject({ status: 409, json: { code: 'packet.conflict' } });
    expect(up.control.packet(id)?.digest).toBe(first.digest);
    // A packet PUT under another dossier's id.
    expect((await put(kiosk, newDossierId(), first.jwe)).json.code).toBe('packet.manifest_mismatch');
  });

  it('refuses a bad signature, a changed body (Content-Digest) and a tampered chip file inside a correctly signed packet', async () => {
    const intruder = await generateSigningKey();
    const id = newDossierId();
    const forged = await buildPacket(sampleInput(id, chipFiles), { ...kiosk.keys, signingKey: intruder.privateJwk });
    expect(await put(kiosk, id, forged.jwe)).toMatchObject({ status: 422, json: { code: 'packet.signature_invalid' } });
    const good = await packetFor(kiosk, id);
    expect(await putPacket(up.url, kiosk.tls, id, good.jwe, 'sha-256=:' + 'A'.repeat(43) + '=:')).toMatchObject({ status: 400, json: { code: 'packet.digest_mismatch' } });
    const dg13 = new Uint8Array(chipFiles.dg13!);
    dg13[dg13.length - 3]! ^= 0x01;
    const tampered = await packetFor(kiosk, id, { chipFiles: { ...chipFiles, dg13 } });
    expect(await put(kiosk, id, tampered.jwe)).toMatchObject({ status: 422, json: { code: 'packet.chip_unverified', detail: 'DG13 does not match the SOD' } });
    expect(up.control.packet(id)).toBeUndefined();
  });

  it('a client without a certificate is refused at TLS; a certificate of this CA for a device never enrolled is device.unknown', async () => {
    await expect(call(up.url, { ca: up.caPem }, 'GET', '/v1/status?since=0')).rejects.toThrow();
    const { csrPem, keyPem } = await makeCsr();
    const stray = await issueClientCertificate(await loadOrCreatePki(dataDir), csrPem, 'KIOSK-NEVERENROLLED');
    expect(await call(up.url, { ca: up.caPem, cert: stray.pem, key: keyPem }, 'GET', '/v1/status?since=0')).toMatchObject({ status: 403, json: { code: 'device.unknown' } });
  });

  it('a revoked device is refused, and so is a packet it signed that another kiosk relays', async () => {
    const victim = await enrolKiosk(up.enrolmentUrl, up.caPem, up.control.issueToken());
    const relay = await enrolKiosk(up.enrolmentUrl, up.caPem, up.control.issueToken());
    const id = newDossierId();
    const p = await packetFor(victim, id);
    expect(up.control.revoke(victim.deviceId)).toBe(true);
    expect(await put(victim, id, p.jwe)).toMatchObject({ status: 403, json: { code: 'device.revoked' } });
    expect(await put(relay, id, p.jwe)).toMatchObject({ status: 403, json: { code: 'device.revoked' } });
  });

  it('an exported packet relayed by another enrolled kiosk is stored once and reported to its signer; refused when relaying is off', async () => {
    const relay = await enrolKiosk(up.enrolmentUrl, up.caPem, up.control.issueToken());
    const id = newDossierId();
    const p = await packetFor(kiosk, id);
    up.control.relay(false);
    expect(await put(relay, id, p.jwe)).toMatchObject({ status: 403, json: { code: 'packet.wrong_device' } });
    up.control.relay(true);
    expect((await put(relay, id, p.jwe)).status).toBe(201);
    expect((await put(kiosk, id, p.jwe)).status).toBe(200);
    expect((await call(up.url, kiosk.tls, 'GET', `/v1/packets/${id}`)).json).toMatchObject({ dossierId: id, status: 'accepted' });
  });

  it('the status feed: received, then the decision with its reason, after a cursor, only to the kiosk it concerns', async () => {
    const start = String((await feed(kiosk)).json.cursor);
    up.control.mode('hold');
    const [held, mismatch] = [newDossierId(), newDossierId()];
    up.control.reject(mismatch, 'data_mismatch', 'khác CSDL quốc gia về dân cư');
    await put(kiosk, held, (await packetFor(kiosk, held)).jwe);
    await put(kiosk, mismatch, (await packetFor(kiosk, mismatch)).jwe);
    expect(up.control.reject(held, 'portrait_quality')).toBe(true);
    up.control.mode('accept');
    const page = await feed(kiosk, start);
    expect((page.json.changes as Array<Record<string, unknown>>).map((c) => [c.dossierId, c.status, (c.reason as { code?: string } | undefined)?.code])).toEqual([
      [held, 'received', undefined],
      [mismatch, 'received', undefined],
      [mismatch, 'rejected', 'data_mismatch'],
      [held, 'rejected', 'portrait_quality'],
    ]);
    expect(page.json.more).toBe(false);
    expect((await feed(kiosk, String(page.json.cursor))).json).toMatchObject({ changes: [], cursor: page.json.cursor, more: false });
    const stranger = await enrolKiosk(up.enrolmentUrl, up.caPem, up.control.issueToken());
    expect((await feed(stranger)).json.changes).toEqual([]);
    expect((await call(up.url, stranger.tls, 'GET', `/v1/packets/${held}`)).status).toBe(404);
    expect((await call(up.url, kiosk.tls, 'GET', '/v1/status?since=abc')).json.code).toBe('request.invalid');
  });

  it('a chip whose document signer does not chain to a trusted CSCA: stored, then rejected as chip_verification', async () => {
    const id = newDossierId();
    const a = await put(kiosk, id, (await buildPacket(sampleInput(id, chipFilesOf(createTestPki())), kiosk.keys)).jwe);
    expect(a.status).toBe(201);
    expect((await call(up.url, kiosk.tls, 'GET', `/v1/packets/${id}`)).json).toMatchObject({ status: 'rejected', reason: { code: 'chip_verification' } });
  });
});
