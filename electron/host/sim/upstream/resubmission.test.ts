/**
 * Re-submission of a dossier the upstream returned for correction (docs/upstream-api.yaml,
 * `submission` in the manifest): taken only after a rejection that asks for one and only with a
 * higher number; the same submission is exactly-once as before; an older one is never stored and
 * never replaces the newer. Every feed entry names the digest of the packet it is about.
 */
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { sampleInput } from '../../sync/packet/test-packets';
import { call, putPacket } from './test-client';
import { useUpstream } from './test-upstream';

const env = useUpstream('upstream-resubmit-');

const packet = (id: string, submission: number, approvedAt = '2026-11-30T01:00:00.000Z') =>
  buildPacket({ ...sampleInput(id, env.chipFiles), approvedAt, submission }, env.kiosk.keys);
const put = (id: string, jwe: string) => putPacket(env.up.url, env.kiosk.tls, id, jwe);
const feedFor = async (id: string) =>
  ((await call(env.up.url, env.kiosk.tls, 'GET', '/v1/status?since=0&limit=500')).json.changes as Array<{ dossierId: string; status: string; digest?: string }>).filter((c) => c.dossierId === id);

describe('re-submission after a rejection', () => {
  it('a higher submission is refused while the dossier is undecided or rejected for a reason that asks for no correction', async () => {
    env.up.control.mode('hold');
    const id = newDossierId();
    const first = await packet(id, 1);
    expect((await put(id, first.jwe)).status).toBe(201);
    const second = await packet(id, 2, '2026-11-30T02:00:00.000Z');
    expect(await put(id, second.jwe)).toMatchObject({ status: 409, json: { code: 'packet.conflict' } });
    env.up.control.reject(id, 'duplicate_person');
    expect(await put(id, second.jwe)).toMatchObject({ status: 409, json: { code: 'packet.conflict' } });
    expect(env.up.control.packet(id)).toMatchObject({ digest: first.digest, submission: 1 });
  });

  it('after portrait_quality: submission 2 is stored once (201, then 200), submission 1 afterwards is superseded, never stored again', async () => {
    env.up.control.mode('hold');
    const id = newDossierId();
    const first = await packet(id, 1);
    expect((await put(id, first.jwe)).status).toBe(201);
    env.up.control.reject(id, 'portrait_quality');
    const second = await packet(id, 2, '2026-11-30T02:00:00.000Z');
    expect(second.digest).not.toBe(first.digest);
    expect(await put(id, second.jwe)).toMatchObject({ status: 201, json: { digest: second.digest } });
    expect(await put(id, second.jwe)).toMatchObject({ status: 200, json: { digest: second.digest } });
    // Same submission, another packet: the exactly-once rule as for a first packet.
    const other = await packet(id, 2, '2026-11-30T03:00:00.000Z');
    expect(await put(id, other.jwe)).toMatchObject({ status: 409, json: { code: 'packet.conflict' } });
    // The old packet (an export imported late): never stored, never overrides.
    expect(await put(id, first.jwe)).toMatchObject({ status: 409, json: { code: 'packet.superseded' } });
    await expect(env.up.control.importPacket(first.jwe)).rejects.toThrow('packet.superseded');
    expect(env.up.control.packet(id)).toMatchObject({ digest: second.digest, submission: 2 });
    // The feed names each packet by its digest: the rejection is the first's, the new receipt the second's.
    expect(await feedFor(id)).toEqual([
      expect.objectContaining({ status: 'received', digest: first.digest }),
      expect.objectContaining({ status: 'rejected', digest: first.digest }),
      expect.objectContaining({ status: 'received', digest: second.digest }),
    ]);
  });
});
