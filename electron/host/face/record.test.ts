/**
 * The face comparison through a real demo host's dispatcher and store: the host's result is what
 * the dossier keeps, whatever body the screen sends; a mismatch blocks submission until the
 * officer acknowledges it; the supervisor sees both.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAssets } from '../../cli/store/seed-dossiers';
import { TRAINING_PASSWORD } from '../auth/training';
import type { Host } from '../host';
import * as D from '../store/dossiers';
import { sampleDossier } from '../store/test-dossier';
import { chipPortrait, HAVE_FACES, livePortrait, NO_FACES_REASON } from './test-faces';
import { demoHost } from '../test-host';

let host: Host;
const ctx = { shell: 'test' as const, senderUrl: 'test' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked by shape with toMatchObject
type Loose = any;
const call = (ch: string, payload?: unknown) => host.dispatch(ch, payload, ctx) as Promise<{ ok: boolean; value?: Loose; error?: { code: string } }>;
async function as(username: string) {
  await call('auth.signOut');
  expect((await call('auth.signIn', { username, password: TRAINING_PASSWORD })).ok).toBe(true);
}
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const forged = { score: 0.99, decision: 'match', acknowledged: true, threshold: 0.5 } as const;

/** A chip-read draft of the signed-in officer's with this chip portrait and live portrait, as a card read would start it. */
function chipDraft(chip: Uint8Array, live: Uint8Array, n: number): string {
  const officer = host.context.auth.officer()!;
  const body = sampleDossier({ idNumber: `00119001${String(n).padStart(4, '0')}` });
  return D.createDraft(host.context.auth.db, officer, body, { ...seedAssets().images, chip_portrait: chip, live_portrait: live }).id;
}
const bodyOf = async (id: string) => (await call('dossier.get', { id })).value.body;

beforeAll(async () => {
  host = await demoHost('kiosk-face-');
});
afterAll(() => host.close());

describe.skipIf(!HAVE_FACES)(`face comparison in the dossier (skipped when ${NO_FACES_REASON})`, () => {
  it('an impostor: the host records "no match", the screen cannot forge it, submission waits for the acknowledgement, the supervisor sees it', async () => {
    await as('canbo');
    const id = chipDraft(await chipPortrait('aoc'), livePortrait('hill'), 1);
    const compared = await call('face.compare', { id });
    expect(compared).toMatchObject({ ok: true, value: { faceMatch: { decision: 'no_match', acknowledged: false, threshold: 0.5 } } });
    expect(compared.value.faceMatch.score).toBeLessThan(0.5);

    // The screen re-sends its body (with a forged "match") on every save: the host keeps its own.
    const body = { ...sampleDossier({ idNumber: '001190010001' }) };
    body.portrait = { ...body.portrait!, faceMatch: forged };
    expect(await call('dossier.save', { id, revision: 1, body })).toMatchObject({ ok: true });
    expect((await bodyOf(id)).portrait.faceMatch).toEqual(compared.value.faceMatch);
    expect(await call('dossier.submit', { id })).toMatchObject({ ok: false, error: { code: 'dossier.override_required' } });

    // Another officer cannot compare or acknowledge someone else's intake.
    await as('lanhdao');
    expect(await call('face.acknowledge', { id })).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
    await as('canbo');
    const ack = await call('face.acknowledge', { id });
    expect(ack).toMatchObject({ ok: true, value: { faceMatch: { decision: 'no_match', acknowledged: true } } });
    expect(await call('dossier.submit', { id })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    const actions = (await call('dossier.history', { id })).value.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['draft.created', 'face.compared', 'draft.saved', 'face.mismatch_acknowledged', 'dossier.submitted']);

    await as('lanhdao');
    expect((await bodyOf(id)).portrait.faceMatch).toMatchObject({ decision: 'no_match', acknowledged: true, score: compared.value.faceMatch.score });
  }, 180_000);

  it('a submission never skips the comparison; a match needs nothing more; a match cannot be "acknowledged"', async () => {
    await as('canbo');
    const impostor = chipDraft(await chipPortrait('d3'), livePortrait('aoc'), 2);
    // No face.compare call: the submission runs it.
    expect(await call('dossier.submit', { id: impostor })).toMatchObject({ ok: false, error: { code: 'dossier.override_required' } });
    expect((await bodyOf(impostor)).portrait.faceMatch).toMatchObject({ decision: 'no_match', acknowledged: false });

    const genuine = chipDraft(await chipPortrait('hill', 'jpeg180'), livePortrait('hill', 5), 3);
    expect(await call('face.acknowledge', { id: genuine })).toMatchObject({ ok: false, error: { code: 'dossier.incomplete' } });
    expect(await call('dossier.submit', { id: genuine })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    expect((await bodyOf(genuine)).portrait.faceMatch).toMatchObject({ decision: 'match', acknowledged: false });
  }, 180_000);

  it('a live portrait saved while the submission compares does not get the dossier through uncompared: it is compared again', async () => {
    await as('canbo');
    const id = chipDraft(await chipPortrait('hill'), livePortrait('hill', 5), 6);
    const other = livePortrait('aoc', 3);
    // The submission starts comparing the genuine portrait; the screen saves another person's meanwhile.
    const submitting = call('dossier.submit', { id });
    const saving = call('dossier.save', { id, revision: 1, body: sampleDossier({ idNumber: '001190010006' }), livePortrait: b64(other) });
    expect(await saving).toMatchObject({ ok: true });
    expect(await submitting).toMatchObject({ ok: false, error: { code: 'dossier.override_required' } });
    const fm = (await bodyOf(id)).portrait.faceMatch;
    expect(fm).toMatchObject({ decision: 'no_match', acknowledged: false });
    expect(fm.live).toBe(createHash('sha256').update(other).digest('hex'));
  }, 180_000);

  it('a new live portrait drops the old comparison; a body created with a comparison in it loses it', async () => {
    await as('canbo');
    const id = chipDraft(await chipPortrait('hill'), livePortrait('aoc'), 4);
    expect((await call('face.compare', { id })).value.faceMatch.decision).toBe('no_match');
    expect((await call('face.acknowledge', { id })).ok).toBe(true);
    // The right person sits down: the live portrait is taken again; the acknowledged mismatch goes with the old one.
    expect(await call('dossier.save', { id, revision: 1, body: sampleDossier({ idNumber: '001190010004' }), livePortrait: b64(livePortrait('hill', 6)) })).toMatchObject({ ok: true });
    expect((await bodyOf(id)).portrait.faceMatch).toBeUndefined();
    // The screen's comparison and the submission's may race: one is recorded, both answer the same.
    const [a, b] = await Promise.all([call('face.compare', { id }), call('face.compare', { id })]);
    expect(a.value.faceMatch).toMatchObject({ decision: 'match', acknowledged: false });
    expect(b.value.faceMatch).toEqual(a.value.faceMatch);
    const compares = (await call('dossier.history', { id })).value.entries.filter((e: { action: string }) => e.action === 'face.compared');
    expect(compares).toHaveLength(2); // the first portrait's and the new one's

    const qr = sampleDossier({ idNumber: '001190010005', overall: 'not_read' });
    qr.portrait = { ...qr.portrait!, faceMatch: forged };
    const created = await call('dossier.create', { body: qr });
    expect((await bodyOf(created.value.id)).portrait.faceMatch).toBeUndefined();
    // Without a chip portrait there is nothing to compare.
    expect(await call('face.compare', { id: created.value.id })).toMatchObject({ ok: true, value: { faceMatch: null } });
  }, 180_000);
});
