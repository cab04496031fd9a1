import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Officer } from '../../host/auth/accounts';
import * as D from '../../host/store/dossiers';
import { createStore } from '../../host/store/store';
import { sampleDossier } from '../../host/store/test-dossier';
import { checkAfterCrashes, CRASH_KDF, idNumberOf } from './crash-check';

const officer: Officer = { id: 'o-1', username: 'cb01', displayName: 'Cán bộ', role: 'officer', active: true };
const supervisor: Officer = { id: 's-1', username: 'ld01', displayName: 'Lãnh đạo', role: 'supervisor', active: true };
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

async function setUp() {
  const s = await createStore(mkdtempSync(join(tmpdir(), 'kiosk-crashcheck-')), { passphrase: 'crash-check passphrase' }, CRASH_KDF);
  const add = s.db.prepare(`INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 'now')`);
  for (const o of [officer, supervisor]) add.run(o.id, o.username, o.displayName, o.role);
  const approved = (n: number) => {
    const d = D.createDraft(s.db, officer, sampleDossier({ idNumber: idNumberOf(n) }), { live_portrait: jpeg });
    D.submit(s.db, officer, d.id, { allowDuplicate: true });
    return D.approve(s.db, supervisor, d.id);
  };
  return { s, approved };
}

describe('the crash checker catches what it claims to', () => {
  it('a sound store passes', async () => {
    const { s, approved } = await setUp();
    const d = approved(1);
    expect(checkAfterCrashes(s.db, new Map([[1, { state: 'queued', id: d.id }]]), idNumberOf)).toMatchObject({ lost: 0, duplicated: 0, halfWritten: 0, auditOk: true });
  });

  it('counts a reported commit the store does not hold as lost', async () => {
    const { s } = await setUp();
    const d = D.createDraft(s.db, officer, sampleDossier({ idNumber: idNumberOf(1) }));
    expect(checkAfterCrashes(s.db, new Map([[1, { state: 'queued', id: d.id }]]), idNumberOf).lost).toBe(1);
  });

  it('counts a second dossier for the same intake as duplicated, and an approval without its outbox row as half-written', async () => {
    const { s, approved } = await setUp();
    approved(1);
    const second = approved(1);
    s.db.prepare('DELETE FROM outbox WHERE dossier_id = ?').run(second.id);
    const v = checkAfterCrashes(s.db, new Map(), idNumberOf);
    expect(v.duplicated).toBe(1);
    expect(v.halfWritten).toBe(1);
  });
});
