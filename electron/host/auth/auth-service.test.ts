import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../events';
import { silentLogger } from '../log';
import { acceptedAt, addOfficers, draftAt, stateOf } from '../store/retention-fixture';
import { writeSettings } from '../store/settings';
import { AuthService } from './auth-service';

const admin = { username: 'qtv01', displayName: 'Quản trị viên', password: 'Quản-trị-2026!' };
const PASS = 'công an phường Bến Nghé 2026';

function service(dataDir: string, now?: () => number) {
  const hub = new EventHub(silentLogger);
  const events: Array<{ officer: unknown; store: string }> = [];
  hub.subscribe((name, p) => name === 'auth.changed' && events.push(p as { officer: unknown; store: string }));
  return { auth: new AuthService({ dataDir, hub, log: silentLogger, now, idleMs: 60_000 }), events };
}

describe('AuthService', () => {
  it('first run → the administrator is signed in; a restart is locked until the passphrase; a wrong one is refused and counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-authsvc-'));
    const first = service(dir);
    expect(first.auth.status()).toMatchObject({ store: 'missing', officer: null });
    await expect(first.auth.create({ passphrase: PASS, admin: { ...admin, password: 'weak' } })).rejects.toMatchObject({ code: 'auth.weak_password' });
    expect(first.auth.status().store).toBe('missing'); // nothing written for a refused first run
    expect((await first.auth.create({ passphrase: PASS, admin })).officer).toMatchObject({ username: 'qtv01', role: 'admin' });
    await expect(first.auth.create({ passphrase: PASS, admin })).rejects.toMatchObject({ code: 'store.exists' });
    first.auth.close();

    const again = service(dir);
    expect(again.auth.status()).toMatchObject({ store: 'locked', keyHolder: 'passphrase' });
    await expect(again.auth.signIn('qtv01', admin.password)).rejects.toMatchObject({ code: 'store.locked' });
    await expect(again.auth.unlock('công an phường Bến Nghé 2025')).rejects.toMatchObject({ code: 'store.wrong_passphrase' });
    expect(again.auth.status()).toMatchObject({ store: 'locked', unlockFailures: 1 });
    expect((await again.auth.unlock(PASS)).store).toBe('open');
    expect((await again.auth.signIn('QTV01 ', admin.password)).officer?.role).toBe('admin');
    again.auth.close();
  });

  it('the idle lock ends the session and tells the screen', async () => {
    let t = 1_000_000;
    const { auth, events } = service(mkdtempSync(join(tmpdir(), 'kiosk-authsvc-')), () => t);
    await auth.create({ passphrase: PASS, admin });
    expect(auth.authorize('accounts')).toBeNull();
    t += 61_000;
    expect(auth.authorize('accounts')).toBe('auth.required');
    expect(events.at(-1)).toMatchObject({ officer: null, store: 'open' });
    auth.close();
  });

  it('retention runs when the store unlocks (after the unlock entry), with the administrator’s days; the idle lock is the stored one', async () => {
    const day = 86_400_000;
    let t = Date.parse('2026-12-01T08:00:00Z');
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-authsvc-'));
    const first = service(dir, () => t);
    await first.auth.create({ passphrase: PASS, admin });
    const db = first.auth.db;
    addOfficers(db);
    const accepted = acceptedAt(db, new Date(t - 20 * day));
    const oldDraft = draftAt(db, new Date(t - 2 * day), '001190000011');
    const freshDraft = draftAt(db, new Date(t - 60_000), '001190000012');
    writeSettings(db, 'admin', { retentionDays: 14, idleLockMinutes: 3 });
    first.auth.close();

    const again = service(dir, () => t);
    await again.auth.unlock(PASS);
    const db2 = again.auth.db;
    expect([stateOf(db2, accepted), stateOf(db2, oldDraft), stateOf(db2, freshDraft)]).toEqual(['purged', null, 'draft']);
    const actions = (db2.prepare(`SELECT action FROM audit WHERE seq >= (SELECT max(seq) FROM audit WHERE action = 'store.unlocked') ORDER BY seq`).all() as Array<{ action: string }>).map((r) => r.action);
    expect(actions).toEqual(['store.unlocked', 'dossier.purged', 'draft.expired']);

    expect(again.auth.status().idleLockMs).toBe(180_000); // not the 60 s the service was built with
    await again.auth.signIn(admin.username, admin.password);
    t += 181_000;
    expect(again.auth.authorize('settings')).toBe('auth.required');
    again.auth.close();
  });

  it('a store sealed by the OS keystore opens by itself; a keystore that refuses leaves it locked and logged, not the app down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-authsvc-'));
    const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
    const sealer = { name: 'test-keystore', seal: xor, unseal: xor };
    const hub = new EventHub(silentLogger);
    const first = new AuthService({ dataDir: dir, hub, log: silentLogger, sealer });
    await first.create({ passphrase: 'ignored with a keystore', admin });
    first.close();

    const opens = new AuthService({ dataDir: dir, hub, log: silentLogger, sealer });
    await opens.autoUnlock();
    expect(opens.status()).toMatchObject({ store: 'open', keyHolder: 'os-keystore' });
    opens.close();

    const lines: string[] = [];
    const log = { info() {}, warn() {}, error: (event: string, f?: Record<string, unknown>) => void lines.push(JSON.stringify({ event, ...f })) };
    const refusing = { name: 'test-keystore', seal: xor, unseal: (): Buffer => { throw new Error('keyring locked for user nhung'); } };
    const locked = new AuthService({ dataDir: dir, hub, log, sealer: refusing });
    await locked.autoUnlock();
    expect(locked.status()).toMatchObject({ store: 'locked', keyHolder: 'os-keystore' });
    expect(lines).toEqual([JSON.stringify({ event: 'store.keystore_refused', sealer: 'test-keystore', kind: 'Error' })]);
    locked.close();
  });
});
