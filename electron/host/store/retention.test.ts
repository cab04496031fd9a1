import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Officer } from '../auth/accounts';
import { auditFor, verifyAudit } from './audit';
import * as D from './dossiers';
import { purgeExpired } from './retention';
import { createStore } from './store';
import { sampleDossier } from './test-dossier';

const officer: Officer = { id: 'o-1', username: 'cb01', displayName: 'Cán bộ', role: 'officer', active: true };
const supervisor: Officer = { id: 's-1', username: 'ld01', displayName: 'Lãnh đạo', role: 'supervisor', active: true };
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

describe('retention', () => {
  it('purges accepted dossiers after the retention days to a receipt, and deletes drafts older than a day', async () => {
    const s = await createStore(mkdtempSync(join(tmpdir(), 'kiosk-retention-')), { passphrase: 'retention passphrase' }, { N: 2 ** 14, r: 8, p: 1 });
    const db = s.db;
    const add = db.prepare(`INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 'now')`);
    for (const o of [officer, supervisor]) add.run(o.id, o.username, o.displayName, o.role);
    const t0 = new Date('2026-11-01T08:00:00Z');
    const d = D.createDraft(db, officer, sampleDossier(), { live_portrait: jpeg }, t0);
    D.submit(db, officer, d.id, {}, t0);
    D.approve(db, supervisor, d.id, t0);
    // upstream acceptance is the sync issue's; here the row is moved as sync will
    db.prepare(`UPDATE dossiers SET state = 'accepted', upstream_outcome = 'accepted', updated_at = ? WHERE id = ?`).run(t0.toISOString(), d.id);
    const oldDraft = D.createDraft(db, officer, sampleDossier({ idNumber: '001190099999' }), {}, t0);
    const freshDraft = D.createDraft(db, officer, sampleDossier({ idNumber: '001190088888' }), {}, new Date('2026-11-20T07:00:00Z'));

    expect(purgeExpired(db, new Date('2026-11-20T08:00:00Z'), 30)).toEqual({ purged: 0, draftsDeleted: 1 });
    expect(() => D.get(db, oldDraft.id)).toThrow();
    expect(D.get(db, freshDraft.id).state).toBe('draft');

    expect(purgeExpired(db, new Date('2026-12-02T08:00:00Z'), 30)).toMatchObject({ purged: 1 });
    const purged = D.get(db, d.id);
    expect(purged).toMatchObject({ state: 'purged', idNumber: null, fullName: null });
    const receipt = JSON.parse((db.prepare('SELECT body FROM dossiers WHERE id = ?').get(d.id) as { body: string }).body);
    expect(receipt).toMatchObject({ receipt: true, id: d.id, station: 'Công an phường Hoàn Kiếm', outcome: 'accepted' });
    expect(JSON.stringify(receipt)).not.toMatch(/Nguyễn|001190012345|0912345678/);
    expect(D.image(db, d.id, 'live_portrait')).toBeNull();
    expect(auditFor(db, d.id).at(-1)?.action).toBe('dossier.purged');
    expect(verifyAudit(db).ok).toBe(true);
    s.close();
  });
});
