/** host.lockNow (Electron's suspend and screen lock) on a real demo host: the session ends as on the idle lock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../shared/contract/index';
import type { Host } from './host';
import { demoHost, signInAs, testCtx } from './test-host';

let host: Host;
beforeAll(async () => {
  host = await demoHost('kiosk-host-lock-');
});
afterAll(() => host.close());

describe('host.lockNow', () => {
  it.each([
    ['suspend', 'auth.locked_suspend'],
    ['screen_lock', 'auth.locked_screen_lock'],
  ] as const)('%s signs the officer out, tells the screen with auth.changed, and audits it', async (reason, action) => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const told: AuthStatus[] = [];
    const off = host.hub.subscribe((name, p) => name === 'auth.changed' && told.push(p as AuthStatus));
    host.lockNow(reason);
    off();
    expect(told).toEqual([expect.objectContaining({ store: 'open', officer: null })]);
    expect(await host.dispatch('dossier.list', {}, testCtx)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    const last = host.context.auth.db.prepare('SELECT actor, action FROM audit ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ actor: 'system', action });
  });

  it('with nobody signed in it does nothing and tells nobody', async () => {
    await host.dispatch('auth.signOut', undefined, testCtx);
    const told: unknown[] = [];
    const off = host.hub.subscribe((name) => told.push(name));
    host.lockNow('suspend');
    off();
    expect(told).toEqual([]);
  });
});
