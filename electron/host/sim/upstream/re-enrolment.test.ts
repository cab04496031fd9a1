/**
 * A re-enrolment signed with the old device's key links the new device to the old one: its feed
 * (and packet look-ups) cover the old device's dossiers. A bad proof refuses the enrolment; a
 * revoked old device is not linked.
 */
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { generateSigningKey } from '../../sync/packet/keys';
import { sampleInput } from '../../sync/packet/test-packets';
import { reEnrolmentClaim, signReEnrolment } from '../../sync/re-enrolment';
import { call, enrolKiosk, makeCsr, putPacket, type TestKiosk } from './test-client';
import { useUpstream } from './test-upstream';

const env = useUpstream('upstream-reenrol-');

/** Enrols a new device continuing `old`, the proof signed with `proofKey` (the old key unless given). */
async function reEnrol(old: TestKiosk, proofKey = old.signing.privateJwk) {
  const token = env.up.control.issueToken();
  const [{ csrPem, keyPem }, signing] = await Promise.all([makeCsr(), generateSigningKey()]);
  const previous = signReEnrolment({ deviceId: old.deviceId, signingJwk: proofKey }, reEnrolmentClaim(token, csrPem, signing.publicJwk));
  const body = JSON.stringify({ token, csrPem, signingKey: signing.publicJwk, station: { name: 'Trạm thử' }, appVersion: '0.1.0', previous });
  const a = await call(env.up.enrolmentUrl, { ca: env.up.caPem }, 'POST', '/v1/devices/enrolment', body, { 'content-type': 'application/json' });
  return { a, tls: { ca: env.up.caPem, cert: String(a.json.clientCertificatePem), key: keyPem } };
}

const feedIds = async (tls: { ca: string; cert: string; key: string }) =>
  ((await call(env.up.url, tls, 'GET', '/v1/status?since=0&limit=500')).json.changes as Array<{ dossierId: string; status: string }>).map((c) => `${c.dossierId} ${c.status}`);

describe('re-enrolment', () => {
  it("the new device's feed and packet look-up cover the old device's dossiers (decided after the re-enrolment)", async () => {
    env.up.control.mode('hold');
    const old = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    const id = newDossierId();
    expect((await putPacket(env.up.url, old.tls, id, (await buildPacket(sampleInput(id, env.chipFiles), old.keys)).jwe)).status).toBe(201);
    const { a, tls } = await reEnrol(old);
    expect(a.status).toBe(201);
    env.up.control.accept(id);
    expect(await feedIds(tls)).toEqual([`${id} received`, `${id} accepted`]);
    expect((await call(env.up.url, tls, 'GET', `/v1/packets/${id}`)).json).toMatchObject({ dossierId: id, status: 'accepted' });
  });

  it('a proof not signed by the old device refuses the enrolment', async () => {
    const old = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    const intruder = await generateSigningKey();
    expect((await reEnrol(old, intruder.privateJwk)).a).toMatchObject({ status: 400, json: { code: 'enrolment.csr_invalid' } });
  });

  it('a revoked old device is not linked: the new device does not see its dossiers', async () => {
    env.up.control.mode('hold');
    const old = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
    const id = newDossierId();
    expect((await putPacket(env.up.url, old.tls, id, (await buildPacket(sampleInput(id, env.chipFiles), old.keys)).jwe)).status).toBe(201);
    env.up.control.revoke(old.deviceId);
    const { a, tls } = await reEnrol(old);
    expect(a.status).toBe(201);
    expect(await feedIds(tls)).toEqual([]);
  });
});
