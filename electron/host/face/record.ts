/**
 * The face comparison in the dossier: the host runs it on the portraits it holds (the chip's, from
 * its own card read, and the live one the officer saved) and writes the result into the body
 * itself, with the SHA-256 of the live portrait compared. The screen's body never carries it in
 * (dossiers.ts keeps the host's copy on every save). Writing it leaves the revision alone: it
 * changes nothing the officer typed, and the screen's next save must not turn stale for it.
 * Each write is one transaction with its audit entry.
 */
import { createHash } from 'node:crypto';
import type { FaceMatch } from '../../../shared/domain/dossier';
import type { Officer } from '../auth/accounts';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import * as D from '../store/dossiers';
import { comparePortraits, THRESHOLD, type FaceComparison } from './compare';

export type Comparer = (chip: Uint8Array, live: Uint8Array) => Promise<FaceComparison>;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function editableOwn(officer: Officer, row: D.DossierRow): void {
  if (row.officerId !== officer.id) throw new D.DossierError('forbidden', 'only the officer who took the intake compares its portraits');
  if (row.state !== 'draft' && row.state !== 'returned') throw new D.DossierError('wrong_state', `${row.state} is not editable`);
}

/** The stored comparison if it is of the live portrait the dossier holds now. */
export function currentFaceMatch(db: Db, id: string): FaceMatch | null {
  const live = D.image(db, id, 'live_portrait');
  const fm = D.body(db, id).portrait?.faceMatch;
  return live && fm && fm.live === sha256(live) ? fm : null;
}

function write(db: Db, id: string, fm: FaceMatch): void {
  const b = D.body(db, id);
  if (!b.portrait) throw new D.DossierError('incomplete', 'portrait');
  b.portrait.faceMatch = fm;
  db.prepare('UPDATE dossiers SET body = ? WHERE id = ?').run(JSON.stringify(b), id);
}

/** Records a comparison of `liveSha` (refused as stale when the live portrait changed meanwhile). */
export function recordFaceMatch(db: Db, officer: Officer, id: string, result: FaceComparison, liveSha: string, now = new Date()): FaceMatch {
  let fm: FaceMatch = { score: result.score, decision: result.decision, acknowledged: false, threshold: result.threshold, live: liveSha, ...(result.reason ? { reason: result.reason } : {}) };
  db.transaction(() => {
    editableOwn(officer, D.get(db, id));
    const live = D.image(db, id, 'live_portrait');
    if (!live || sha256(live) !== liveSha) throw new D.DossierError('stale', 'the live portrait changed during the comparison');
    // Two comparisons of one portrait may race (the screen's and the submission's): the first recorded stays, with its acknowledgement.
    const already = currentFaceMatch(db, id);
    if (already) {
      fm = already;
      return;
    }
    write(db, id, fm);
    appendAudit(db, { actor: officer.id, action: 'face.compared', dossierId: id, at: now.toISOString(), detail: { decision: fm.decision, score: fm.score, threshold: fm.threshold ?? null, reason: fm.reason ?? null } });
  }).immediate();
  return fm;
}

/**
 * The comparison of the dossier's current portraits: the stored one when it is of the live portrait
 * held now, otherwise run (outside any transaction) and recorded. Null when the dossier has no chip
 * portrait (a QR or typed intake) or no live portrait yet. A model that cannot run records
 * "not compared" (the officer and the supervisor compare by eye, and see that they must).
 */
export async function ensureFaceMatch(db: Db, officer: Officer, id: string, compare: Comparer = comparePortraits): Promise<FaceMatch | null> {
  editableOwn(officer, D.get(db, id));
  const chip = D.image(db, id, 'chip_portrait');
  const live = D.image(db, id, 'live_portrait');
  if (!chip || !live) return null;
  const cur = currentFaceMatch(db, id);
  if (cur) return cur;
  const liveSha = sha256(live);
  let result: FaceComparison;
  try {
    result = await compare(chip, live);
  } catch {
    result = { decision: 'not_compared', score: null, threshold: THRESHOLD, model: 'unavailable', reason: 'unavailable' };
  }
  return recordFaceMatch(db, officer, id, result, liveSha);
}

/** The officer's explicit acknowledgement of a mismatch: only of the current comparison, only a "no match". */
export function acknowledgeFaceMismatch(db: Db, officer: Officer, id: string, now = new Date()): FaceMatch {
  let out: FaceMatch | null = null;
  db.transaction(() => {
    editableOwn(officer, D.get(db, id));
    const fm = currentFaceMatch(db, id);
    if (!fm) throw new D.DossierError('incomplete', 'face_match');
    if (fm.decision !== 'no_match') throw new D.DossierError('wrong_state', `nothing to acknowledge: ${fm.decision}`);
    out = { ...fm, acknowledged: true };
    write(db, id, out);
    appendAudit(db, { actor: officer.id, action: 'face.mismatch_acknowledged', dossierId: id, at: now.toISOString(), detail: { score: fm.score } });
  }).immediate();
  return out!;
}
