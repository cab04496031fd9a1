/** Settings through a real demo host's dispatcher: only the administrator reads or changes them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../host';
import { demoHost, signInAs, testCtx } from '../test-host';

let host: Host;
beforeAll(async () => {
  host = await demoHost('kiosk-settings-calls-');
});
afterAll(() => host.close());

const call = (ch: string, payload?: unknown) => host.dispatch(ch, payload, testCtx);
const settingsAudit = () =>
  host.context.auth.db.prepare(`SELECT actor, detail FROM audit WHERE action = 'settings.changed' ORDER BY seq`).all() as Array<{ actor: string; detail: string }>;

describe('settings calls', () => {
  it.each(['canbo', 'lanhdao'])('%s (officer, supervisor) is refused by the host with auth.forbidden, and nothing changes', async (username) => {
    expect(await signInAs(host, username)).toBe(true);
    expect(await call('settings.set', { retentionDays: 1 })).toEqual({ ok: false, error: { code: 'auth.forbidden', message: expect.any(String) } });
    expect(await call('settings.get')).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(settingsAudit()).toEqual([]);
  });

  it('signed out, both are refused with auth.required', async () => {
    await call('auth.signOut');
    expect(await call('settings.set', { retentionDays: 1 })).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  });

  it('the administrator reads the defaults, changes them with an audit entry in their name, and the idle lock takes the new value', async () => {
    expect(await signInAs(host, 'quantri')).toBe(true);
    expect(await call('settings.get')).toEqual({ ok: true, value: { retentionDays: 30, idleLockMinutes: 5 } });
    expect(await call('settings.set', { retentionDays: 3651 })).toMatchObject({ ok: false, error: { code: 'bridge.invalid_payload' } });
    expect(await call('settings.set', { retentionDays: 60, idleLockMinutes: 2 })).toEqual({ ok: true, value: { retentionDays: 60, idleLockMinutes: 2 } });
    const admin = host.context.auth.officer()!;
    expect(settingsAudit()).toEqual([
      { actor: admin.id, detail: JSON.stringify({ setting: 'retention.days', from: 30, to: 60 }) },
      { actor: admin.id, detail: JSON.stringify({ setting: 'session.idle_minutes', from: 5, to: 2 }) },
    ]);
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { idleLockMs: 120_000 } });
    expect(await call('settings.get')).toEqual({ ok: true, value: { retentionDays: 60, idleLockMinutes: 2 } });
  });
});
