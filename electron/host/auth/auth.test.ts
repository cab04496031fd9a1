import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../store/audit';
import { createStore } from '../store/store';
import { AccountError, createAccount, createFirstAdmin, LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn } from './accounts';
import { DUMMY_HASH, hashPassword, isWellFormedHash, passwordProblem, verifyPassword } from './passwords';
import { can, ROLES } from './roles';
import { SessionState } from './session';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const store = () => createStore(mkdtempSync(join(tmpdir(), 'kiosk-auth-')), { passphrase: 'trạm công an phường 7' }, FAST);
const PW = 'Mật-khẩu-2026';

describe('passwords', () => {
  it('hash and verify (NFC/NFD alike); a wrong password or a malformed hash fails', async () => {
    const h = await hashPassword(PW);
    expect(await verifyPassword(PW.normalize('NFD'), h)).toBe(true);
    expect(await verifyPassword('Mật-khẩu-2027', h)).toBe(false);
    expect(await verifyPassword(PW, 'plain:' + PW)).toBe(false);
    expect(isWellFormedHash(DUMMY_HASH)).toBe(true);
  });

  it('refuses short or simple passwords', () => {
    expect(passwordProblem('Ab1!')).toBe('too_short');
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('too_simple');
    expect(passwordProblem(PW)).toBeNull();
  });
});

describe('accounts', () => {
  it('the first account is an administrator, and only once', async () => {
    const s = await store();
    const admin = await createFirstAdmin(s.db, { username: 'QTV01', displayName: 'Quản trị viên', password: PW });
    expect(admin).toMatchObject({ username: 'qtv01', role: 'admin' });
    await expect(createFirstAdmin(s.db, { username: 'qtv02', displayName: 'X', password: PW })).rejects.toMatchObject({ code: 'not_first_run' });
    await createAccount(s.db, admin.id, { username: 'cb01', displayName: 'Cán bộ Một', role: 'officer', password: PW });
    await expect(createAccount(s.db, admin.id, { username: 'CB01', displayName: 'dup', role: 'officer', password: PW })).rejects.toBeInstanceOf(AccountError);
    await expect(createAccount(s.db, admin.id, { username: 'cb02', displayName: 'weak', role: 'officer', password: 'password' })).rejects.toMatchObject({ code: 'weak_password' });
    expect(verifyAudit(s.db)).toMatchObject({ ok: true, entries: 2 });
    s.close();
  });

  it(`locks an account for 15 minutes after ${MAX_FAILED_SIGN_INS} wrong passwords, even for the right one`, async () => {
    const s = await store();
    await createFirstAdmin(s.db, { username: 'qtv01', displayName: 'Quản trị viên', password: PW });
    let t = new Date('2026-11-30T08:00:00Z').getTime();
    const now = () => new Date(t);
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) expect(await signIn(s.db, 'qtv01', 'wrong-Pass-1', now)).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await signIn(s.db, 'qtv01', 'wrong-Pass-1', now)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await signIn(s.db, 'qtv01', PW, now)).toMatchObject({ ok: false, reason: 'locked' });
    t += LOCKOUT_MS + 1000;
    expect(await signIn(s.db, 'qtv01', PW, now)).toMatchObject({ ok: true, officer: { role: 'admin' } });
    expect(await signIn(s.db, 'nobody', PW, now)).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(verifyAudit(s.db).ok).toBe(true);
    s.close();
  });
});

describe('roles', () => {
  it('matches the table in dossier.md', () => {
    expect(ROLES.filter((r) => can(r, 'intake'))).toEqual(['officer', 'supervisor']);
    expect(ROLES.filter((r) => can(r, 'approve'))).toEqual(['supervisor']);
    expect(ROLES.filter((r) => can(r, 'trust'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'accounts'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'store.unlock'))).toEqual(['supervisor', 'admin']);
    expect(ROLES.filter((r) => can(r, 'queue.all'))).toEqual(['supervisor']);
  });
});

describe('session', () => {
  it('locks after the idle limit; activity keeps it alive; sign-out ends it', () => {
    let t = 0;
    const ends: string[] = [];
    const s = new SessionState(5 * 60_000, () => t, (why) => ends.push(why));
    s.start({ id: 'o1', username: 'cb01', displayName: 'Cán bộ', role: 'officer', active: true });
    t += 4 * 60_000;
    s.touch();
    t += 4 * 60_000;
    expect(s.current()?.id).toBe('o1');
    t += 5 * 60_000 + 1;
    expect(s.current()).toBeNull();
    expect(ends).toEqual(['idle']);
    s.start({ id: 'o2', username: 'ld01', displayName: 'Lãnh đạo', role: 'supervisor', active: true });
    s.end('signed_out');
    expect(s.current()).toBeNull();
    expect(ends).toEqual(['idle', 'signed_out']);
  });
});
