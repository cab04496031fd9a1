/**
 * Security review (issue 13, auth.confirmSupervisor): a signed-in officer can type any name and
 * password on their own screen. Wrong passwords count toward the named account's lock-out (as
 * intended), but the audit trail records them only as that account's 'auth.failed' / 'auth.locked_out',
 * never which officer's session made them; and the answer after five tries tells a real account
 * (auth.locked, with the time) from a made-up one (auth.bad_credentials for ever): a username oracle
 * and an unattributed way to lock every supervisor out of approving.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../events';
import { silentLogger } from '../log';
import { createAccount } from './accounts';
import { AuthService } from './auth-service';

const PW = 'Mật-khẩu-2026!';

async function station() {
  const auth = new AuthService({ dataDir: mkdtempSync(join(tmpdir(), 'kiosk-confirm-attack-')), hub: new EventHub(silentLogger), log: silentLogger, idleMs: 60_000 });
  const first = await auth.create({ passphrase: 'công an phường Bến Nghé 2026', admin: { username: 'qtv01', displayName: 'Quản trị viên', password: 'Quản-trị-2026!' } });
  const canbo = await createAccount(auth.db, first.officer!.id, { username: 'canbo1', displayName: 'Cán bộ Một', role: 'officer', password: PW });
  await createAccount(auth.db, first.officer!.id, { username: 'lanhdao1', displayName: 'Lãnh đạo Một', role: 'supervisor', password: PW });
  await auth.signIn('canbo1', PW);
  return { auth, canbo };
}

async function fiveWrong(auth: AuthService, username: string): Promise<string> {
  let code = '';
  for (let i = 0; i < 5; i++) {
    code = await auth.confirmSupervisor({ username, password: 'sai-mat-khau', purpose: 'chip_failed' }).then(
      () => 'ok',
      (e: { code: string }) => e.code,
    );
  }
  return code;
}

describe('auth.confirmSupervisor from the officer’s screen', () => {
  it('failed supervisor checks are on the record with the officer whose screen made them (was: failures unattributed)', async () => {
    const { auth, canbo } = await station();
    await fiveWrong(auth, 'lanhdao1');
    const rows = auth.db.prepare(`SELECT action, detail FROM audit WHERE action IN ('auth.failed', 'auth.locked_out', 'auth.supervisor_failed')`).all() as Array<{ action: string; detail: string | null }>;
    expect(rows.length).toBe(5);
    expect(rows.every((r) => (r.detail ?? '').includes(canbo.id))).toBe(true);
    auth.close();
  });

  it('five wrong passwords answer the same for a real supervisor and a made-up name (was: lock-out tells real names)', async () => {
    const { auth } = await station();
    const real = await fiveWrong(auth, 'lanhdao1');
    const madeUp = await fiveWrong(auth, 'khong-co-ai');
    expect(real).toBe(madeUp);
    auth.close();
  });
});
