/** A fresh encrypted store with an officer and a supervisor, and helpers that enrol workers, for the drive and report tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Officer } from '../auth/accounts';
import type { Db } from '../store/database';
import * as D from '../store/dossiers';
import { createStore, type OpenStore } from '../store/store';
import { sampleDossier } from '../store/test-dossier';

export const officer: Officer = { id: 'o-1', username: 'cb01', displayName: 'Cán bộ Một', role: 'officer', active: true };
export const supervisor: Officer = { id: 's-1', username: 'ld01', displayName: 'Lãnh đạo Hai', role: 'supervisor', active: true };
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

export const FIXTURE_PASSPHRASE = 'trạm công an khu công nghiệp';

export async function storeWithOfficers(dir = mkdtempSync(join(tmpdir(), 'kiosk-drives-'))): Promise<OpenStore> {
  const s = await createStore(dir, { passphrase: FIXTURE_PASSPHRASE }, { N: 2 ** 14, r: 8, p: 1 });
  const add = s.db.prepare(`INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 'now')`);
  for (const o of [officer, supervisor]) add.run(o.id, o.username, o.displayName, o.role);
  return s;
}

/** Opens a fresh store (as `storeWithOfficers`) before each test of the file, hands its database to `use`, closes it after. */
export function storeEachTest(use: (db: Db) => void): void {
  let s: OpenStore | undefined;
  beforeEach(async () => {
    s = await storeWithOfficers();
    use(s.db);
  });
  afterEach(() => s?.close());
}

export interface Worker {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  residence?: string;
  mobile?: string;
}

/** Takes, submits and (unless `approve` is false) approves one worker's dossier at `at`. */
export function enrol(db: Db, w: Worker, at = new Date(), approve = true): string {
  const body = sampleDossier({ idNumber: w.idNumber, fullName: w.fullName, dateOfBirth: w.dateOfBirth });
  if (w.residence) body.identity!.identity.placeOfResidence = w.residence;
  if (w.mobile) body.contact = { mobile: w.mobile };
  const d = D.createDraft(db, officer, body, { live_portrait: jpeg }, at);
  D.submit(db, officer, d.id, { allowDuplicate: true }, at);
  if (approve) D.approve(db, supervisor, d.id, at);
  return d.id;
}
