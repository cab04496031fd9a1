/**
 * Every channel of the contract, called signed out and as each role: the host refuses exactly the
 * calls the role table forbids (auth.required / auth.forbidden), before looking at the payload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, channelNames } from '../../../shared/contract/index';
import { can, type Role } from '../../../shared/domain/roles';
import type { Host } from '../host';
import { TRAINING_ACCOUNTS, TRAINING_PASSWORD } from './training';
import { demoHost } from '../test-host';

let host: Host;
const ctx = { shell: 'test' as const, senderUrl: 'test' };

beforeAll(async () => {
  host = await demoHost('kiosk-access-');
});
afterAll(() => host.close());

async function signInAs(role: Role | null) {
  await host.dispatch('auth.signOut', undefined, ctx);
  if (!role) return;
  const acc = TRAINING_ACCOUNTS.find((a) => a.role === role)!;
  const r = await host.dispatch('auth.signIn', { username: acc.username, password: TRAINING_PASSWORD }, ctx);
  expect(r.ok).toBe(true);
}

function expected(access: string, role: Role | null): 'allowed' | 'auth.required' | 'auth.forbidden' {
  if (access === 'public') return 'allowed';
  if (!role) return 'auth.required';
  if (access === 'signed_in') return 'allowed';
  return can(role, access as Parameters<typeof can>[1]) ? 'allowed' : 'auth.forbidden';
}

describe('the host enforces the role table on every channel', () => {
  it.each([null, 'officer', 'supervisor', 'admin'] as const)('as %s', async (role) => {
    const seen: Record<string, string> = {};
    const want: Record<string, string> = {};
    await signInAs(role);
    for (const ch of channelNames) {
      if (ch === 'auth.signOut') continue; // checked below: it would end the session under test
      // Signing in costs a password hash: only again when a call ended the session (or changed it).
      if (host.context.auth.officer()?.role !== role || (role === null && host.context.auth.officer())) await signInAs(role);
      // A payload no call accepts: an allowed call answers invalid_payload (or runs), a refused one never parses it.
      const r = await host.dispatch(ch, { __probe: 1 }, ctx);
      seen[ch] = !r.ok && (r.error.code === 'auth.required' || r.error.code === 'auth.forbidden') ? r.error.code : 'allowed';
      want[ch] = expected(calls[ch].access, role);
    }
    expect(seen).toEqual(want);
  });

  it('signing out needs a signed-in officer', async () => {
    await signInAs(null);
    const r = await host.dispatch('auth.signOut', undefined, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  });
});
