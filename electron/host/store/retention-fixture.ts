/** Dossiers at given ages for the retention tests: an officer and a supervisor, accepted dossiers and drafts. */
import type { Officer } from '../auth/accounts';
import type { Db } from './database';
import * as D from './dossiers';
import { sampleDossier } from './test-dossier';

export const officer: Officer = { id: 'o-1', username: 'cb01', displayName: 'Cán bộ', role: 'officer', active: true };
export const supervisor: Officer = { id: 's-1', username: 'ld01', displayName: 'Lãnh đạo', role: 'supervisor', active: true };
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

export function addOfficers(db: Db): void {
  const add = db.prepare(`INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 'now')`);
  for (const o of [officer, supervisor]) add.run(o.id, o.username, o.displayName, o.role);
}

/** Taken, submitted, approved and accepted upstream at `at` (the row moved as sync will move it). */
export function acceptedAt(db: Db, at: Date, idNumber = '001190012345'): string {
  const d = D.createDraft(db, officer, sampleDossier({ idNumber }), { live_portrait: jpeg }, at);
  D.submit(db, officer, d.id, {}, at);
  D.approve(db, supervisor, d.id, at);
  db.prepare(`UPDATE dossiers SET state = 'accepted', upstream_outcome = 'accepted', updated_at = ? WHERE id = ?`).run(at.toISOString(), d.id);
  return d.id;
}

export function draftAt(db: Db, at: Date, idNumber: string): string {
  return D.createDraft(db, officer, sampleDossier({ idNumber }), {}, at).id;
}

/** The dossier's state, or null once it is deleted. */
export function stateOf(db: Db, id: string): string | null {
  return (db.prepare('SELECT state FROM dossiers WHERE id = ?').get(id) as { state: string } | undefined)?.state ?? null;
}
