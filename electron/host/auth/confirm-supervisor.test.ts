import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../events';
import { silentLogger } from '../log';
import { createAccount } from './accounts';
import { AuthService } from './auth-service';

const admin = { username: 'qtv01', displayName: 'Quản trị viên', password: 'Quản-trị-2026!' };
const PW = 'Mật-khẩu-2026!';

async function station() {
  const auth = new AuthService({ dataDir: mkdtempSync(join(tmpdir(), 'kiosk-confirm-')), hub: new EventHub(silentLogger), log: silentLogger, idleMs: 60_000 });
  const first = await auth.create({ passphrase: 'công an phường Bến Nghé 2026', admin });
  const adminId = first.officer!.id;
  const canbo = await createAccount(auth.db, adminId, { username: 'canbo1', displayName: 'Cán bộ Một', role: 'officer', password: PW });
  const lanhdao = await createAccount(auth.db, adminId, { username: 'lanhdao1', displayName: 'Lãnh đạo Một', role: 'supervisor', password: PW });
  await createAccount(auth.db, adminId, { username: 'canbo2', displayName: 'Cán bộ Hai', role: 'officer', password: PW });
  await auth.signIn('canbo1', PW);
  return { auth, canbo, lanhdao };
}

const audit = (auth: AuthService) =>
  auth.db.prepare("SELECT actor, action, dossier_id AS dossierId, detail FROM audit WHERE action LIKE 'auth.supervisor%' ORDER BY seq").all() as Array<{ actor: string; action: string; dossierId: string | null; detail: string }>;

describe('AuthService.confirmSupervisor', () => {
  it("a supervisor's password on the officer's screen: the officer stays signed in, the check is audited with its purpose", async () => {
    const { auth, canbo, lanhdao } = await station();
    const r = await auth.confirmSupervisor({ username: 'lanhdao1', password: PW, purpose: 'chip_failed', dossierId: 'd-1' });
    expect(r).toMatchObject({ supervisorId: lanhdao.id, displayName: 'Lãnh đạo Một' });
    expect(auth.officer()?.id).toBe(canbo.id);
    expect(audit(auth)).toEqual([{ actor: lanhdao.id, action: 'auth.supervisor_checked', dossierId: 'd-1', detail: JSON.stringify({ purpose: 'chip_failed', officer: canbo.id }) }]);
    auth.close();
  });

  it('another officer, or an administrator, cannot confirm: refused and audited', async () => {
    const { auth, canbo } = await station();
    await expect(auth.confirmSupervisor({ username: 'canbo2', password: PW, purpose: 'liveness_retry', reason: 'thử lại' })).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(auth.confirmSupervisor({ username: 'qtv01', password: admin.password, purpose: 'end_intake' })).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(audit(auth).map((e) => e.action)).toEqual(['auth.supervisor_checked', 'auth.supervisor_refused', 'auth.supervisor_checked', 'auth.supervisor_refused']);
    expect(JSON.parse(audit(auth)[1]!.detail)).toEqual({ purpose: 'liveness_retry', officer: canbo.id, reason: 'thử lại' });
    expect(auth.officer()?.id).toBe(canbo.id);
    auth.close();
  });

  it("wrong passwords count toward the supervisor's lock-out, as at sign-in", async () => {
    const { auth } = await station();
    for (let i = 0; i < 4; i++) {
      await expect(auth.confirmSupervisor({ username: 'lanhdao1', password: 'sai', purpose: 'chip_failed' })).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    }
    await expect(auth.confirmSupervisor({ username: 'lanhdao1', password: 'sai', purpose: 'chip_failed' })).rejects.toMatchObject({ code: 'auth.locked' });
    await expect(auth.confirmSupervisor({ username: 'lanhdao1', password: PW, purpose: 'chip_failed' })).rejects.toMatchObject({ code: 'auth.locked' });
    auth.close();
  });

  it("one officer's screen gets five wrong supervisor passwords in all, whatever names it types, then waits like a locked account", async () => {
    const { auth } = await station();
    const names = ['lanhdao1', 'khong-co-ai', 'canbo2', 'lanhdao1'];
    for (const username of names) {
      await expect(auth.confirmSupervisor({ username, password: 'sai', purpose: 'chip_failed' })).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    }
    await expect(auth.confirmSupervisor({ username: 'khac-nua', password: 'sai', purpose: 'chip_failed' })).rejects.toMatchObject({ code: 'auth.locked' });
    // lanhdao1 had only two wrong passwords: not locked as an account, but this screen is held
    await expect(auth.confirmSupervisor({ username: 'lanhdao1', password: PW, purpose: 'chip_failed' })).rejects.toMatchObject({ code: 'auth.locked' });
    const failed = auth.db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'auth.failed'").get() as { n: number };
    expect(failed.n).toBe(3); // the three attempts on real accounts, each naming the officer (see the attack test)
    auth.close();
  });
});
