/** Sync tests: a real encrypted store with officers and approved (queued) dossiers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../store/database';
import * as D from '../store/dossiers';
import { addOfficers, officer, supervisor } from '../store/retention-fixture';
import { createStore, type OpenStore } from '../store/store';
import { sampleDossier } from '../store/test-dossier';

export const FAST_KDF = { N: 2 ** 14, r: 8, p: 1 };
export const TEST_PASSPHRASE = 'trạm công an phường 7';

export async function syncStore(prefix = 'kiosk-sync-'): Promise<OpenStore & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const s = await createStore(dataDir, { passphrase: TEST_PASSPHRASE }, FAST_KDF);
  addOfficers(s.db);
  return { ...s, dataDir };
}

const jpeg = (n: number) => {
  const b = Buffer.alloc(n, 7);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[n - 2] = 0xff;
  b[n - 1] = 0xd9;
  return new Uint8Array(b);
};

/** `count` dossiers taken, submitted and approved: each queued with its pending outbox row. */
export function approvedDossiers(db: Db, count: number, portraitBytes = 2_000): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const idNumber = `0011900${String(10_000 + i).padStart(5, '0')}`;
    const d = D.createDraft(db, officer, sampleDossier({ idNumber }), { live_portrait: jpeg(portraitBytes), chip_portrait: jpeg(500) });
    D.submit(db, officer, d.id, { allowDuplicate: true });
    D.approve(db, supervisor, d.id);
    ids.push(d.id);
  }
  return ids;
}

/** A returned dossier re-captured (a new live portrait), submitted and approved again, as its officer and supervisor would. */
export function recapture(db: Db, id: string): void {
  D.saveDraft(db, officer, id, D.get(db, id).revision, D.body(db, id), { live_portrait: jpeg(3_000) });
  D.submit(db, officer, id, { allowDuplicate: true });
  D.approve(db, supervisor, id);
}

export function outboxRow(db: Db, dossierId: string): { state: string; attempts: number; last_error: string | null; lease_owner: string | null } {
  return db.prepare('SELECT state, attempts, last_error, lease_owner FROM outbox WHERE dossier_id = ?').get(dossierId) as never;
}

export function dossierState(db: Db, id: string): string {
  return (db.prepare('SELECT state FROM dossiers WHERE id = ?').get(id) as { state: string }).state;
}
