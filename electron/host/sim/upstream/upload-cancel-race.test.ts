/**
 * Review (issue 11): DELETE /v1/uploads/{id} never touches a stored packet. A cancel racing the
 * completion of the same upload, or arriving after it, leaves the packet stored exactly once, and a
 * later PUT of the same bytes is "already stored", never a conflict or a second copy.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { sampleInput } from '../../sync/packet/test-packets';
import { call } from './test-client';
import { useUpstream } from './test-upstream';

const env = useUpstream('upstream-cancel-race-');
const json = { 'content-type': 'application/json' };
const bytes = { 'content-type': 'application/offset+octet-stream' };

async function fullUpload(id: string): Promise<{ jwe: string; digest: string; uploadId: string }> {
  const { jwe, digest } = await buildPacket(sampleInput(id, env.chipFiles), env.kiosk.keys);
  const start = JSON.stringify({ dossierId: id, size: jwe.length, digest: `sha-256=:${createHash('sha256').update(jwe).digest('base64')}:` });
  const uploadId = String((await call(env.up.url, env.kiosk.tls, 'POST', '/v1/uploads', start, json)).json.uploadId);
  expect((await call(env.up.url, env.kiosk.tls, 'PATCH', `/v1/uploads/${uploadId}`, jwe, { ...bytes, 'upload-offset': '0' })).status).toBe(204);
  return { jwe, digest, uploadId };
}

describe('cancelling an upload against its completion', () => {
  it('a cancel sent with the completion: the packet is stored once, whichever lands first; the same bytes again are already stored', async () => {
    const id = newDossierId();
    const { jwe, digest, uploadId } = await fullUpload(id);
    const [done, cancel] = await Promise.all([call(env.up.url, env.kiosk.tls, 'POST', `/v1/uploads/${uploadId}`), call(env.up.url, env.kiosk.tls, 'DELETE', `/v1/uploads/${uploadId}`)]);
    expect([204, 404]).toContain(cancel.status);
    if (done.status === 201) expect(env.up.control.packet(id)).toMatchObject({ digest });
    else expect(done.status).toBe(404); // the cancel came first: nothing stored, the upload gone
    const put = await call(env.up.url, env.kiosk.tls, 'PUT', `/v1/packets/${id}`, jwe, { 'content-type': 'application/jose', 'content-digest': `sha-256=:${createHash('sha256').update(jwe).digest('base64')}:` });
    expect(put.status).toBe(done.status === 201 ? 200 : 201);
    expect(env.up.control.packet(id)).toMatchObject({ digest });
  });

  it('a cancel after the completion is unknown and the stored packet stays', async () => {
    const id = newDossierId();
    const { digest, uploadId } = await fullUpload(id);
    expect((await call(env.up.url, env.kiosk.tls, 'POST', `/v1/uploads/${uploadId}`)).status).toBe(201);
    expect(await call(env.up.url, env.kiosk.tls, 'DELETE', `/v1/uploads/${uploadId}`)).toMatchObject({ status: 404, json: { code: 'upload.unknown' } });
    expect(env.up.control.packet(id)).toMatchObject({ digest });
  });
});
