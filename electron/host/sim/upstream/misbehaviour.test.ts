import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { sampleInput } from '../../sync/packet/test-packets';
import { call, putPacket } from './test-client';
import { useUpstream } from './test-upstream';

const env = useUpstream('upstream-faults-');
const { chipFiles } = env;
const packet = (id: string) => buildPacket(sampleInput(id, chipFiles), env.kiosk.keys);
const put = async (id: string) => putPacket(env.up.url, env.kiosk.tls, id, (await packet(id)).jwe);

describe('reference upstream, scripted to misbehave', () => {
  it('429 with Retry-After, then 503, for the scripted number of requests; then it answers', async () => {
    const id = newDossierId();
    env.up.control.failNext(2, 429, 7);
    for (let i = 0; i < 2; i++) {
      const a = await put(id);
      expect([a.status, a.headers['retry-after'], a.json.code]).toEqual([429, '7', 'rate_limited']);
    }
    env.up.control.failNext(1, 503);
    expect(await put(id)).toMatchObject({ status: 503, json: { code: 'unavailable' } });
    expect((await put(id)).status).toBe(201);
  });

  it('stores, then drops the acknowledgement: the kiosk sees the connection die, the packet is stored once, the retry is a 200', async () => {
    const id = newDossierId();
    env.up.control.dropAcks(1);
    const dropped = once(env.up.events, 'ack-dropped');
    await expect(put(id)).rejects.toThrow();
    expect(await dropped).toEqual([{ dossierId: id }]);
    expect(env.up.control.packet(id)).toBeDefined();
    expect((await put(id)).status).toBe(200);
  });

  it('duplicate acknowledgements: every decision appears twice in the feed', async () => {
    const since = String((await call(env.up.url, env.kiosk.tls, 'GET', '/v1/status?since=0&limit=500')).json.cursor);
    env.up.control.duplicateChanges(true);
    const id = newDossierId();
    await put(id);
    env.up.control.duplicateChanges(false);
    const changes = (await call(env.up.url, env.kiosk.tls, 'GET', `/v1/status?since=${since}`)).json.changes as Array<{ dossierId: string; status: string; seq: number }>;
    expect(changes.map((c) => c.status)).toEqual(['received', 'accepted', 'accepted']);
    expect(new Set(changes.map((c) => c.seq)).size).toBe(3);
  });

  it('a restart on the same folder keeps its CA, devices, packets and feed; the same packet is still a 200', async () => {
    const id = newDossierId();
    await put(id);
    const before = (await call(env.up.url, env.kiosk.tls, 'GET', '/v1/status?since=0&limit=500')).json;
    const { caPem } = env.up;
    await env.restart();
    expect(env.up.caPem).toBe(caPem);
    expect((await call(env.up.url, env.kiosk.tls, 'GET', '/v1/status?since=0&limit=500')).json).toEqual(before);
    expect((await put(id)).status).toBe(200);
    expect(env.up.control.packetCount()).toBe(4);
  });

  it('slow: the packet is stored but the answer waits (here until the upstream stops)', async () => {
    const id = newDossierId();
    env.up.control.slow(600_000);
    let settled = false;
    const answer = put(id).finally(() => (settled = true));
    await once(env.up.events, 'stored');
    expect(env.up.control.packet(id)).toBeDefined();
    expect(settled).toBe(false);
    await env.up.stop();
    await expect(answer).rejects.toThrow();
  });
});
