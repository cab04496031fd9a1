/** The store's command-line tools on a real data folder: seed, then audit verify (sound, then broken). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unlockStore } from '../../../electron/host/store/store';

const root = resolve(import.meta.dirname, '../../..');
const PASS = 'cli test passphrase 2026';

function cli(script: string, args: string[], dataDir: string, pass = PASS) {
  return spawnSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_STORE_PASSPHRASE: pass },
    timeout: 120_000,
  });
}

describe('store CLIs', () => {
  it('seed creates approved dossiers; audit verify passes, then names the first entry an edit broke (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-cli-'));
    const seeded = cli('electron/cli/store/seed.ts', ['--count', '3'], dir);
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout.trim())).toEqual({ seeded: 3, total: 3 });

    const ok = cli('electron/cli/store/audit-cli.ts', ['verify'], dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/audit ok: \d+ entries/);

    const s = await unlockStore(dir, { passphrase: PASS });
    s.db.exec('DROP TRIGGER audit_append_only_update');
    s.db.prepare(`UPDATE audit SET action = 'dossier.approved' WHERE seq = 5`).run();
    s.close();
    const broken = cli('electron/cli/store/audit-cli.ts', ['verify'], dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/audit BROKEN at entry 5: content altered/);

    const real = mkdtempSync(join(tmpdir(), 'kiosk-cli-real-'));
    const { createStore } = await import('../../../electron/host/store/store');
    const { createFirstAdmin } = await import('../../../electron/host/auth/accounts');
    const r = await createStore(real, { passphrase: PASS }, { N: 2 ** 14, r: 8, p: 1 });
    await createFirstAdmin(r.db, { username: 'qtv01', displayName: 'Quản trị', password: 'Quản-trị-2026!' });
    r.close();
    const refused = cli('electron/cli/store/seed.ts', ['--count', '1'], real);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/belongs to a real kiosk/);

    const wrong = cli('electron/cli/store/audit-cli.ts', ['verify'], dir, 'not the passphrase');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/wrong passphrase/);
  });
});
