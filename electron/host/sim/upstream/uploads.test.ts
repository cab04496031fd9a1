import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { sampleInput } from '../../sync/packet/test-packets';
import { call, enrolKiosk } from './test-client';
import { useUpstream } from './test-upstream';

const env = useUpstream('upstream-uploads-');
const { chipFiles } = env;
const json = { 'content-type': 'application/json' };
const bytes = { 'content-type': 'application/offset+octet-stream' };

describe('resumable uploads', () => {
  it('a packet in two pieces across an upstream restart: same upload found again, wrong offsets refused, stored once on completion', async () => {
    const id = newDossierId();
    const { jwe, digest } = await buildPacket(sampleInput(id, chipFiles), env.kiosk.keys);
    const start = JSON.stringify({ dossierId: id, size: jwe.length, digest: `sha-256=:${createHash('sha256').update(jwe).digest('base64')}:` });
    const a = await call(env.up.url, env.kiosk.tls, 'POST', '/v1/uploads', start, json);
    expect(a).toMatchObject({ status: 201, json: { offset: 0 } });
    const uploadId = String(a.json.uploadId);
    expect((await call(env.up.url, env.kiosk.tls, 'POST', '/v1/uploads', start, json)).json).toEqual({ uploadId, offset: 0 });
    const half = Math.floor(jwe.length / 2);
    const p1 = await call(env.up.url, env.kiosk.tls, 'PATCH', `/v1/uploads/${uploadId}`, jwe.slice(0, half), { ...bytes, 'upload-offset': '0' });
    expect([p1.status, p1.headers['upload-offset']]).toEqual([204, String(half)]);
    expect(await call(env.up.url, env.kiosk.tls, 'PATCH', `/v1/uploads/${uploadId}`, jwe.slice(0, half), { ...bytes, 'upload-offset': '0' })).toMatchObject({ status: 409, json: { code: 'upload.offset_mismatch', offset: half } });
    expect(await call(env.up.url, env.kiosk.tls, 'POST', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 409, json: { code: 'upload.offset_mismatch', offset: half } });

    await env.restart();
    expect((await call(env.up.url, env.kiosk.tls, 'HEAD', `/v1/uploads/${uploadId}`)).headers['upload-offset']).toBe(String(half));
    const stranger = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    expect((await call(env.up.url, stranger.tls, 'HEAD', `/v1/uploads/${uploadId}`)).status).toBe(404);

    const p2 = await call(env.up.url, env.kiosk.tls, 'PATCH', `/v1/uploads/${uploadId}`, jwe.slice(half), { ...bytes, 'upload-offset': String(half) });
    expect(p2.headers['upload-offset']).toBe(String(jwe.length));
    expect(await call(env.up.url, env.kiosk.tls, 'POST', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 201, json: { dossierId: id, digest } });
    expect(env.up.control.packet(id)?.digest).toBe(digest);
    // The same JWE announced again: nothing to send.
    expect(await call(env.up.url, env.kiosk.tls, 'POST', '/v1/uploads', start, json)).toMatchObject({ status: 200, json: { dossierId: id, digest } });
    expect((await call(env.up.url, env.kiosk.tls, 'HEAD', `/v1/uploads/${uploadId}`)).status).toBe(404);
  });

  it('an upload the kiosk no longer needs is cancelled: its bytes are gone at once; only its own device may cancel it', async () => {
    const id = newDossierId();
    const { jwe } = await buildPacket(sampleInput(id, chipFiles), env.kiosk.keys);
    const start = JSON.stringify({ dossierId: id, size: jwe.length, digest: `sha-256=:${createHash('sha256').update(jwe).digest('base64')}:` });
    const uploadId = String((await call(env.up.url, env.kiosk.tls, 'POST', '/v1/uploads', start, json)).json.uploadId);
    await call(env.up.url, env.kiosk.tls, 'PATCH', `/v1/uploads/${uploadId}`, jwe.slice(0, 1000), { ...bytes, 'upload-offset': '0' });
    const stranger = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    expect(await call(env.up.url, stranger.tls, 'DELETE', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 404, json: { code: 'upload.unknown' } });
    expect((await call(env.up.url, env.kiosk.tls, 'HEAD', `/v1/uploads/${uploadId}`)).headers['upload-offset']).toBe('1000');
    expect((await call(env.up.url, env.kiosk.tls, 'DELETE', `/v1/uploads/${uploadId}`)).status).toBe(204);
    expect((await call(env.up.url, env.kiosk.tls, 'HEAD', `/v1/uploads/${uploadId}`)).status).toBe(404);
    expect(await call(env.up.url, env.kiosk.tls, 'DELETE', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 404, json: { code: 'upload.unknown' } });
    expect(existsSync(join(env.dataDir, 'uploads', `${uploadId}.part`))).toBe(false);
    // Starting the same bytes again is a fresh upload from 0.
    expect((await call(env.up.url, env.kiosk.tls, 'POST', '/v1/uploads', start, json)).json).toMatchObject({ offset: 0 });
  });

  it('bytes that are not the announced digest are refused at completion', async () => {
    const id = newDossierId();
    const { jwe } = await buildPacket(sampleInput(id, chipFiles), env.kiosk.keys);
    const start = JSON.stringify({ dossierId: id, size: jwe.length, digest: `sha-256=:${createHash('sha256').update('other').digest('base64')}:` });
    const uploadId = String((await call(env.up.url, env.kiosk.tls, 'POST', '/v1/uploads', start, json)).json.uploadId);
    await call(env.up.url, env.kiosk.tls, 'PATCH', `/v1/uploads/${uploadId}`, jwe, { ...bytes, 'upload-offset': '0' });
    expect(await call(env.up.url, env.kiosk.tls, 'POST', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 400, json: { code: 'packet.digest_mismatch' } });
    expect(env.up.control.packet(id)).toBeUndefined();
  });
});
