/**
 * Security review of the reference upstream's resumable uploads (issue 11): another enrolled
 * kiosk (device B) against device A's uploads and packets.
 *
 * - B cannot learn A's offset, append to A's upload or complete it: each is 404 upload.unknown,
 *   as for an id that does not exist; B announcing A's very bytes gets an upload of its own.
 * - Starting an upload of bytes already stored answered 200 with the receipt to any device,
 *   where the PUT of the same bytes from that device is refused (403 packet.wrong_device with
 *   relaying off, device.revoked for a revoked signer). Now only the signer gets the short answer;
 *   any other device uploads and its completion is judged as the PUT is.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { sampleInput } from '../../sync/packet/test-packets';
import { call, enrolKiosk, putPacket, type TestKiosk } from './test-client';
import { useUpstream } from './test-upstream';

const env = useUpstream('upstream-uploads-attack-');
const json = { 'content-type': 'application/json' };
const bytes = { 'content-type': 'application/offset+octet-stream' };
const sha = (s: string) => `sha-256=:${createHash('sha256').update(s).digest('base64')}:`;

async function packet() {
  const id = newDossierId();
  const { jwe, digest } = await buildPacket(sampleInput(id, env.chipFiles), env.kiosk.keys);
  return { id, jwe, digest, start: JSON.stringify({ dossierId: id, size: jwe.length, digest: sha(jwe) }) };
}

const as = (k: TestKiosk, method: string, path: string, body?: string, headers?: Record<string, string>) => call(env.up.url, k.tls, method, path, body, headers);

describe('resumable uploads against another kiosk', () => {
  it('device B can neither read, append to nor complete device A\'s upload; announcing the same bytes gives B an upload of its own', async () => {
    const b = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    const p = await packet();
    const uploadId = String((await as(env.kiosk, 'POST', '/v1/uploads', p.start, json)).json.uploadId);
    const half = Math.floor(p.jwe.length / 2);
    expect((await as(env.kiosk, 'PATCH', `/v1/uploads/${uploadId}`, p.jwe.slice(0, half), { ...bytes, 'upload-offset': '0' })).status).toBe(204);

    const head = await as(b, 'HEAD', `/v1/uploads/${uploadId}`);
    expect([head.status, head.headers['upload-offset']]).toEqual([404, undefined]);
    expect(await as(b, 'PATCH', `/v1/uploads/${uploadId}`, 'x'.repeat(100), { ...bytes, 'upload-offset': String(half) })).toMatchObject({ status: 404, json: { code: 'upload.unknown' } });
    expect(await as(b, 'POST', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 404, json: { code: 'upload.unknown' } });
    const own = await as(b, 'POST', '/v1/uploads', p.start, json);
    expect(own).toMatchObject({ status: 201, json: { offset: 0 } });
    expect(own.json.uploadId).not.toBe(uploadId);

    expect((await as(env.kiosk, 'HEAD', `/v1/uploads/${uploadId}`)).headers['upload-offset']).toBe(String(half));
    await as(env.kiosk, 'PATCH', `/v1/uploads/${uploadId}`, p.jwe.slice(half), { ...bytes, 'upload-offset': String(half) });
    expect(await as(env.kiosk, 'POST', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 201, json: { dossierId: p.id, digest: p.digest } });
    expect(env.up.control.packet(p.id)?.jwe).toBe(p.jwe);
  });

  it('bytes already stored: the short 200 only for their signer; another device is judged as its PUT would be (relaying off: 403 packet.wrong_device)', async () => {
    const b = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    const p = await packet();
    expect((await putPacket(env.up.url, env.kiosk.tls, p.id, p.jwe)).status).toBe(201);
    env.up.control.relay(false);
    try {
      expect(await putPacket(env.up.url, b.tls, p.id, p.jwe)).toMatchObject({ status: 403, json: { code: 'packet.wrong_device' } });
      const started = await as(b, 'POST', '/v1/uploads', p.start, json);
      expect(started).toMatchObject({ status: 201, json: { offset: 0 } });
      const uploadId = String(started.json.uploadId);
      await as(b, 'PATCH', `/v1/uploads/${uploadId}`, p.jwe, { ...bytes, 'upload-offset': '0' });
      expect(await as(b, 'POST', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 403, json: { code: 'packet.wrong_device' } });
      // The signer still gets the short answer.
      expect(await as(env.kiosk, 'POST', '/v1/uploads', p.start, json)).toMatchObject({ status: 200, json: { dossierId: p.id, digest: p.digest } });
    } finally {
      env.up.control.relay(true);
    }
  });
});
