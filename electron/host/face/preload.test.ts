/**
 * The face model preloaded by a real demo host as it starts: start-up does not wait for it, and a
 * face.compare issued while it loads waits for that load (the model is loaded once) and answers once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seedAssets } from '../../cli/store/seed-dossiers';
import type { Host } from '../host';
import type { Logger } from '../log';
import { makePortraitJpeg } from '../sim/virtual-cccd/portrait';
import * as D from '../store/dossiers';
import { sampleDossier } from '../store/test-dossier';
import { demoHost, signInAs, testCtx } from '../test-host';
import { faceModelLoadState } from './model';

let host: Host | undefined;
afterAll(() => host?.close());

describe('face model preload', () => {
  it('starts at host start without holding it up; a face.compare during the load waits for it, once', async () => {
    const events: string[] = [];
    const log: Logger = { info: (e) => events.push(e), warn: (e) => events.push(e), error: (e) => events.push(e) };
    expect(faceModelLoadState()).toEqual({ loads: 0, state: 'idle' });
    host = await demoHost('kiosk-face-preload-', log, { preloadFaceModel: true });
    // The host is up and the load is under way in the model's thread, not finished.
    expect(faceModelLoadState()).toEqual({ loads: 1, state: 'loading' });

    expect(await signInAs(host, 'canbo')).toBe(true);
    const officer = host.context.auth.officer()!;
    // Two portraits without a face: the model has to run to say so.
    const images = { ...seedAssets().images, chip_portrait: makePortraitJpeg(240, 320, 7).bytes, live_portrait: makePortraitJpeg(480, 640, 8).bytes };
    const id = D.createDraft(host.context.auth.db, officer, sampleDossier({ idNumber: '001190009876' }), images).id;
    expect(faceModelLoadState().state).toBe('loading'); // the compare below is issued during the preload
    let answers = 0;
    const compared = host.dispatch('face.compare', { id }, testCtx).then((r) => {
      answers++;
      return r;
    });
    const r = await compared;
    expect(r).toMatchObject({ ok: true, value: { faceMatch: { decision: 'not_compared', reason: 'no_face_chip' } } });
    expect(answers).toBe(1);
    expect(faceModelLoadState()).toEqual({ loads: 1, state: 'loaded' });
    expect(events.filter((e) => e.startsWith('face.model_preload'))).toEqual(['face.model_preloaded']);
  }, 120_000);
});
