import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFor, verifyAudit } from './audit';
import * as D from './dossiers';
import { purgeExpired } from './retention';
import { acceptedAt, addOfficers, draftAt, stateOf } from './retention-fixture';
import { createStore } from './store';

async function storeWithOfficers() {
  const s = await createStore(mkdtempSync(join(tmpdir(), 'kiosk-retention-')), { passphrase: 'retention passphrase' }, { N: 2 ** 14, r: 8, p: 1 });
  addOfficers(s.db);
  return { s, db: s.db, t0: new Date('2026-11-01T08:00:00Z') };
}

describe('retention', () => {
  it('purges accepted dossiers after the retention days to a receipt, and deletes drafts older than a day', async () => {
    const { s, db, t0 } = await storeWithOfficers();
    const d = acceptedAt(db, t0);
    const oldDraft = draftAt(db, t0, '001190099999');
    const freshDraft = draftAt(db, new Date('2026-11-20T07:00:00Z'), '001190088888');

    expect(purgeExpired(db, new Date('2026-11-20T08:00:00Z'), 30)).toEqual({ purged: 0, draftsDeleted: 1 });
    expect(() => D.get(db, oldDraft)).toThrow();
    expect(D.get(db, freshDraft).state).toBe('draft');

    expect(purgeExpired(db, new Date('2026-12-02T08:00:00Z'), 30)).toMatchObject({ purged: 1 });
    const purged = D.get(db, d);
    expect(purged).toMatchObject({ state: 'purged', idNumber: null, fullName: null });
    const receipt = JSON.parse((db.prepare('SELECT body FROM dossiers WHERE id = ?').get(d) as { body: string }).body);
    expect(receipt).toMatchObject({ receipt: true, id: d, station: 'Công an phường Hoàn Kiếm', outcome: 'accepted' });
    expect(JSON.stringify(receipt)).not.toMatch(/Nguyễn|001190012345|0912345678/);
    expect(D.image(db, d, 'live_portrait')).toBeNull();
    expect(auditFor(db, d).at(-1)?.action).toBe('dossier.purged');
    expect(verifyAudit(db).ok).toBe(true);
    s.close();
  });

  it('still purges a dossier whose body no longer reads as a draft (another schema version, damage), and the expired drafts after it', async () => {
    const { s, db, t0 } = await storeWithOfficers();
    const odd = acceptedAt(db, t0);
    db.prepare(`UPDATE dossiers SET body = json_set(body, '$.schemaVersion', 99) WHERE id = ?`).run(odd);
    const oldDraft = draftAt(db, t0, '001190099999');
    expect(purgeExpired(db, new Date('2026-12-02T08:00:00Z'), 30)).toEqual({ purged: 1, draftsDeleted: 1 });
    expect(stateOf(db, odd)).toBe('purged');
    expect(JSON.parse((db.prepare('SELECT body FROM dossiers WHERE id = ?').get(odd) as { body: string }).body)).toMatchObject({ receipt: true, station: 'Công an phường Hoàn Kiếm' });
    expect(stateOf(db, oldDraft)).toBeNull();
    expect(D.image(db, odd, 'live_portrait')).toBeNull();
    s.close();
  });
});
