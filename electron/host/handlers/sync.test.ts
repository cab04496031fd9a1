/** Sync calls through the real dispatcher on a demo host: who may do what, and what the screen gets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../host';
import { sampleDossier } from '../store/test-dossier';
import { demoHost, signInAs, testCtx } from '../test-host';

let host: Host;
beforeAll(async () => {
  host = await demoHost('kiosk-sync-handlers-');
});
afterAll(() => host.close());

describe('sync calls', () => {
  it('every signed-in role reads the station\'s sync state; not enrolled, nothing running', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const r = await host.dispatch('sync.status', undefined, testCtx);
    expect(r).toMatchObject({ ok: true, value: { configured: false, enrolled: null, paused: false, running: false, counts: { pending: 0, failed: 0 } } });
  });

  it('officers cannot pause; a supervisor pauses and resumes, each audited under their id', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    expect(await host.dispatch('sync.pause', { paused: true }, testCtx)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await signInAs(host, 'lanhdao')).toBe(true);
    expect(await host.dispatch('sync.pause', { paused: true }, testCtx)).toMatchObject({ ok: true, value: { paused: true } });
    expect(await host.dispatch('sync.pause', { paused: false }, testCtx)).toMatchObject({ ok: true, value: { paused: false } });
    const me = host.context.auth.officer()!.id;
    const rows = host.context.auth.db.prepare(`SELECT actor, action FROM audit WHERE action LIKE 'sync.%' ORDER BY seq`).all();
    expect(rows).toEqual([{ actor: me, action: 'sync.paused' }, { actor: me, action: 'sync.resumed' }]);
  });

  it('only the administrator enrols, and only with an upstream configured', async () => {
    expect(await signInAs(host, 'lanhdao')).toBe(true);
    expect(await host.dispatch('sync.enrol', { token: 'x'.repeat(20) }, testCtx)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await signInAs(host, 'quantri')).toBe(true);
    expect(await host.dispatch('sync.enrol', { token: 'short' }, testCtx)).toMatchObject({ ok: false, error: { code: 'bridge.invalid_payload' } });
    expect(await host.dispatch('sync.enrol', { token: 'x'.repeat(20) }, testCtx)).toMatchObject({ ok: false, error: { code: 'sync.not_configured' } });
  });

  it('a dossier\'s sync of an unknown id is not_found', async () => {
    expect(await signInAs(host, 'lanhdao')).toBe(true);
    expect(await host.dispatch('sync.dossier', { id: 'HS-23456789AB' }, testCtx)).toMatchObject({ ok: false, error: { code: 'dossier.not_found' } });
  });

  it("another officer's dossier answers not_found like a missing one (was: dossier.forbidden told the id exists)", async () => {
    expect(await signInAs(host, 'lanhdao')).toBe(true);
    const created = (await host.dispatch('dossier.create', { body: sampleDossier({ idNumber: '079201000888', fullName: 'Lê Văn Bình', overall: 'not_read' }) }, testCtx)) as { ok: boolean; value?: { id: string } };
    expect(created.ok).toBe(true);
    const id = created.value!.id;
    expect(await host.dispatch('sync.dossier', { id }, testCtx)).toMatchObject({ ok: true });
    expect(await signInAs(host, 'canbo')).toBe(true);
    const theirs = await host.dispatch('sync.dossier', { id }, testCtx);
    const missing = await host.dispatch('sync.dossier', { id: 'HS-23456789AB' }, testCtx);
    expect(theirs).toEqual(missing);
  });
});
